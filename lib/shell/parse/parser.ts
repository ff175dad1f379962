import type { AndOr, Assignment, Command, Pipeline, Redirect, RedirectOp, Script, Word } from './ast';
import { parseCase, parseFor, parseIf, parseWhile } from './compound';
import { Lexer, NAME, syntaxError, type Op, type Token } from './lexer';

/**
 * Recursive descent over XCU §2.10's grammar. Error texts are dash's (`"fi" unexpected`,
 * `end of file unexpected (expecting "done")`), because that is what `/bin/sh` prints on
 * Debian-based images and what a student will meet in real builds.
 */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', '{', '}', '!', 'in']);
const REDIRECT_OPS = new Set<Op>(['<', '>', '>>', '<<', '<<-', '<&', '>&', '<>', '>|']);
/** Words that end a compound list: a command cannot start with them. */
const LIST_END = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);

export class Parser {
  private peeked: Token | undefined;

  constructor(private readonly lexer: Lexer) {}

  static sub(lexer: Lexer): Script {
    const parser = new Parser(lexer);
    const body = parser.compoundList([], true);
    parser.expectOp(')', ')');
    return body;
  }

  /** The next complete command (one line's worth), or undefined at end of input. */
  nextCommand(): Script | undefined {
    this.skipNewlines();
    if (this.peek().kind === 'eof') return undefined;
    const items: AndOr[] = [];
    for (;;) {
      items.push(this.andOr());
      const t = this.peek();
      if (t.kind === 'op' && (t.op === ';' || t.op === '&')) {
        this.take();
        if (t.op === '&') (items[items.length - 1] as AndOr).background = true;
        const after = this.peek();
        if (after.kind === 'newline' || after.kind === 'eof') break;
        continue;
      }
      if (t.kind === 'newline' || t.kind === 'eof') break;
      throw this.unexpected(t);
    }
    const end = this.peek();
    if (end.kind === 'newline') this.take();
    return { items };
  }

  peek(): Token {
    this.peeked ??= this.lexer.next();
    return this.peeked;
  }

  take(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  skipNewlines(): void {
    while (this.peek().kind === 'newline') this.take();
  }

  isWord(t: Token, text: string): boolean {
    return t.kind === 'word' && t.word.parts.length === 1 && t.word.parts[0]?.kind === 'literal' && t.word.raw === text;
  }

  private reservedOf(t: Token): string | undefined {
    return t.kind === 'word' && t.word.parts.length === 1 && t.word.parts[0]?.kind === 'literal' && RESERVED.has(t.word.raw) ? t.word.raw : undefined;
  }

  unexpected(t: Token, expecting?: string): Error {
    let what: string;
    if (t.kind === 'eof') what = 'end of file';
    else if (t.kind === 'newline') what = 'newline';
    else if (t.kind === 'op') what = REDIRECT_OPS.has(t.op) ? 'redirection' : `"${t.op}"`;
    else if (t.kind === 'io') what = 'redirection';
    else what = this.reservedOf(t) !== undefined ? `"${t.word.raw}"` : 'word';
    return syntaxError(`${what} unexpected${expecting === undefined ? '' : ` (expecting "${expecting}")`}`, t.line);
  }

  expectWord(text: string): Token {
    const t = this.take();
    if (!this.isWord(t, text)) throw this.unexpected(t, text);
    return t;
  }

  expectOp(op: Op, expecting: string): void {
    const t = this.take();
    if (t.kind !== 'op' || t.op !== op) throw this.unexpected(t, expecting);
  }

  /** A compound list up to one of `ends` (not consumed). Empty lists are errors, as in dash. */
  compoundList(ends: string[], closeParen = false): Script {
    this.skipNewlines();
    const items: AndOr[] = [];
    for (;;) {
      const t = this.peek();
      const word = this.reservedOf(t);
      const atEnd = (word !== undefined && ends.includes(word)) || (closeParen && t.kind === 'op' && t.op === ')') || (t.kind === 'op' && t.op === ';;' && ends.includes(';;'));
      if (atEnd || t.kind === 'eof') {
        if (items.length === 0) throw this.unexpected(t, t.kind === 'eof' ? (closeParen ? ')' : ends[ends.length - 1]) : undefined);
        return { items };
      }
      if (word !== undefined && LIST_END.has(word)) throw this.unexpected(t, items.length > 0 ? ends[ends.length - 1] : undefined);
      items.push(this.andOr());
      const sep = this.peek();
      if (sep.kind === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.take();
        if (sep.op === '&') (items[items.length - 1] as AndOr).background = true;
      } else if (sep.kind !== 'newline') {
        const w = this.reservedOf(sep);
        const closes = (w !== undefined && ends.includes(w)) || (closeParen && sep.kind === 'op' && sep.op === ')') || (sep.kind === 'op' && sep.op === ';;' && ends.includes(';;'));
        if (!closes) throw this.unexpected(sep, sep.kind === 'eof' ? (closeParen ? ')' : ends[ends.length - 1]) : undefined);
      }
      this.skipNewlines();
    }
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || (t.op !== '&&' && t.op !== '||')) break;
      this.take();
      this.skipNewlines();
      rest.push({ op: t.op, pipeline: this.pipeline() });
    }
    return { first, rest, background: false };
  }

  private pipeline(): Pipeline {
    const start = this.peek();
    let negate = false;
    if (this.isWord(start, '!')) {
      this.take();
      negate = true;
      if (this.isWord(this.peek(), '!')) throw this.unexpected(this.peek());
    }
    const commands = [this.command()];
    while (this.peek().kind === 'op' && (this.peek() as { op: Op }).op === '|') {
      this.take();
      this.skipNewlines();
      commands.push(this.command());
    }
    return { negate, commands, line: start.line };
  }

  private command(): Command {
    const t = this.peek();
    const word = this.reservedOf(t);
    if (word !== undefined && word !== '!' && word !== 'in') {
      let cmd: Command;
      if (word === 'if') cmd = parseIf(this);
      else if (word === 'for') cmd = parseFor(this);
      else if (word === 'while' || word === 'until') cmd = parseWhile(this, word === 'until');
      else if (word === 'case') cmd = parseCase(this);
      else if (word === '{') {
        this.take();
        const body = this.compoundList(['}']);
        this.expectWord('}');
        cmd = { kind: 'group', body, redirects: [], line: t.line };
      } else throw this.unexpected(t);
      this.redirectsInto(cmd.kind === 'function' ? [] : cmd.redirects);
      return cmd;
    }
    if (t.kind === 'op' && t.op === '(') {
      this.take();
      const body = this.compoundList([], true);
      this.expectOp(')', ')');
      const cmd: Command = { kind: 'subshell', body, redirects: [], line: t.line };
      this.redirectsInto(cmd.redirects);
      return cmd;
    }
    return this.simpleCommand();
  }

  private redirectsInto(redirects: Redirect[]): void {
    for (;;) {
      const r = this.redirect();
      if (r === undefined) return;
      redirects.push(r);
    }
  }

  private redirect(): Redirect | undefined {
    let t = this.peek();
    let fd: number | undefined;
    if (t.kind === 'io') {
      this.take();
      fd = t.fd;
      t = this.peek();
    }
    if (t.kind !== 'op' || !REDIRECT_OPS.has(t.op)) {
      if (fd !== undefined) throw this.unexpected(t);
      return undefined;
    }
    this.take();
    const op = t.op as RedirectOp;
    const target = this.take();
    if (target.kind !== 'word') throw this.unexpected(target);
    const redirect: Redirect = { fd: fd ?? (op.startsWith('<') ? 0 : 1), op, target: target.word };
    if (op === '<<' || op === '<<-') this.lexer.addHeredoc(redirect);
    return redirect;
  }

  private simpleCommand(): Command {
    const start = this.peek();
    const assigns: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const r = this.redirect();
      if (r !== undefined) {
        redirects.push(r);
        continue;
      }
      const t = this.peek();
      if (t.kind !== 'word') break;
      this.take();
      const assign = words.length === 0 ? asAssignment(t.word) : undefined;
      if (assign !== undefined) assigns.push(assign);
      else words.push(t.word);
      const next = this.peek();
      if (words.length === 1 && assigns.length === 0 && redirects.length === 0 && next.kind === 'op' && next.op === '(') {
        return this.functionDef(t.word, t.line);
      }
    }
    if (assigns.length === 0 && words.length === 0 && redirects.length === 0) throw this.unexpected(start);
    return { kind: 'simple', assigns, words, redirects, line: start.line };
  }

  private functionDef(name: Word, line: number): Command {
    if (!NAME.test(name.raw)) throw syntaxError('Bad function name', line);
    this.take();
    this.expectOp(')', ')');
    this.skipNewlines();
    return { kind: 'function', name: name.raw, body: this.command(), line };
  }
}

/** `NAME=value` in command-prefix position (XCU §2.10.2 rule 7). */
function asAssignment(word: Word): Assignment | undefined {
  const first = word.parts[0];
  if (first?.kind !== 'literal') return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text);
  if (m === null) return undefined;
  const rest = first.text.slice(m[0].length);
  const parts = rest === '' ? word.parts.slice(1) : [{ kind: 'literal' as const, text: rest }, ...word.parts.slice(1)];
  return { name: m[1] as string, value: { parts, raw: word.raw.slice(m[0].length) } };
}

/** Parses a whole script at once (tests, `$(...)`); `runShell` parses line by line like dash. */
export function parseScript(source: string, baseLine = 1): Script {
  const parser = createParser(source, baseLine);
  const items: AndOr[] = [];
  for (let cmd = parser.nextCommand(); cmd !== undefined; cmd = parser.nextCommand()) items.push(...cmd.items);
  return { items };
}

const PARSERS = {
  commandSub: (lexer: Lexer) => Parser.sub(lexer),
  script: (text: string, line: number) => parseScript(text, line),
};

export function createParser(source: string, baseLine = 1): Parser {
  return new Parser(new Lexer(source, PARSERS, 0, baseLine));
}
