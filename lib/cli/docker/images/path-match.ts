/**
 * Go's `path.Match`, which the daemon's `reference=` filter uses: `*` is any run of non-`/`
 * characters, `?` one non-`/` character, `[…]` a class (`[^…]` negated, ranges, `\` escapes),
 * `\c` the character c. A malformed pattern is `syntax error in pattern` (path.ErrBadPattern),
 * reported even when an earlier part fails to match, as Go does since 1.16.
 */
export class BadPatternError extends Error {
  constructor() {
    super('syntax error in pattern');
  }
}

const cache = new Map<string, RegExp>();

export function goPathMatch(pattern: string, name: string): boolean {
  let regex = cache.get(pattern);
  if (regex === undefined) {
    regex = compile(pattern);
    if (cache.size > 200) cache.clear();
    cache.set(pattern, regex);
  }
  return regex.test(name);
}

/** A literal character in a `u`-flag regex: outside a class `-` must stay bare (`\-` is a syntax error there). */
const escapeChar = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
/** A literal character inside a `[…]` class. */
const escapeClassChar = (c: string) => c.replace(/[\\\]\[^-]/g, '\\$&');

function compile(pattern: string): RegExp {
  const chars = [...pattern];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\') {
      const next = chars[++i];
      if (next === undefined) throw new BadPatternError();
      out += escapeChar(next);
    } else if (c === '[') {
      const [cls, end] = compileClass(chars, i + 1);
      out += cls;
      i = end;
    } else out += escapeChar(c);
  }
  return new RegExp(`^${out}$`, 'u');
}

/** A `[...]` class starting after the `[`; returns the regex class and the index of the `]`. */
function compileClass(chars: readonly string[], start: number): [string, number] {
  let i = start;
  let negated = false;
  if (chars[i] === '^') {
    negated = true;
    i++;
  }
  const ranges: string[] = [];
  const readChar = (): string => {
    let c = chars[i];
    if (c === undefined || c === '-' || c === ']') throw new BadPatternError();
    if (c === '\\') {
      c = chars[++i];
      if (c === undefined) throw new BadPatternError();
    }
    i++;
    return c;
  };
  do {
    if (chars[i] === ']' && ranges.length > 0) break;
    const lo = readChar();
    let hi = lo;
    if (chars[i] === '-') {
      i++;
      hi = readChar();
      if (hi < lo) throw new BadPatternError();
    }
    ranges.push(lo === hi ? escapeClassChar(lo) : `${escapeClassChar(lo)}-${escapeClassChar(hi)}`);
  } while (chars[i] !== ']');
  if (chars[i] !== ']') throw new BadPatternError();
  // Go's classes never match the separator.
  return [negated ? `(?![/])[^${ranges.join('')}]` : `[${ranges.join('')}]`, i];
}
