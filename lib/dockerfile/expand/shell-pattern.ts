import { DockerfileError } from '../errors';
import { compileGlob, GlobMatcher, GlobSyntaxError, type GlobProgram } from './glob-matcher';
import { isGoDigit, isGoLetter } from '@/lib/util';
import { fromRunes, toRunes } from './rune-scanner';

/**
 * The pattern operators of BuildKit's `processDollar`: `${VAR#pat}`,
 * `${VAR##pat}`, `${VAR%pat}`, `${VAR%%pat}`, `${VAR/pat/repl}` and
 * `${VAR//pat/repl}`, with the helpers of `shell/lex.go` they rely on
 * (`trimPrefix`, `trimSuffix`, `reversePattern`, `reverseString`) and the
 * template expansion Go's `Regexp.ReplaceAllString` applies to `repl`.
 */

const BACKSLASH = 0x5c;
const DOLLAR = 0x24;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const UNDERSCORE = 0x5f;

function compileForSubstitution(pattern: string, greedy: boolean): GlobProgram {
  try {
    return compileGlob(pattern, greedy);
  } catch (err) {
    if (!(err instanceof GlobSyntaxError)) throw err;
    throw new DockerfileError('expansion', `invalid pattern (${pattern}) in substitution: ${err.message}`, undefined, {
      cause: err,
    });
  }
}

/** `${VAR#pat}` (shortest) / `${VAR##pat}` (greedy): drop a matching prefix. */
export function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const match = new GlobMatcher(compileForSubstitution(pattern, greedy)).find(value, 0, true);
  return match === null ? value : value.slice(match[1]);
}

/**
 * `${VAR%pat}` / `${VAR%%pat}`: drop a matching suffix. Like BuildKit, reverse
 * both pattern and value and trim a prefix (a leftmost search is all a regex
 * engine offers). So a pattern error names the reversed pattern, as upstream.
 */
export function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  return reverseString(trimPrefix(reversePattern(pattern), reverseString(value), greedy));
}

/** Reverses by code point (Go runes), so astral characters survive. */
export function reverseString(text: string): string {
  return fromRunes(toRunes(text).reverse());
}

/** Reverses a pattern but keeps each `\x` escape pair in order (`a\*c` -> `c\*a`). */
export function reversePattern(pattern: string): string {
  const runes = toRunes(pattern);
  const out = new Array<number>(runes.length).fill(0);
  const last = runes.length - 1;
  for (let i = 0; i <= last; ) {
    const tok = runes[i] ?? 0;
    const outIdx = last - i;
    if (tok === BACKSLASH && i !== last) {
      out[outIdx - 1] = tok;
      out[outIdx] = runes[i + 1] ?? 0;
      i += 2;
    } else {
      out[outIdx] = tok;
      i++;
    }
  }
  return fromRunes(out);
}

/**
 * `${VAR/pat/repl}` replaces the first match with `repl` taken literally;
 * `${VAR//pat/repl}` is Go's `ReplaceAllString`, which (unlike the single form)
 * expands `$0`/`${0}` in `repl` to the match and `$$` to `$`. Stars are greedy.
 */
export function replacePattern(value: string, pattern: string, replacement: string, all: boolean): string {
  const matcher = new GlobMatcher(compileForSubstitution(pattern, true));
  if (!all) {
    const match = matcher.find(value, 0, false);
    return match === null ? value : value.slice(0, match[0]) + replacement + value.slice(match[1]);
  }
  let out = '';
  let lastMatchEnd = 0;
  let searchPos = 0;
  while (searchPos <= value.length) {
    const match = matcher.find(value, searchPos, false);
    if (match === null) break;
    const [start, end] = match;
    out += value.slice(lastMatchEnd, start);
    // Go: no replacement for an empty match right after the previous match.
    if (end > lastMatchEnd || start === 0) out += expandGoTemplate(replacement, value.slice(start, end));
    lastMatchEnd = end;
    // Go: always advance at least one character past an empty match.
    const cp = value.codePointAt(searchPos);
    const width = cp === undefined ? 0 : cp > 0xffff ? 2 : 1;
    if (searchPos + width > end) searchPos += width;
    else if (searchPos + 1 > end) searchPos++;
    else searchPos = end;
  }
  return out + value.slice(lastMatchEnd);
}

/**
 * Go `Regexp.Expand` for a regex with no capture groups: `$0` and `${0}` are
 * the whole match, `$$` is `$`, any other well-formed `$name` is empty and a
 * malformed `$` stays literal.
 */
export function expandGoTemplate(template: string, match: string): string {
  const runes = toRunes(template);
  let out = '';
  let i = 0;
  while (i < runes.length) {
    const cp = runes[i] ?? 0;
    if (cp !== DOLLAR) {
      out += String.fromCodePoint(cp);
      i++;
      continue;
    }
    if (runes[i + 1] === DOLLAR) {
      out += '$';
      i += 2;
      continue;
    }
    const ref = readTemplateRef(runes, i + 1);
    if (ref === null) {
      out += '$';
      i++;
      continue;
    }
    if (ref.name === '0') out += match;
    i = ref.end;
  }
  return out;
}

/** Go `extract`: a name of letters, digits and `_`, optionally in braces. */
function readTemplateRef(runes: readonly number[], from: number): { name: string; end: number } | null {
  let i = from;
  const brace = runes[i] === LBRACE;
  if (brace) i++;
  const nameStart = i;
  for (let cp = runes[i]; cp !== undefined && (isGoLetter(cp) || isGoDigit(cp) || cp === UNDERSCORE); cp = runes[++i]);
  if (i === nameStart) return null;
  const name = fromRunes(runes.slice(nameStart, i));
  if (brace) {
    if (runes[i] !== RBRACE) return null;
    i++;
  }
  // Only group 0 exists, and Go reads "00" or "0x" as names, not as group 0.
  return { name, end: i };
}
