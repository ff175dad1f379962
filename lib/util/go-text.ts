/**
 * Go string semantics that BuildKit's parser and lexer (and Docker's Go templates) depend on,
 * for JS (UTF-16) strings. JavaScript's `\s`, `trim()` and `toLowerCase()` differ from Go's
 * `unicode.IsSpace`, `strings.TrimSpace` and `strings.ToLower` in small ways that show in output.
 * BuildKit works on UTF-8 bytes; we work on UTF-16 code units. Where the difference is
 * observable (byte-wise loops in `extractBuilderFlags`/`parseHealthConfig`, the 65535-byte
 * line limit) the callers use `utf8Bytes`/`utf8Length` to see what Go would see.
 */

/** Go's `unicode.IsSpace` (White_Space property; Latin-1 part includes U+0085 and U+00A0). */
export function isGoSpace(c: number): boolean {
  if (c <= 0xff) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
  return (
    c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000
  );
}

/** BuildKit's `reWhitespace`/`tokenWhitespace` class `[\t\v\f\r ]` (ASCII only, no `\n`). */
export function isBlankSeparator(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d;
}

/** RE2's Perl class `\s` = `[\t\n\f\r ]` (no `\v`), used by the directive and heredoc regexps. */
export function isRe2Space(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/** Index of the first char at or after `start` (before `end`) that is not a Go space. */
export function skipGoSpace(s: string, start: number, end: number): number {
  let i = start;
  while (i < end && isGoSpace(s.charCodeAt(i))) i++;
  return i;
}

/** `end` moved left past Go spaces (exclusive end of `strings.TrimRightFunc(s, unicode.IsSpace)`). */
export function trimGoSpaceEnd(s: string, start: number, end: number): number {
  let e = end;
  while (e > start && isGoSpace(s.charCodeAt(e - 1))) e--;
  return e;
}

/** Go's `strings.TrimSpace`. JS `trim()` differs: it strips U+FEFF and keeps U+0085. */
export function goTrimSpace(s: string): string {
  const start = skipGoSpace(s, 0, s.length);
  return s.slice(start, trimGoSpaceEnd(s, start, s.length));
}

/**
 * Go's `strings.ToLower`: rune-by-rune simple case mapping. JS `toLowerCase` applies full
 * (special) casing, e.g. U+0130 → "i̇" and a context-dependent final sigma.
 */
export function goToLower(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s.toLowerCase();
  let out = '';
  for (const ch of s) {
    if (ch === '\u0130') {
      out += 'i';
      continue;
    }
    const lower = ch.toLowerCase();
    // A one-rune simple mapping exists whenever full casing yields one code point.
    out += [...lower].length === 1 ? lower : ch;
  }
  return out;
}

/** Code point at `i`; a lone surrogate is returned as itself. */
export function codePointAt(s: string, i: number): number {
  return s.codePointAt(i) ?? 0;
}

/** UTF-8 encoding of one code point; a lone surrogate encodes as U+FFFD (what TextEncoder does). */
export function utf8Bytes(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
  if (cp >= 0xd800 && cp <= 0xdfff) return [0xef, 0xbf, 0xbd];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
}

/** UTF-8 byte length of `s[start:end]`. */
export function utf8Length(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * Replaces lone surrogates with U+FFFD. Go only ever sees UTF-8, where a lone surrogate cannot
 * exist: encoding it (TextEncoder) yields U+FFFD. Same length, so source ranges are unaffected.
 */
export function toWellFormed(s: string): string {
  let out: string[] | null = null;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    out ??= [];
    out.push(s.slice(from, i), '\ufffd');
    from = i + 1;
  }
  if (out === null) return s;
  out.push(s.slice(from));
  return out.join('');
}

const LETTER = /^\p{L}$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;

/** The string for one code point; Go's `string(rune(-1))` (EOF) is U+FFFD. */
export function runeString(cp: number): string {
  return cp < 0 || cp > 0x10ffff ? '\uFFFD' : String.fromCodePoint(cp);
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
