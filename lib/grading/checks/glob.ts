/**
 * Path and text patterns for checks: `*` matches within one path segment (any run of
 * characters for plain text), `**` across segments, `?` one character; the rest is literal.
 */
export function globRegex(pattern: string, options: { path?: boolean; caseInsensitive?: boolean } = {}): RegExp {
  const path = options.path ?? true;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*' && pattern[i + 1] === '*') {
      out += '.*';
      i++;
    } else if (c === '*') out += path ? '[^/]*' : '.*';
    else if (c === '?') out += path ? '[^/]' : '.';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, options.caseInsensitive ? 'i' : '');
}
