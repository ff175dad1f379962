/**
 * A small POSIX-sh lexer for the linter's RUN analysis. lib/dockerfile may not import lib/shell
 * (DESIGN.md §2), and the linter only needs words, operators and redirections with their offsets,
 * so this is deliberately not an interpreter: expansions are kept as written.
 * Command substitutions (`$(...)`, backquotes) are lexed recursively so the commands inside them
 * count too, as hadolint (through ShellCheck) counts them.
 */

export interface ShellWord {
  /** Quotes removed and escapes resolved; `$VAR`, `${...}` and `$(...)` kept as written. */
  value: string;
  /** Offsets in the script text, end exclusive. */
  start: number;
  end: number;
  /** True when any part of the word was quoted or escaped (then it is never a reserved word). */
  quoted: boolean;
}

export type ShellToken =
  | { kind: 'word'; word: ShellWord }
  | { kind: 'op'; op: string; start: number; end: number }
  | { kind: 'redirect'; op: string; start: number; end: number }
  | { kind: 'comment'; start: number; end: number };

export interface LexResult {
  tokens: ShellToken[];
  /** Token lists of command substitutions found inside words, lexed with absolute offsets. */
  nested: ShellToken[][];
}

// Longest first, so `&&` wins over `&` and `<<-` over `<<`.
const OPERATORS = ['&>>', '<<-', '<<<', '&&', '||', ';;', ';&', '|&', '>>', '<<', '<>', '>&', '<&', '&>', '>|', '|', '&', ';', '(', ')', '<', '>'];
const REDIRECTS = new Set(['&>>', '<<-', '<<<', '>>', '<<', '<>', '>&', '<&', '&>', '>|', '<', '>']);
const OP_START = new Set(['|', '&', ';', '(', ')', '<', '>']);

/** Ends an unquoted word: blanks, newline, `\r` and the operator characters `|&;()<>`. */
function isWordBreak(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x7c || c === 0x26 || c === 0x3b || c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e;
}

/** The longest operator at `at` that ends by `to` (a loop, not `find` with a closure per token). */
function operatorAt(text: string, at: number, to: number): string | undefined {
  for (const op of OPERATORS) if (text.startsWith(op, at) && at + op.length <= to) return op;
  return undefined;
}

/** After the digits of a possible `2>` file descriptor: the offset of the `<`/`>`, or `i` if none. */
function ioNumberEnd(text: string, i: number, to: number): number {
  let j = i;
  while (j < to && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  return text[j] === '<' || text[j] === '>' ? j : i;
}

// Command substitutions nested deeper than this are kept as text (and past MAX_SCAN_DEPTH a `$`
// is an ordinary character): no real script needs more, and it bounds time and stack on
// pathological input such as thousands of nested `"$(`.
const MAX_NESTING = 8;
const MAX_SCAN_DEPTH = 64;

export function lexShell(text: string, from: number, to: number, escape: string, depth = 0): LexResult {
  const tokens: ShellToken[] = [];
  const nested: ShellToken[][] = [];
  const pendingHeredocs: Array<{ delimiter: string; chomp: boolean }> = [];
  let expectHeredocWord: boolean | null = null;
  let i = from;
  while (i < to) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === escape && text[i + 1] === '\n') {
      i += 2; // line continuation
      continue;
    }
    if (c === '\n') {
      tokens.push({ kind: 'op', op: '\n', start: i, end: i + 1 });
      i++;
      if (pendingHeredocs.length > 0) i = skipHeredocBodies(text, i, to, pendingHeredocs.splice(0));
      continue;
    }
    if (c === '#') {
      const end = lineEnd(text, i, to);
      tokens.push({ kind: 'comment', start: i, end });
      i = end;
      continue;
    }
    const fd = c >= '0' && c <= '9' ? ioNumberEnd(text, i, to) : i;
    const op = OP_START.has(text[fd] as string) ? operatorAt(text, fd, to) : undefined;
    if (op && (fd === i || REDIRECTS.has(op))) {
      const opStart = fd;
      const end = opStart + op.length;
      const kind = REDIRECTS.has(op) ? 'redirect' : 'op';
      tokens.push({ kind, op, start: i, end } as ShellToken);
      if (op === '<<' || op === '<<-') expectHeredocWord = op === '<<-';
      i = end;
      continue;
    }
    const word = readWord(text, i, to, escape, nested, depth);
    tokens.push({ kind: 'word', word });
    if (expectHeredocWord !== null) {
      pendingHeredocs.push({ delimiter: word.value, chomp: expectHeredocWord });
      expectHeredocWord = null;
    }
    i = word.end;
  }
  return { tokens, nested };
}

function lineEnd(text: string, i: number, to: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 || nl > to ? to : nl;
}

/** A shell heredoc inside a RUN script (`cat > f <<EOF`): its body is data, not commands. */
function skipHeredocBodies(text: string, i: number, to: number, docs: Array<{ delimiter: string; chomp: boolean }>): number {
  for (const doc of docs) {
    while (i < to) {
      const end = lineEnd(text, i, to);
      let line = text.slice(i, end).replace(/\r$/, '');
      if (doc.chomp) line = line.replace(/^\t+/, '');
      i = end + 1;
      if (line === doc.delimiter) break;
    }
  }
  return Math.min(i, to);
}

/**
 * One word from `start`. Runs of ordinary characters are sliced out whole rather than appended
 * one character at a time: this lexer sees every character of every RUN.
 */
function readWord(text: string, start: number, to: number, escape: string, nested: ShellToken[][], depth: number): ShellWord {
  const esc = escape.charCodeAt(0);
  let value = '';
  let quoted = false;
  let i = start;
  let plain = start; // start of the pending run of ordinary characters
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isWordBreak(c)) break;
    if (c === esc) {
      value += text.slice(plain, i);
      quoted = true;
      if (i + 1 >= to) {
        i++;
      } else {
        if (text.charCodeAt(i + 1) !== 0x0a) value += text[i + 1] as string;
        i += 2;
      }
      plain = i;
      continue;
    }
    if (c === 0x27) {
      value += text.slice(plain, i);
      quoted = true;
      const close = text.indexOf("'", i + 1);
      const end = close < 0 || close >= to ? to : close;
      value += text.slice(i + 1, end);
      i = Math.min(to, end + 1);
      plain = i;
      continue;
    }
    if (c === 0x22) {
      value += text.slice(plain, i);
      quoted = true;
      const r = readDoubleQuoted(text, i + 1, to, escape, nested, depth);
      value += r.value;
      i = r.end;
      plain = i;
      continue;
    }
    if (c === 0x24 || (c === 0x60 && esc !== 0x60)) {
      // Kept as written, so it simply stays part of the ordinary run.
      i = readExpansion(text, i, to, escape, nested, depth);
      continue;
    }
    i++;
  }
  value += text.slice(plain, Math.min(i, to));
  return { value, start, end: i, quoted };
}

function readDoubleQuoted(
  text: string,
  i: number,
  to: number,
  escape: string,
  nested: ShellToken[][],
  depth: number,
): { value: string; end: number } {
  let value = '';
  while (i < to) {
    const c = text[i] as string;
    if (c === '"') return { value, end: i + 1 };
    if (c === escape && i + 1 < to) {
      const next = text[i + 1] as string;
      // Inside double quotes a backslash only escapes $ ` " \ and newline (POSIX 2.2.3).
      if ('$`"\\\n'.includes(next) || next === escape) {
        if (next !== '\n') value += next;
      } else {
        value += c + next;
      }
      i += 2;
      continue;
    }
    if (c === '$' || (c === '`' && escape !== '`')) {
      const end = readExpansion(text, i, to, escape, nested, depth);
      value += text.slice(i, end);
      i = end;
      continue;
    }
    value += c;
    i++;
  }
  return { value, end: to };
}

/** `$name`, `${...}`, `$((...))`, `$(...)` or a backquoted command; returns the end offset. */
function readExpansion(text: string, i: number, to: number, escape: string, nested: ShellToken[][], depth: number): number {
  if (depth >= MAX_SCAN_DEPTH) return i + 1;
  if (text[i] === '`') {
    let j = i + 1;
    while (j < to && text[j] !== '`') j += text[j] === escape ? 2 : 1;
    nested.push(...lexNested(text, i + 1, Math.min(j, to), escape, depth));
    return Math.min(to, j + 1);
  }
  const next = text[i + 1];
  if (next === '(' && text[i + 2] === '(') return Math.min(to, matchingClose(text, i + 1, to, escape, depth) + 1);
  if (next === '(') {
    const close = matchingClose(text, i + 1, to, escape, depth);
    nested.push(...lexNested(text, i + 2, close, escape, depth));
    return Math.min(to, close + 1);
  }
  if (next === '{') {
    const close = text.indexOf('}', i + 2);
    return close < 0 || close >= to ? to : close + 1;
  }
  return i + 1; // a bare `$`; the name that follows is ordinary word text
}

function lexNested(text: string, from: number, to: number, escape: string, depth: number): ShellToken[][] {
  if (depth >= MAX_NESTING) return [];
  const inner = lexShell(text, from, to, escape, depth + 1);
  return [inner.tokens, ...inner.nested];
}

/** Offset of the `)` closing the `(` at `open`, skipping quotes; `to` when unbalanced. */
function matchingClose(text: string, open: number, to: number, escape: string, depth: number): number {
  let parens = 0;
  let i = open;
  while (i < to) {
    const c = text[i];
    if (c === escape) {
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      i = close < 0 ? to : close + 1;
      continue;
    }
    if (c === '"') {
      i = readDoubleQuoted(text, i + 1, to, escape, [], depth + 1).end;
      continue;
    }
    if (c === '(') parens++;
    if (c === ')' && --parens === 0) return i;
    i++;
  }
  return to;
}
