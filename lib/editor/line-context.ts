/**
 * What instruction the cursor is in, read from the text alone: completions and hovers must work
 * while the file is half typed and does not parse. Follows BuildKit's line rules closely enough
 * for that: an instruction continues on the next line after a trailing escape character, and
 * comment lines inside a continuation are skipped.
 */
import type { Dockerfile, Position, Range } from '@/lib/dockerfile';

export interface Word {
  /** The word as written (quotes kept). */
  text: string;
  range: Range;
}

export type CursorContext =
  | { kind: 'comment' }
  | { kind: 'heredoc' }
  | {
      kind: 'instruction';
      /** The keyword upper-cased as written (`FROM`, `FORM`), null on a blank line. */
      keyword: string | null;
      keywordWord: Word | null;
      /** Words after the keyword (for `ONBUILD RUN x`: after ONBUILD). */
      words: Word[];
      /** Index into `words` of the word the cursor is in or just after; -1 for the keyword, `words.length` for a new word. */
      index: number;
      /** The text of the cursor's word up to the cursor. */
      prefix: string;
      /** The range the cursor's word covers (empty at the cursor for a new word). */
      wordRange: Range;
    };

const COMMENT = /^\s*#/;

export function escapeCharOf(lines: readonly string[]): '\\' | '`' {
  for (const line of lines) {
    if (!COMMENT.test(line)) break;
    const m = /^\s*#\s*escape\s*=\s*(\S)\s*$/i.exec(line);
    if (m) return m[1] === '`' ? '`' : '\\';
  }
  return '\\';
}

function continues(line: string, escape: string): boolean {
  const trimmed = line.replace(/[ \t]+$/, '');
  return trimmed.endsWith(escape) && !COMMENT.test(line);
}

function inHeredoc(dockerfile: Dockerfile | null, line: number): boolean {
  if (dockerfile === null) return false;
  for (const ins of dockerfile.instructions) {
    if (ins.range.start.line > line) break;
    for (const h of ins.heredocs) if (h.range.start.line <= line && line <= h.range.end.line) return true;
  }
  return false;
}

/** Splits the instruction starting at `first` (1-based) into words, ending where it stops continuing. */
function wordsOf(lines: readonly string[], first: number, escape: string): Word[] {
  return scanInstruction(lines, first, escape).words;
}

function scanInstruction(lines: readonly string[], first: number, escape: string): { words: Word[]; last: number } {
  const words: Word[] = [];
  let n = first;
  for (; n <= lines.length; n++) {
    const line = lines[n - 1] ?? '';
    if (n > first && COMMENT.test(line)) continue;
    const more = continues(line, escape);
    const body = more ? line.replace(/[ \t]+$/, '').slice(0, -1) : line;
    let i = 0;
    while (i < body.length) {
      while (i < body.length && (body[i] === ' ' || body[i] === '\t')) i++;
      if (i >= body.length) break;
      const start = i;
      let quote: string | null = null;
      while (i < body.length && (quote !== null || (body[i] !== ' ' && body[i] !== '\t'))) {
        const c = body[i];
        if (quote !== null && c === quote) quote = null;
        else if (quote === null && (c === '"' || c === "'")) quote = c;
        i++;
      }
      words.push({ text: body.slice(start, i), range: { start: { line: n, column: start + 1 }, end: { line: n, column: i + 1 } } });
    }
    if (!more) break;
  }
  return { words, last: Math.min(n, lines.length) };
}

export interface LogicalInstruction {
  /** Upper-cased first word. */
  keyword: string;
  words: Word[];
  firstLine: number;
  lastLine: number;
}

/**
 * Every instruction that starts before `untilLine` (1-based, exclusive), read tolerantly
 * (heredoc bodies are not skipped: their lines rarely start with an instruction keyword).
 */
export function logicalInstructions(text: string, untilLine = Number.POSITIVE_INFINITY): LogicalInstruction[] {
  const lines = text.split(/\r\n|\r|\n/);
  const escape = escapeCharOf(lines);
  const result: LogicalInstruction[] = [];
  for (let n = 1; n <= lines.length && n < untilLine; n++) {
    const line = lines[n - 1] ?? '';
    if (COMMENT.test(line) || line.trim() === '') continue;
    const { words, last } = scanInstruction(lines, n, escape);
    const [head, ...rest] = words;
    if (head !== undefined) result.push({ keyword: head.text.toUpperCase(), words: rest, firstLine: n, lastLine: last });
    n = last;
  }
  return result;
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.column <= b.column);

/** The instruction line the cursor is on (1-based line and column, as Monaco's positions). */
export function cursorContext(text: string, position: Position, dockerfile: Dockerfile | null = null): CursorContext {
  const lines = text.split(/\r\n|\r|\n/);
  const current = lines[position.line - 1] ?? '';
  if (COMMENT.test(current)) return { kind: 'comment' };
  if (inHeredoc(dockerfile, position.line)) return { kind: 'heredoc' };
  const escape = escapeCharOf(lines);
  let first = position.line;
  for (let n = position.line - 1; n >= 1; n--) {
    const line = lines[n - 1] ?? '';
    if (COMMENT.test(line)) continue;
    if (!continues(line, escape)) break;
    first = n;
  }
  let words = wordsOf(lines, first, escape);
  let keywordWord = words[0] ?? null;
  words = words.slice(1);
  // ONBUILD's trigger is an instruction of its own: read it as one.
  if (keywordWord?.text.toUpperCase() === 'ONBUILD' && words[0] && !before(position, words[0].range.start)) {
    keywordWord = words[0];
    words = words.slice(1);
  }
  const keyword = keywordWord === null ? null : keywordWord.text.toUpperCase();
  const at = (w: Word) => before(w.range.start, position) && before(position, w.range.end);
  const cursorWord = (w: Word | null) => w !== null && at(w);
  let index: number;
  let wordRange: Range;
  let prefix = '';
  if (cursorWord(keywordWord) && keywordWord !== null) {
    index = -1;
    wordRange = keywordWord.range;
    prefix = keywordWord.text.slice(0, position.column - keywordWord.range.start.column);
  } else {
    const found = words.findIndex(at);
    if (found >= 0) {
      const w = words[found] as Word;
      index = found;
      wordRange = w.range;
      prefix = w.text.slice(0, position.column - w.range.start.column);
    } else {
      index = words.filter((w) => before(w.range.end, position)).length;
      wordRange = { start: position, end: position };
    }
  }
  // A blank line, or a cursor before the first word: the keyword is what is being typed.
  const start = keywordWord?.range.start;
  if (start === undefined || position.line < start.line || (position.line === start.line && position.column < start.column)) {
    return { kind: 'instruction', keyword: null, keywordWord: null, words: [], index: -1, prefix: '', wordRange: { start: position, end: position } };
  }
  return { kind: 'instruction', keyword, keywordWord, words, index, prefix, wordRange };
}
