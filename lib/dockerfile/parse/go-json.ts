/**
 * The part of Go's `encoding/json` that BuildKit's `parseJSON` relies on: `json.Unmarshal` of
 * the rest of the line into `[]any`. Iterative (no recursion, so `[[[[...` cannot overflow the
 * stack) and linear. Outcomes, in Go's order of precedence:
 * - `invalid`: a syntax error (also nesting deeper than Go's 10000 levels) or a number that
 *   overflows float64 (an `UnmarshalTypeError`): BuildKit then falls back to the shell form;
 * - `not-strings`: valid JSON whose top-level array holds a non-string: a hard error;
 * - `ok`: the decoded strings, with the offsets of their literals (quotes included).
 */

export interface JsonString {
  value: string;
  start: number;
  end: number;
}

export type JsonArrayResult = { kind: 'ok'; items: JsonString[] } | { kind: 'not-strings' } | { kind: 'invalid' };

/** encoding/json's `maxNestingDepth`. */
const MAX_DEPTH = 10000;

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

class Invalid extends Error {}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function hex4(s: string, i: number): number {
  if (i + 4 > s.length) return -1;
  const digits = s.slice(i, i + 4);
  return /^[0-9a-fA-F]{4}$/.test(digits) ? parseInt(digits, 16) : -1;
}

/** Reads a string literal at `s[i] === '"'`; returns the decoded value and the end offset. */
function readString(s: string, i: number): { value: string; end: number } {
  const parts: string[] = [];
  let from = i + 1;
  let j = from;
  for (;;) {
    if (j >= s.length) throw new Invalid();
    const c = s.charCodeAt(j);
    if (c === 0x22) break;
    if (c < 0x20) throw new Invalid();
    if (c !== 0x5c) {
      j++;
      continue;
    }
    parts.push(s.slice(from, j));
    const e = s[j + 1] ?? '';
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      parts.push(simple);
      j += 2;
    } else if (e === 'u') {
      let r = hex4(s, j + 2);
      if (r < 0) throw new Invalid();
      j += 6;
      if (r >= 0xd800 && r <= 0xdfff) {
        // Go's unquote: a valid surrogate pair is combined; anything else becomes U+FFFD and
        // the following escape (if any) is decoded on its own.
        const low = s[j] === '\\' && s[j + 1] === 'u' ? hex4(s, j + 2) : -1;
        if (r <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
          parts.push(String.fromCharCode(r, low));
          j += 6;
          r = -1;
        } else r = 0xfffd;
      }
      if (r >= 0) parts.push(String.fromCharCode(r));
    } else throw new Invalid();
    from = j;
  }
  parts.push(s.slice(from, j));
  return { value: parts.join(''), end: j + 1 };
}

/** Scans a number per the JSON grammar; returns its end, or throws. */
function readNumber(s: string, i: number): number {
  let j = i;
  if (s.charCodeAt(j) === 0x2d) j++;
  if (s.charCodeAt(j) === 0x30) j++;
  else if (isDigit(s.charCodeAt(j))) while (isDigit(s.charCodeAt(j))) j++;
  else throw new Invalid();
  if (s.charCodeAt(j) === 0x2e) {
    j++;
    if (!isDigit(s.charCodeAt(j))) throw new Invalid();
    while (isDigit(s.charCodeAt(j))) j++;
  }
  if (s.charCodeAt(j) === 0x65 || s.charCodeAt(j) === 0x45) {
    j++;
    if (s.charCodeAt(j) === 0x2b || s.charCodeAt(j) === 0x2d) j++;
    if (!isDigit(s.charCodeAt(j))) throw new Invalid();
    while (isDigit(s.charCodeAt(j))) j++;
  }
  return j;
}

/** `json.Unmarshal([]byte(text), &[]any{})` as BuildKit's `parseJSON` uses it. */
export function parseGoJsonArray(text: string): JsonArrayResult {
  try {
    return scan(text);
  } catch (error) {
    if (error instanceof Invalid) return { kind: 'invalid' };
    throw error;
  }
}

// Plain functions over (text, offset), not closures over `i`: exec-form lines are parsed on
// every keystroke, and closures would be allocated per call.
function skipSpace(s: string, i: number): number {
  while (i < s.length && isJsonSpace(s.charCodeAt(i))) i++;
  return i;
}

/** An object key and its `:`; returns the offset after the colon. */
function readKey(s: string, i: number): number {
  i = skipSpace(s, i);
  if (s.charCodeAt(i) !== 0x22) throw new Invalid();
  i = skipSpace(s, readString(s, i).end);
  if (s.charCodeAt(i) !== 0x3a) throw new Invalid();
  return i + 1;
}

function scan(s: string): JsonArrayResult {
  const items: JsonString[] = [];
  const stack: number[] = []; // 0x5d for an array, 0x7d for an object: the closing char
  let overflow = false;
  let nonString = false;
  let i = 0;
  for (;;) {
    // Expect a value.
    i = skipSpace(s, i);
    const c = s.charCodeAt(i);
    const topLevelItem = stack.length === 1 && stack[0] === 0x5d;
    if (c === 0x22) {
      const str = readString(s, i);
      if (topLevelItem) items.push({ value: str.value, start: i, end: str.end });
      i = str.end;
    } else {
      if (topLevelItem) nonString = true;
      if (c === 0x5b || c === 0x7b) {
        stack.push(c === 0x5b ? 0x5d : 0x7d);
        if (stack.length > MAX_DEPTH) throw new Invalid();
        i = skipSpace(s, i + 1);
        if (s.charCodeAt(i) === (c === 0x5b ? 0x5d : 0x7d)) {
          stack.pop();
          i++;
        } else {
          if (c === 0x7b) i = readKey(s, i);
          continue;
        }
      } else if (c === 0x2d || isDigit(c)) {
        const end = readNumber(s, i);
        if (!Number.isFinite(Number(s.slice(i, end)))) overflow = true;
        i = end;
      } else if (s.startsWith('true', i)) i += 4;
      else if (s.startsWith('false', i)) i += 5;
      else if (s.startsWith('null', i)) i += 4;
      else throw new Invalid();
    }
    // After a value: close containers or move to the next element.
    for (;;) {
      i = skipSpace(s, i);
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (i !== s.length) throw new Invalid();
        if (overflow) return { kind: 'invalid' };
        return nonString ? { kind: 'not-strings' } : { kind: 'ok', items };
      }
      const d = s.charCodeAt(i);
      if (d === top) {
        stack.pop();
        i++;
        continue;
      }
      if (d !== 0x2c) throw new Invalid();
      i++;
      if (top === 0x7d) i = readKey(s, i);
      break;
    }
  }
}
