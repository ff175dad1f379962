/**
 * Parser directives (`# syntax=`, `# escape=`, `# check=`), after BuildKit's `DirectiveParser`
 * (directives.go) and `setEscapeToken` (parser.go).
 *
 * Quirks kept on purpose:
 * - Scanning stops for good at the first line that is not a known directive: a blank line, an
 *   instruction, any other comment (hence `escape-after-comment` ignores its `# escape`), or an
 *   unknown key such as `# foo=bar`.
 * - The value regexp `\s*=\s*(.+?)\s*$` keeps one blank when only blanks follow `=`
 *   (`# escape= ` is the token " ", which is then rejected as an invalid escape token).
 */
import { DockerfileError } from '../errors';
import { isGoSpace, isRe2Space } from '@/lib/util';

export type EscapeToken = '\\' | '`';

export interface DirectiveMatch {
  /** Lower-cased key. */
  name: string;
  value: string;
}

const KNOWN = new Set(['syntax', 'escape', 'check']);

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isAsciiAlnum(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39);
}

/** `^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` on `s[from:]`, without regex backtracking. */
export function matchDirective(s: string, from: number): DirectiveMatch | null {
  const end = s.length;
  let i = from;
  if (i >= end || !isAsciiLetter(s.charCodeAt(i))) return null;
  while (i < end && isAsciiAlnum(s.charCodeAt(i))) i++;
  const name = s.slice(from, i);
  while (i < end && isRe2Space(s.charCodeAt(i))) i++;
  if (s.charCodeAt(i) !== 0x3d) return null;
  i++;
  if (i >= end) return null;
  let valueStart = i;
  while (valueStart < end && isRe2Space(s.charCodeAt(valueStart))) valueStart++;
  // `.+?` needs one character: with only blanks after `=`, the lazy group takes the last one.
  if (valueStart === end) return { name, value: s.slice(end - 1) };
  let valueEnd = end;
  while (isRe2Space(s.charCodeAt(valueEnd - 1))) valueEnd--;
  return { name, value: s.slice(valueStart, valueEnd) };
}

/** BuildKit `setEscapeToken`. */
export function toEscapeToken(value: string): EscapeToken {
  if (value === '`' || value === '\\') return value;
  throw new DockerfileError('directive', `invalid escape token '${value}' does not match \` or \\`);
}

export class DirectiveScanner {
  private finished = false;
  private readonly seen = new Set<string>();

  /** True once a line ended directive scanning for good. */
  get done(): boolean {
    return this.finished;
  }

  /**
   * Looks at one line (newline trimmed and, for a first line, leading blanks trimmed) while
   * directives are still allowed. Returns the directive found, or null. Throws on a repeated
   * directive or a bad escape token (the caller adds the location).
   */
  parseLine(token: string): DirectiveMatch | null {
    if (this.finished) return null;
    if (token.charCodeAt(0) !== 0x23) {
      this.finished = true;
      return null;
    }
    let i = 1;
    while (i < token.length && isGoSpace(token.charCodeAt(i))) i++;
    const match = matchDirective(token, i);
    if (match === null) {
      this.finished = true;
      return null;
    }
    const key = match.name.toLowerCase();
    if (!KNOWN.has(key)) {
      this.finished = true;
      return null;
    }
    if (this.seen.has(key)) throw new DockerfileError('directive', `only one ${key} parser directive can be used`);
    this.seen.add(key);
    if (key === 'escape') toEscapeToken(match.value);
    return { name: key, value: match.value };
  }
}
