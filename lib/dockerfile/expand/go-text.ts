/**
 * The few Go standard-library text rules BuildKit's lexer leans on, so that our
 * results match byte for byte: `unicode.IsSpace` (word splitting),
 * `unicode.IsLetter`/`IsDigit` (variable names), and `strconv.Quote` (the `%q`
 * in `failed to process %q`). JavaScript's `\s`, `trim()` and `JSON.stringify`
 * differ from each of these (e.g. `\s` matches U+FEFF but not U+0085).
 */

const LETTER = /^\p{L}$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;
// strconv.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** The string for one code point; Go's `string(rune(-1))` (EOF) is U+FFFD. */
export function runeString(cp: number): string {
  return cp < 0 || cp > 0x10ffff ? '\uFFFD' : String.fromCodePoint(cp);
}

/** Go `unicode.IsSpace`: Latin-1 spaces plus the Unicode White_Space table. */
export function isGoSpace(cp: number): boolean {
  if (cp <= 0xff) {
    return (cp >= 0x09 && cp <= 0x0d) || cp === 0x20 || cp === 0x85 || cp === 0xa0;
  }
  return (
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/** Go `unicode.IsLetter` (category L). */
export function isGoLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return cp >= 0 && LETTER.test(runeString(cp));
}

/** Go `unicode.IsDigit` (category Nd, so `٣` counts as a digit too). */
export function isGoDigit(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return cp >= 0 && DECIMAL_DIGIT.test(runeString(cp));
}

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, '0');
}

const SHORT_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x07, '\\a'],
  [0x08, '\\b'],
  [0x0c, '\\f'],
  [0x0a, '\\n'],
  [0x0d, '\\r'],
  [0x09, '\\t'],
  [0x0b, '\\v'],
]);

/** Go `strconv.Quote`: what BuildKit prints for `%q` in its error texts. */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd'; // a lone surrogate is invalid UTF-8 in Go
    else if (cp < 0x80 ? cp >= 0x20 && cp < 0x7f : PRINTABLE.test(ch)) out += ch;
    else if (SHORT_ESCAPES.has(cp)) out += SHORT_ESCAPES.get(cp);
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (cp < 0x10000) out += '\\u' + hex(cp, 4);
    else out += '\\U' + hex(cp, 8);
  }
  return out + '"';
}
