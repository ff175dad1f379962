import { ShellError } from '../errors';
import type { Redirect, Script, Word, WordPart } from './ast';
import { readWord, type WordHost } from './word-reader';

/**
 * Splits shell source into tokens on demand (XCU §2.3). Reserved words are not decided here —
 * only the parser knows whether a word is in command position. Here-doc bodies are read when
 * the lexer passes the newline that ends the line their `<<` was on, as dash does.
 */
export type Op = '&&' | '||' | ';;' | ';' | '&' | '|' | '(' | ')' | '<' | '>' | '>>' | '<<' | '<<-' | '<&' | '>&' | '<>' | '>|';

export type Token =
  | { kind: 'word'; word: Word; pos: number; line: number }
  | { kind: 'io'; fd: number; pos: number; line: number }
  | { kind: 'op'; op: Op; pos: number; line: number }
  | { kind: 'newline'; pos: number; line: number }
  | { kind: 'eof'; pos: number; line: number };

// Longest first, so `<<-` wins over `<<` and `<`.
const OPS: Op[] = ['<<-', '&&', '||', ';;', '<<', '>>', '<&', '>&', '<>', '>|', ';', '&', '|', '(', ')', '<', '>'];

interface PendingHeredoc {
  redirect: Redirect;
  strip: boolean;
}

/** The grammar, injected so the lexer does not import the parser. */
export interface SubParsers {
  /** Parses a `$(...)` body from the lexer's position through its `)`. */
  commandSub(lexer: Lexer): Script;
  /** Parses a whole text (a backquote substitution's body). */
  script(text: string, line: number): Script;
}

export class Lexer implements WordHost {
  pos: number;
  private readonly lineStarts: number[] = [0];
  private readonly pending: PendingHeredoc[] = [];

  constructor(
    readonly src: string,
    /** Parses `$(...)` bodies with the full grammar; injected to keep lexer and parser apart. */
    private readonly parsers: SubParsers,
    start = 0,
    private readonly baseLine = 1,
  ) {
    this.pos = start;
    for (let i = 0; i < src.length; i++) if (src[i] === '\n') this.lineStarts.push(i + 1);
  }

  lineAt(pos: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return this.baseLine + lo;
  }

  parseCommandSub(pos: number): { body: Script; end: number } {
    const inner = new Lexer(this.src, this.parsers, pos, this.baseLine);
    const body = this.parsers.commandSub(inner);
    return { body, end: inner.pos };
  }

  parseText(text: string, line: number): Script {
    return this.parsers.script(text, line);
  }

  addHeredoc(redirect: Redirect): void {
    this.pending.push({ redirect, strip: redirect.op === '<<-' });
  }

  next(): Token {
    const { src } = this;
    for (;;) {
      const c = src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && src[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') {
        while (this.pos < src.length && src[this.pos] !== '\n') this.pos++;
      } else break;
    }
    const pos = this.pos;
    const line = this.lineAt(pos);
    if (pos >= src.length) return { kind: 'eof', pos, line };
    if (src[pos] === '\n') {
      this.pos++;
      this.readHeredocs();
      return { kind: 'newline', pos, line };
    }
    for (const op of OPS) {
      if (src.startsWith(op, pos)) {
        this.pos += op.length;
        return { kind: 'op', op, pos, line };
      }
    }
    const { parts, end } = readWord(this, pos, 'word');
    this.pos = end;
    const raw = src.slice(pos, end);
    if (/^[0-9]+$/.test(raw) && (src[end] === '<' || src[end] === '>')) return { kind: 'io', fd: Number(raw), pos, line };
    return { kind: 'word', word: { parts, raw }, pos, line };
  }

  /** Consumes the bodies of the here-docs opened on the line just ended (XCU §2.7.4). */
  private readHeredocs(): void {
    const { src } = this;
    for (const { redirect, strip } of this.pending.splice(0)) {
      const { delimiter, quoted } = heredocDelimiter(redirect.target);
      const bodyStart = this.pos;
      let body = '';
      while (this.pos < src.length) {
        let nl = src.indexOf('\n', this.pos);
        if (nl < 0) nl = src.length;
        let lineText = src.slice(this.pos, nl);
        this.pos = Math.min(nl + 1, src.length);
        if (strip) lineText = lineText.replace(/^\t+/, '');
        if (lineText === delimiter) break;
        body += `${lineText}\n`;
      }
      let parts: WordPart[];
      if (quoted) parts = body === '' ? [] : [{ kind: 'quoted', text: body }];
      else parts = readWord(new Lexer(body, this.parsers, 0, this.lineAt(bodyStart)), 0, 'heredoc').parts;
      redirect.heredoc = { body: { parts, raw: body }, quoted };
    }
  }
}

/** The delimiter with quotes removed; any quoting turns expansion off in the body. */
function heredocDelimiter(word: Word): { delimiter: string; quoted: boolean } {
  let delimiter = '';
  let quoted = false;
  const walk = (parts: WordPart[]): void => {
    for (const part of parts) {
      if (part.kind === 'literal') delimiter += part.text;
      else if (part.kind === 'quoted') {
        delimiter += part.text;
        quoted = true;
      } else if (part.kind === 'double') {
        quoted = true;
        walk(part.parts);
      } else {
        // `$x` in a delimiter is taken literally by every shell; keep its source text.
        delimiter += word.raw;
        return;
      }
    }
  };
  walk(word.parts);
  return { delimiter, quoted };
}

/** A shell name (XCU §3.235): variables, functions, `for` variables. */
export const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function syntaxError(message: string, line: number): ShellError {
  return new ShellError('syntax', `Syntax error: ${message}`, line);
}
