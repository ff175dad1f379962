// Go's strconv for template literals: Unquote, UnquoteChar, ParseInt/ParseUint (base 0) and
// ParseFloat, returning null (Go's ErrSyntax/ErrRange) where Go fails.

const DECODER = new TextDecoder('utf-8');
const ENCODER = new TextEncoder();

export class SyntaxError_ extends Error {
  constructor() {
    super('invalid syntax');
  }
}

/** Bytes of a Go string as JS text (invalid UTF-8 becomes U+FFFD, as a terminal would show it). */
export function decodeBytes(bytes: readonly number[]): string {
  return DECODER.decode(new Uint8Array(bytes));
}

const SIMPLE: Readonly<Record<string, number>> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

/** One (possibly escaped) character of `s` at `i`; pushes its bytes. Returns the next index. */
function unquoteChar(s: string, i: number, quote: string, out: number[]): number {
  const c = s[i];
  if (c === undefined) throw new SyntaxError_();
  if (c === quote && (quote === "'" || quote === '"')) throw new SyntaxError_();
  if (c !== '\\') {
    const cp = s.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    out.push(...ENCODER.encode(ch));
    return i + ch.length;
  }
  const e = s[i + 1];
  if (e === undefined) throw new SyntaxError_();
  if (Object.hasOwn(SIMPLE, e)) {
    out.push(SIMPLE[e] as number);
    return i + 2;
  }
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    const hex = s.slice(i + 2, i + 2 + n);
    if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) throw new SyntaxError_();
    const v = parseInt(hex, 16);
    if (e === 'x') out.push(v);
    else {
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new SyntaxError_();
      out.push(...ENCODER.encode(String.fromCodePoint(v)));
    }
    return i + 2 + n;
  }
  if (e >= '0' && e <= '7') {
    const oct = s.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(oct)) throw new SyntaxError_();
    const v = parseInt(oct, 8);
    if (v > 255) throw new SyntaxError_();
    out.push(v);
    return i + 4;
  }
  if (e === "'" || e === '"') {
    if (e !== quote) throw new SyntaxError_();
    out.push(e.charCodeAt(0));
    return i + 2;
  }
  throw new SyntaxError_();
}

/** strconv.Unquote for "…" and `…` literals. Throws SyntaxError_. */
export function unquote(quoted: string): string {
  const q = quoted[0];
  if (quoted.length < 2 || quoted[quoted.length - 1] !== q) throw new SyntaxError_();
  const body = quoted.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new SyntaxError_();
    return body.replaceAll('\r', '');
  }
  if (q !== '"' || body.includes('\n')) throw new SyntaxError_();
  const bytes: number[] = [];
  for (let i = 0; i < body.length; ) i = unquoteChar(body, i, '"', bytes);
  return decodeBytes(bytes);
}

/** A char constant `'x'`: its rune, or an error text as Go's parser reports it. */
export function unquoteCharConstant(text: string): number | string {
  const bytes: number[] = [];
  let next: number;
  try {
    next = unquoteChar(text, 1, "'", bytes);
  } catch {
    return 'invalid syntax';
  }
  if (text.slice(next) !== "'") return `malformed character constant: ${text}`;
  const decoded = [...decodeBytes(bytes)];
  if (bytes.length === 1) return bytes[0] as number;
  return decoded[0]?.codePointAt(0) ?? 0xfffd;
}

function underscoreOK(s: string): boolean {
  // Go's rule: '_' only between digits, or between a base prefix and a digit.
  let saw = '^';
  let i = 0;
  if (s[0] === '+' || s[0] === '-') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && /[xXbBoO]/.test(s[1] as string)) {
    i = 2;
    saw = '0';
    hex = /[xX]/.test(s[1] as string);
  }
  for (; i < s.length; i++) {
    const c = s[i] as string;
    if (/[0-9]/.test(c) || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseInt(text, 0, 64) (signed) or ParseUint (unsigned); null on error. */
export function parseGoInt(text: string, unsigned: boolean): bigint | null {
  let s = text;
  let neg = false;
  if (!unsigned && (s[0] === '+' || s[0] === '-')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '') return null;
  let base = 10;
  let digits = s;
  if (s[0] === '0' && s.length > 1) {
    const p = (s[1] as string).toLowerCase();
    if (p === 'x') [base, digits] = [16, s.slice(2)];
    else if (p === 'o') [base, digits] = [8, s.slice(2)];
    else if (p === 'b') [base, digits] = [2, s.slice(2)];
    else [base, digits] = [8, s.slice(1)];
  }
  if (s.includes('_') && !underscoreOK(s)) return null;
  digits = digits.replaceAll('_', '');
  if (digits === '') return null;
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[base];
  if (valid === undefined || !valid.test(digits)) return null;
  let v = BigInt(0);
  const b = BigInt(base);
  for (const d of digits) v = v * b + BigInt(parseInt(d, 16));
  if (neg) v = -v;
  const max = unsigned ? (BigInt(1) << BigInt(64)) - BigInt(1) : (BigInt(1) << BigInt(63)) - BigInt(1);
  const min = unsigned ? BigInt(0) : -(BigInt(1) << BigInt(63));
  return v > max || v < min ? null : v;
}

/** strconv.ParseFloat(text, 64) for the literal forms the lexer produces; null on error or overflow. */
export function parseGoFloat(text: string): number | null {
  let s = text;
  let sign = 1;
  if (s[0] === '+' || s[0] === '-') {
    sign = s[0] === '-' ? -1 : 1;
    s = s.slice(1);
  }
  if (s.includes('_') && !underscoreOK(s)) return null;
  s = s.replaceAll('_', '');
  let v: number;
  if (/^0[xX]/.test(s)) {
    const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(s);
    if (m === null || (m[1] === '' && (m[2] ?? '') === '')) return null;
    const mant = parseInt((m[1] ?? '') + (m[2] ?? '') || '0', 16);
    v = mant * Math.pow(2, Number(m[3]) - 4 * (m[2] ?? '').length);
  } else {
    if (!/^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(s)) return null;
    v = Number(s);
  }
  if (!Number.isFinite(v)) return null;
  return sign * v;
}
