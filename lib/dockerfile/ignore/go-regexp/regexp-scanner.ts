/**
 * The character-level half of Go's `regexp/syntax` parser: escapes (`parseEscape`), character
 * classes (`parseClass`, `parseClassChar`), POSIX groups (`parseNamedClass`), Perl groups
 * (`parsePerlClassEscape`) and Unicode classes (`parseUnicodeClass`), with Go's error cases.
 * parse-regexp.ts builds the tree on top of it.
 */
import { CharSetBuilder, MAX_RUNE, PERL_GROUPS, POSIX_GROUPS, type CharSet } from './char-set';
import { unicodeClassKey } from './unicode-classes';

/** "Go would return a *syntax.Error"; caught by parseGoRegexp, never seen outside. */
export class SyntaxFailure extends Error {}

export function fail(): never {
  throw new SyntaxFailure('invalid regexp');
}

export const cp = (c: string): number => c.codePointAt(0) ?? 0;
const [BACKSLASH, LBRACKET, RBRACKET, CARET, DASH, COLON] = ['\\', '[', ']', '^', '-', ':'].map(cp);

const isDigit = (c: number | undefined, max = 0x39): boolean => c !== undefined && c >= 0x30 && c <= max;
const isAlnum = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const unhex = (c: number | undefined): number => {
  if (c === undefined) return -1;
  if (isDigit(c)) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
};
/** The C escapes Go knows. No `\b`: outside a class it is the word boundary, inside an error. */
const C_ESCAPES: Readonly<Record<string, number>> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };

export class RegexpScanner {
  protected readonly s: number[];
  protected i = 0;

  constructor(source: string) {
    this.s = Array.from(source, cp);
  }

  /** `\pL`, `\p{Greek}`, `\PN` or a Perl group (`\d`, `\W`) at the cursor, added to `builder`. */
  protected parseClassEscape(builder: CharSetBuilder): boolean {
    if (this.s[this.i] !== BACKSLASH) return false;
    const letter = String.fromCodePoint(this.s[this.i + 1] ?? 0);
    if (letter === 'p' || letter === 'P') {
      let negated = letter === 'P';
      let name: string;
      const first = this.s[this.i + 2];
      if (first === cp('{')) {
        const close = this.s.indexOf(cp('}'), this.i + 3);
        if (close < 0) fail();
        name = String.fromCodePoint(...this.s.slice(this.i + 3, close));
        this.i = close + 1;
      } else {
        name = first === undefined ? '' : String.fromCodePoint(first);
        this.i += first === undefined ? 2 : 3;
      }
      if (name.startsWith('^')) {
        negated = !negated;
        name = name.slice(1);
      }
      builder.addUnicodeClass(unicodeClassKey(name) ?? fail(), negated);
      return true;
    }
    if (!'dDsSwW'.includes(letter)) return false;
    builder.addGroup(PERL_GROUPS[letter.toLowerCase()] ?? fail(), letter !== letter.toLowerCase());
    this.i += 2;
    return true;
  }

  /** Go's `parseEscape`: one escaped character, or a syntax error. */
  protected parseEscape(): number {
    const c = this.s[this.i + 1] ?? fail(); // "trailing backslash at end of expression"
    this.i += 2;
    if (c < 0x80 && !isAlnum(c)) return c; // escaped punctuation is itself
    if (isDigit(c, 0x37)) {
      // Octal: `\0` plus up to two digits; `\1`-`\7` alone would be a backreference.
      if (c !== 0x30 && !isDigit(this.s[this.i], 0x37)) fail();
      let r = c - 0x30;
      for (let n = 1; n < 3 && isDigit(this.s[this.i], 0x37); n++) r = r * 8 + (this.s[this.i++] ?? 0) - 0x30;
      return r;
    }
    const letter = String.fromCodePoint(c);
    if (letter === 'x') return this.parseHex();
    return C_ESCAPES[letter] ?? fail(); // "invalid escape sequence"
  }

  private parseHex(): number {
    const first = this.s[this.i++] ?? fail();
    if (first !== cp('{')) {
      const x = unhex(first);
      const y = unhex(this.s[this.i++]);
      return x < 0 || y < 0 ? fail() : x * 16 + y;
    }
    let r = 0;
    let digits = 0;
    for (;;) {
      const c = this.s[this.i++] ?? fail();
      if (c === cp('}')) break;
      const v = unhex(c);
      if (v < 0) fail();
      r = r * 16 + v;
      if (r > MAX_RUNE) fail();
      digits++;
    }
    return digits === 0 ? fail() : r;
  }

  /** Go's `parseClass`: `[`, optional `^`, items, `]`; `]` first is literal, `-` is fine anywhere. */
  protected parseClass(): CharSet {
    this.i++;
    let negated = false;
    if (this.s[this.i] === CARET) {
      negated = true;
      this.i++;
    }
    const builder = new CharSetBuilder();
    let first = true;
    while (this.i >= this.s.length || this.s[this.i] !== RBRACKET || first) {
      first = false;
      if (this.s.length - this.i > 2 && this.s[this.i] === LBRACKET && this.s[this.i + 1] === COLON) {
        if (this.parseNamedClass(builder)) continue;
      }
      if (this.parseClassEscape(builder)) continue;
      const lo = this.parseClassChar();
      let hi = lo;
      if (this.s.length - this.i >= 2 && this.s[this.i] === DASH && this.s[this.i + 1] !== RBRACKET) {
        this.i++;
        hi = this.parseClassChar();
        if (hi < lo) fail(); // "invalid character class range", e.g. moby's own `[Local-Only]`
      }
      builder.addRange(lo, hi);
    }
    this.i++;
    return builder.build(negated);
  }

  private parseClassChar(): number {
    const c = this.s[this.i] ?? fail(); // "missing closing ]"
    if (c === BACKSLASH) return this.parseEscape();
    this.i++;
    return c;
  }

  /** `[:alpha:]` / `[:^alpha:]`. Like Go, looks for `:]` anywhere after, even past the class. */
  private parseNamedClass(builder: CharSetBuilder): boolean {
    let end = this.i + 2;
    while (end + 1 < this.s.length && !(this.s[end] === COLON && this.s[end + 1] === RBRACKET)) end++;
    if (end + 1 >= this.s.length) return false;
    let name = String.fromCodePoint(...this.s.slice(this.i + 2, end));
    const negated = name.startsWith('^');
    if (negated) name = name.slice(1);
    const group = Object.hasOwn(POSIX_GROUPS, name) ? POSIX_GROUPS[name] : undefined;
    builder.addGroup(group ?? fail(), negated); // unknown name: "invalid character class range"
    this.i = end + 2;
    return true;
  }
}
