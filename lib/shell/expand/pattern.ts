/**
 * Shell pattern matching (XCU §2.13). Expansion hands patterns over as text in which quoted
 * characters are backslash-escaped (dash's CTLESC idea), so `"*".txt` matches only a file named
 * `*.txt` while `*.txt` globs.
 */
const GLOB_CHARS = new Set(['*', '?', '[']);

/** Escapes `text` so that every character matches itself. */
export function escapePattern(text: string): string {
  return text.replace(/[\\*?[\]]/g, (c) => `\\${c}`);
}

/** Removes the escaping added by `escapePattern`. */
export function unescapePattern(pattern: string): string {
  return pattern.replace(/\\(.)/gs, '$1');
}

/** Whether the pattern has an unescaped `*`, `?` or `[`. */
export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') i++;
    else if (GLOB_CHARS.has(c)) return true;
  }
  return false;
}

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
};

/** The regex source for a pattern; `*` and `?` match any character (including `/`). */
export function patternSource(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) out += '\\\\';
      else out += escapeRegex(n);
      i++;
    } else if (c === '*') out += '[^]*';
    else if (c === '?') out += '[^]';
    else if (c === '[') {
      const bracket = readBracket(pattern, i);
      if (bracket === undefined) out += '\\[';
      else {
        out += bracket.source;
        i = bracket.end;
      }
    } else out += escapeRegex(c);
  }
  return out;
}

/** A `[...]` expression starting at `start`, or undefined when it has no closing `]`. */
function readBracket(pattern: string, start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (pattern[i] === '!' || pattern[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === ']' && !first) return { source: `[${negate ? '^' : ''}${body}]`, end: i };
    first = false;
    if (c === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i + 2);
      const cls = close < 0 ? undefined : CLASSES[pattern.slice(i + 2, close)];
      if (cls !== undefined) {
        body += cls;
        i = close + 1;
        continue;
      }
    }
    if (c === '\\' && i + 1 < pattern.length) {
      i++;
      body += classLiteral(pattern[i] as string);
    } else body += /[\]\\^[]/.test(c) ? classLiteral(c) : c;
  }
  return undefined;
}

function escapeRegex(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

/** A character inside `[...]` by code point: always valid under the `u` flag. */
function classLiteral(c: string): string {
  return `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`;
}

const cache = new Map<string, RegExp>();

/** Whole-string match, as `case` and globbing use it. */
export function matchPattern(pattern: string, text: string): boolean {
  let re = cache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^${patternSource(pattern)}$`, 'u');
    } catch {
      // A range such as [z-a] is invalid; the shell then compares the text literally.
      re = new RegExp(`^${[...unescapePattern(pattern)].map(escapeRegex).join('')}$`, 'u');
    }
    if (cache.size > 500) cache.clear();
    cache.set(pattern, re);
  }
  return re.test(text);
}

/** `${x%p}` `${x%%p}` `${x#p}` `${x##p}`: remove the shortest/longest matching suffix/prefix. */
export function removeAffix(value: string, pattern: string, op: '%' | '%%' | '#' | '##'): string {
  const chars = [...value];
  const n = chars.length;
  if (op === '#' || op === '##') {
    const order = op === '#' ? range(0, n) : range(0, n).reverse();
    for (const k of order) if (matchPattern(pattern, chars.slice(0, k).join(''))) return chars.slice(k).join('');
  } else {
    const order = op === '%' ? range(0, n).reverse() : range(0, n);
    for (const k of order) if (matchPattern(pattern, chars.slice(k).join(''))) return chars.slice(0, k).join('');
  }
  return value;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
