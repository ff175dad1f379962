import { isGoSpace } from '@/lib/util';
import type { EnvLookup } from './env-lookup';
import type { LexMode, WordResult } from './shell-word';
import { WordsBuilder } from './words-builder';

/**
 * A fast path for the words Dockerfiles are mostly made of: literal text, `$NAME`, `${NAME}`,
 * and single or double quotes around those. `ShellWord` (BuildKit's lexer, generator-driven so
 * that deep nesting cannot overflow the stack) costs several allocations per word; this is one
 * left-to-right scan giving the same result, words, and matched/unmatched names in the same
 * lookup order. Anything else — an escape character, a modifier (`${X:-d}`), a digit or special
 * parameter, a non-ASCII character right after a name, a leading byte-order mark, an unterminated
 * quote, a non-default lexer mode — returns null, and the full lexer handles it (errors included).
 */

export interface PlainWordResult extends WordResult {
  readonly matched: ReadonlySet<string>;
  readonly unmatched: ReadonlySet<string>;
}

/** Shared by results that looked nothing up; typed read-only, never written. */
const NO_NAMES: ReadonlySet<string> = new Set();

const DOLLAR = 0x24;
const SQUOTE = 0x27;
const DQUOTE = 0x22;
const LBRACE = 0x7b;
const RBRACE = 0x7d;

function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39);
}

export function expandPlainWord(text: string, env: EnvLookup, mode: LexMode): PlainWordResult | null {
  if (mode.rawQuotes || mode.rawEscapes || mode.skipProcessQuotes || mode.skipUnsetEnv) return null;
  if (text.charCodeAt(0) === 0xfeff) return null; // the lexer's scanner drops a leading BOM
  const scan = new PlainScan(text, env, mode.escapeToken);
  if (!scan.run()) return null;
  return { result: scan.result, words: scan.words.finish(), matched: scan.matched ?? NO_NAMES, unmatched: scan.unmatched ?? NO_NAMES };
}

/** Methods on one object rather than closures: this runs for most words of every build and lint. */
class PlainScan {
  result = '';
  readonly words = new WordsBuilder();
  matched: Set<string> | null = null;
  unmatched: Set<string> | null = null;
  /** What the last `dollar` or quote expanded to. */
  private value = '';

  constructor(
    private readonly text: string,
    private readonly env: EnvLookup,
    private readonly escape: number,
  ) {}

  /** Scans the whole word; false when it needs the full lexer. */
  run(): boolean {
    const { text, words } = this;
    let i = 0;
    let literal = 0; // start of the pending unquoted literal run
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === this.escape) return false;
      if (isGoSpace(c)) {
        // Unquoted blanks end a word (a UTF-16 unit tests the same as its code point here).
        if (literal < i) words.addRawString(text.slice(literal, i));
        words.addChar(c);
        this.result += text.slice(literal, i + 1);
        literal = ++i;
        continue;
      }
      if (c !== DOLLAR && c !== SQUOTE && c !== DQUOTE) {
        i++;
        continue;
      }
      if (literal < i) {
        const run = text.slice(literal, i);
        words.addRawString(run);
        this.result += run;
      }
      if (c === DOLLAR) {
        i = this.dollar(i);
        if (i < 0) return false;
        this.result += this.value;
        words.addString(this.value); // expansion results are split on whitespace
      } else {
        i = c === SQUOTE ? this.singleQuoted(i) : this.doubleQuoted(i);
        if (i < 0) return false;
        this.result += this.value;
        words.addRawString(this.value); // quoted text never is
      }
      literal = i;
    }
    if (literal < text.length) {
      const run = text.slice(literal);
      words.addRawString(run);
      this.result += run;
    }
    return true;
  }

  /** `$NAME` or `${NAME}` at `i` (on the `$`): its end, or -1 when it is anything else. */
  private dollar(i: number): number {
    const text = this.text;
    const braced = text.charCodeAt(i + 1) === LBRACE;
    const start = braced ? i + 2 : i + 1;
    if (!isNameStart(text.charCodeAt(start))) return -1;
    let end = start + 1;
    while (isNameChar(text.charCodeAt(end))) end++;
    // A non-ASCII letter would continue the name (Go's `unicode.IsLetter`).
    if (text.charCodeAt(end) >= 0x80) return -1;
    if (braced && text.charCodeAt(end) !== RBRACE) return -1;
    const name = text.slice(start, end);
    const value = this.env.get(name);
    if (value === undefined) (this.unmatched ??= new Set()).add(name);
    else (this.matched ??= new Set()).add(name);
    this.value = value ?? '';
    return braced ? end + 1 : end;
  }

  /** `'...'`: everything literal. */
  private singleQuoted(open: number): number {
    const close = this.text.indexOf("'", open + 1);
    if (close < 0) return -1; // unterminated: the full lexer reports it
    this.value = this.text.slice(open + 1, close);
    return close + 1;
  }

  /** `"..."` with only literal text and simple variables inside. */
  private doubleQuoted(open: number): number {
    const text = this.text;
    let value = '';
    let literal = open + 1;
    for (let i = open + 1; i < text.length; ) {
      const c = text.charCodeAt(i);
      if (c === this.escape) return -1;
      if (c === DQUOTE) {
        this.value = value + text.slice(literal, i);
        return i + 1;
      }
      if (c !== DOLLAR) {
        i++;
        continue;
      }
      value += text.slice(literal, i);
      i = this.dollar(i);
      if (i < 0) return -1;
      value += this.value;
      literal = i;
    }
    return -1; // unterminated: the full lexer reports it
  }
}
