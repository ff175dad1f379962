import { ShellError } from '../errors';
import type { ParamOp, ParamPart, Script, WordPart } from './ast';

/**
 * Reads one word's quoting structure (XCU §2.2, §2.6). Modes say where a word ends:
 * `word` at an unquoted metacharacter, `dquote` at `"`, `brace` at the `}` of `${x-...}`,
 * `heredoc` at the end of the text. Command substitutions are parsed by the host (the lexer),
 * which knows the grammar; this module knows only quoting.
 */
export type WordMode = 'word' | 'dquote' | 'brace' | 'brace-dq' | 'heredoc';

export interface WordHost {
  readonly src: string;
  lineAt(pos: number): number;
  /** Parses the body of `$(` starting at `pos`; returns the position after its `)`. */
  parseCommandSub(pos: number): { body: Script; end: number };
  /** Parses the already unescaped text of a backquote substitution. */
  parseText(text: string, line: number): Script;
}

const METACHARS = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const SPECIAL_PARAMS = new Set(['@', '*', '#', '?', '$', '!', '-', '0']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/** `limit` stops a `heredoc`-mode read early: the inside of `$((...))` is read in place. */
export function readWord(host: WordHost, start: number, mode: WordMode, limit?: number): { parts: WordPart[]; end: number } {
  const { src } = host;
  const parts: WordPart[] = [];
  const push = (kind: 'literal' | 'quoted', text: string): void => {
    const last = parts[parts.length - 1];
    if (last !== undefined && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  const inDouble = mode === 'dquote' || mode === 'brace-dq' || mode === 'heredoc';
  let pos = start;
  for (;;) {
    if (pos >= (limit ?? src.length)) {
      if (mode === 'dquote') throw new ShellError('syntax', 'Syntax error: Unterminated quoted string', host.lineAt(start));
      if (mode === 'brace' || mode === 'brace-dq') throw new ShellError('syntax', "Syntax error: Missing '}'", host.lineAt(start));
      return { parts, end: pos };
    }
    const c = src[pos] as string;
    if (mode === 'word' && METACHARS.has(c)) return { parts, end: pos };
    if (mode === 'dquote' && c === '"') return { parts, end: pos };
    if ((mode === 'brace' || mode === 'brace-dq') && c === '}') return { parts, end: pos };
    if (c === '\\') {
      const n = src[pos + 1];
      if (n === undefined) {
        push(inDouble ? 'quoted' : 'literal', '\\');
        pos++;
      } else if (n === '\n') {
        pos += 2; // line continuation, everywhere but single quotes
      } else if (!inDouble || n === '$' || n === '`' || n === '\\' || (n === '"' && mode !== 'heredoc') || (n === '}' && mode === 'brace-dq')) {
        push('quoted', n);
        pos += 2;
      } else {
        push('quoted', '\\');
        pos++;
      }
      continue;
    }
    if (c === "'" && !inDouble) {
      const close = src.indexOf("'", pos + 1);
      if (close < 0) throw new ShellError('syntax', 'Syntax error: Unterminated quoted string', host.lineAt(pos));
      parts.push({ kind: 'quoted', text: src.slice(pos + 1, close) });
      pos = close + 1;
      continue;
    }
    if (c === '"' && mode !== 'heredoc' && mode !== 'dquote') {
      const inner = readWord(host, pos + 1, 'dquote');
      parts.push({ kind: 'double', parts: inner.parts });
      pos = inner.end + 1;
      continue;
    }
    if (c === '`') {
      const sub = readBackquote(host, pos, inDouble);
      parts.push(sub.part);
      pos = sub.end;
      continue;
    }
    if (c === '$') {
      const sub = readDollar(host, pos, inDouble);
      if (sub === undefined) {
        push(inDouble ? 'quoted' : 'literal', '$');
        pos++;
      } else {
        parts.push(sub.part);
        pos = sub.end;
      }
      continue;
    }
    // Inside "${x#pat}" the pattern stays a pattern: only explicit quotes in it quote (XCU §2.6.2).
    push(inDouble && mode !== 'brace-dq' ? 'quoted' : 'literal', c);
    pos++;
  }
}

function readBackquote(host: WordHost, start: number, inDouble: boolean): { part: WordPart; end: number } {
  const { src } = host;
  let text = '';
  let pos = start + 1;
  for (;;) {
    const c = src[pos];
    if (c === undefined) throw new ShellError('syntax', 'Syntax error: EOF in backquote substitution', host.lineAt(start));
    if (c === '`') break;
    const n = src[pos + 1];
    // Inside backquotes a backslash quotes only $ ` \ (and " inside double quotes), XCU §2.6.3.
    if (c === '\\' && n !== undefined && (n === '$' || n === '`' || n === '\\' || (inDouble && n === '"'))) {
      text += n;
      pos += 2;
      continue;
    }
    text += c;
    pos++;
  }
  const line = host.lineAt(start);
  return { part: { kind: 'command', body: host.parseText(text, line), line }, end: pos + 1 };
}

function readDollar(host: WordHost, start: number, inDouble: boolean): { part: WordPart; end: number } | undefined {
  const { src } = host;
  const n = src[start + 1];
  if (n === '(' && src[start + 2] === '(') {
    const close = findArithEnd(src, start + 3);
    if (close !== undefined) {
      const source = src.slice(start + 3, close);
      const expr = readWord(host, start + 3, 'heredoc', close);
      return { part: { kind: 'arith', expr: { parts: expr.parts, raw: source }, source }, end: close + 2 };
    }
  }
  if (n === '(') {
    const sub = host.parseCommandSub(start + 2);
    return { part: { kind: 'command', body: sub.body, line: host.lineAt(start) }, end: sub.end };
  }
  if (n === '{') return readBraceParam(host, start + 2, inDouble);
  if (n !== undefined && NAME_START.test(n)) {
    let end = start + 2;
    while (end < src.length && NAME_CHAR.test(src[end] as string)) end++;
    return { part: { kind: 'param', name: src.slice(start + 1, end) }, end };
  }
  if (n !== undefined && (SPECIAL_PARAMS.has(n) || /[1-9]/.test(n))) return { part: { kind: 'param', name: n }, end: start + 2 };
  return undefined;
}

/** The index of the first `)` of the closing `))`, or undefined when `$((` was `$( (`. */
function findArithEnd(src: string, from: number): number | undefined {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth > 0) depth--;
      else return src[i + 1] === ')' ? i : undefined;
    }
  }
  throw new ShellError('syntax', "Syntax error: Missing '))'");
}

function readBraceParam(host: WordHost, start: number, inDouble: boolean): { part: WordPart; end: number } {
  const { src } = host;
  const bad = (): never => {
    throw new ShellError('syntax', 'Bad substitution', host.lineAt(start));
  };
  let pos = start;
  let length = false;
  if (src[pos] === '#' && src[pos + 1] !== '}' && src[pos + 1] !== undefined) {
    length = true;
    pos++;
  }
  let name: string;
  const c = src[pos];
  if (c === undefined) throw new ShellError('syntax', "Syntax error: Missing '}'", host.lineAt(start));
  if (NAME_START.test(c)) {
    let end = pos + 1;
    while (end < src.length && NAME_CHAR.test(src[end] as string)) end++;
    name = src.slice(pos, end);
  } else if (/[0-9]/.test(c)) {
    let end = pos + 1;
    while (end < src.length && /[0-9]/.test(src[end] as string)) end++;
    name = src.slice(pos, end);
  } else if (SPECIAL_PARAMS.has(c)) {
    name = c;
  } else {
    return bad();
  }
  pos += name.length;
  const part: ParamPart = { kind: 'param', name };
  if (length) {
    if (src[pos] !== '}') return bad();
    part.length = true;
    return { part, end: pos + 1 };
  }
  if (src[pos] === '}') return { part, end: pos + 1 };
  if (src[pos] === undefined) throw new ShellError('syntax', "Syntax error: Missing '}'", host.lineAt(start));
  let op: ParamOp;
  if (src[pos] === ':' && '-=+?'.includes(src[pos + 1] ?? 'x')) {
    part.colon = true;
    op = src[pos + 1] as ParamOp;
    pos += 2;
  } else if ((src[pos] === '%' || src[pos] === '#') && src[pos + 1] === src[pos]) {
    op = src.slice(pos, pos + 2) as ParamOp;
    pos += 2;
  } else if ('-=+?%#'.includes(src[pos] as string)) {
    op = src[pos] as ParamOp;
    pos++;
  } else {
    return bad();
  }
  part.op = op;
  const arg = readWord(host, pos, inDouble ? 'brace-dq' : 'brace');
  part.arg = { parts: arg.parts, raw: src.slice(pos, arg.end) };
  return { part, end: arg.end + 1 };
}
