/**
 * Go's `strconv.Quote`, which BuildKit's `Node.Dump` uses for every argument (and `%q` for the
 * flag list). It differs from `JSON.stringify`: `\a` and `\v` short escapes, `\x00` for other
 * control characters and DEL, `\u00a0`-style escapes for non-printable Unicode, and printable
 * Unicode kept literally.
 *
 * Lone surrogates cannot occur in Go (strings are UTF-8). We escape them as `\ufffd`, which is
 * exactly what Go's `appendEscapedRune` prints for a rune that is not valid (`!utf8.ValidRune`);
 * Go would print `\xNN` for each invalid *byte*, but a JS string has no bytes to show.
 */

/** Go's `unicode.IsPrint` minus ASCII (handled inline): categories L, M, N, P, S. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x07: '\\a',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x0b: '\\v',
};

const HEX = '0123456789abcdef';

function hex(value: number, digits: number): string {
  let out = '';
  for (let shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += HEX[(value >> shift) & 0xf];
  return out;
}

/** True when the whole string can be emitted between quotes unchanged (the common case). */
function isPlainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f || c === 0x22 || c === 0x5c) return false;
  }
  return true;
}

function quoteRune(cp: number, ch: string): string {
  if (cp === 0x22) return '\\"';
  if (cp === 0x5c) return '\\\\';
  if (cp >= 0x20 && cp < 0x7f) return ch;
  const short = SHORT_ESCAPES[cp];
  if (short !== undefined) return short;
  if (cp < 0x20 || cp === 0x7f) return `\\x${hex(cp, 2)}`;
  if (cp >= 0xd800 && cp <= 0xdfff) return '\\ufffd';
  if (PRINTABLE.test(ch)) return ch;
  return cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
}

/** Go's `strconv.Quote(s)`. */
export function goQuote(s: string): string {
  if (isPlainAscii(s)) return `"${s}"`;
  const parts: string[] = ['"'];
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    parts.push(quoteRune(cp, s.slice(i, i + width)));
    i += width;
  }
  parts.push('"');
  return parts.join('');
}

/** Go's `fmt.Sprintf("%q", []string{...})`: `["a" "b"]`. */
export function goQuoteList(items: readonly string[]): string {
  return `[${items.map(goQuote).join(' ')}]`;
}
