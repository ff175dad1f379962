// moby `patternmatcher` `Pattern.compile` + `Pattern.match`: one cleaned pattern becomes one
// of four matchers, chosen exactly as moby chooses them (its `TestCompile` table is ported in
// compile-pattern.test.ts):
//
// - exact   no wildcard at all: string equality with the cleaned pattern (`a.b`, `a(b)c`);
// - prefix  only a trailing `**` (`dir/**`): `strings.HasPrefix` with the pattern minus `**`;
// - suffix  a leading `**` and nothing else special (`**/dir`): `strings.HasSuffix`, plus
//           `**/foo` matching `foo` itself. `**foo` is a plain suffix, so it matches `barfoo`
//           where the regexp would not: that is moby's behaviour, kept;
// - regexp  anything else: the Go regexp moby builds (`*` → `[^/]*`, `?` → `[^/]`,
//           `**` → `(.*/)?` or a final `.*`, `. + ( ) $` escaped, the rest verbatim),
//           parsed with Go's rules and run as a lazy DFA. `|`, `{`, `}` are *not* escaped,
//           whatever moby's comment says (see REGEXP_SPECIALS): `*.{js,ts}` is literal braces,
//           `a*|b` an alternation that matches any path ending in `b`.
//
// Compiling happens once per pattern, at parse time.
import { compileProgram } from './go-regexp/compile-program';
import { LazyDfa } from './go-regexp/lazy-dfa';
import { parseGoRegexp, type RegexNode } from './go-regexp/parse-regexp';

export type PatternMatchKind = 'exact' | 'prefix' | 'suffix' | 'regexp';

export interface CompiledPattern {
  readonly kind: PatternMatchKind;
  /** The Go regexp source moby builds, for `regexp` patterns (e.g. `^[^/]*\.pyc$`), else null. */
  readonly regexp: string | null;
  /** moby's `Pattern.match`: the whole (slash-separated, clean) path against this one pattern. */
  matches(path: string): boolean;
}

/**
 * What moby's `shouldEscape` really escapes. It means `.+()|{}$`, but its bitmap is `[8]byte`
 * set with `1 << (c/8)`: for `|` (124), `{` (123), `}` (125) the bit shifts out of the byte.
 */
const REGEXP_SPECIALS = new Set(['.', '+', '(', ')', '$']);

/**
 * Compiles a cleaned pattern (no `!`). Returns null where moby's `compile` fails, i.e. Go's
 * `regexp.Compile` rejects the regexp it built (`x*[z-a]`, `a\qb*`): moby reports that as
 * `filepath.ErrBadPattern` the first time the pattern is used.
 */
export function compilePattern(pattern: string): CompiledPattern | null {
  const chars = Array.from(pattern);
  // moby reads the pattern with text/scanner, which silently skips a leading BOM.
  let pos = chars[0] === '\uFEFF' ? 1 : 0;
  let regexp = '^';
  let kind: PatternMatchKind = 'exact';
  for (let iteration = 0; pos < chars.length; iteration++) {
    const ch = chars[pos++] ?? '';
    if (ch === '*') {
      if (chars[pos] === '*') {
        pos++;
        if (chars[pos] === '/') pos++; // `**/` is `**`
        if (pos >= chars.length) {
          // A final `**` accepts everything below, as .gitignore does.
          if (kind === 'exact') kind = 'prefix';
          else {
            regexp += '.*';
            kind = 'regexp';
          }
        } else {
          // Any number of whole directories, zero included.
          regexp += '(.*/)?';
          kind = 'regexp';
        }
        if (iteration === 0) kind = 'suffix';
      } else {
        regexp += '[^/]*';
        kind = 'regexp';
      }
    } else if (ch === '?') {
      regexp += '[^/]';
      kind = 'regexp';
    } else if (REGEXP_SPECIALS.has(ch)) {
      regexp += '\\' + ch;
    } else if (ch === '\\') {
      // Escape the next character; a trailing `\` stays (and escapes moby's closing `$`).
      if (pos < chars.length) {
        regexp += '\\' + (chars[pos++] ?? '');
        kind = 'regexp';
      } else regexp += '\\';
    } else if (ch === '[' || ch === ']') {
      regexp += ch;
      kind = 'regexp';
    } else {
      regexp += ch;
    }
  }
  switch (kind) {
    case 'exact':
      return { kind, regexp: null, matches: (path) => path === pattern };
    case 'prefix': {
      const prefix = pattern.slice(0, -2);
      return { kind, regexp: null, matches: (path) => path.startsWith(prefix) };
    }
    case 'suffix':
      return { kind, regexp: null, matches: suffixMatcher(pattern) };
    case 'regexp': {
      regexp += '$';
      const tree = parseGoRegexp(regexp);
      if (tree === null) return null;
      const dfa = new LazyDfa(compileProgram(tree));
      const { prefix, suffix } = literalAffixes(tree);
      // Cheap necessary conditions first: `*.pyc` never runs the automaton on `main.go`.
      return {
        kind,
        regexp,
        matches: (path) => path.startsWith(prefix) && path.endsWith(suffix) && dfa.matches(path),
      };
    }
  }
}

/** moby: `HasSuffix(path, p[2:]) || (p[2] == '/' && path == p[3:])`, slicing bytes. */
function suffixMatcher(pattern: string): (path: string) => boolean {
  if (!pattern.startsWith('\uFEFF')) {
    const suffix = pattern.slice(2);
    const bare = suffix.startsWith('/') ? suffix.slice(1) : null;
    return (path) => path.endsWith(suffix) || path === bare;
  }
  // With a leading BOM, moby's `p[2:]` cuts into the BOM's UTF-8 bytes; compare bytes too.
  const encoder = new TextEncoder();
  const suffix = encoder.encode(pattern).subarray(2);
  return (path) => {
    const bytes = encoder.encode(path);
    const offset = bytes.length - suffix.length;
    return offset >= 0 && suffix.every((b, i) => bytes[offset + i] === b);
  };
}

/**
 * The literal text a match must start and end with, when the regexp is one concatenation
 * anchored at both ends (`^docs/[^/]*\.md$` → `docs/` and `.md`); empty strings otherwise.
 */
function literalAffixes(tree: RegexNode): { prefix: string; suffix: string } {
  if (tree.kind !== 'concat') return { prefix: '', suffix: '' };
  const items = tree.items;
  const literal = (node: RegexNode | undefined): string | null =>
    node?.kind === 'set' && !node.set.negated && node.set.classes.length === 0 && node.set.ranges.length === 2
      && node.set.ranges[0] === node.set.ranges[1]
      ? String.fromCodePoint(node.set.ranges[0] ?? 0)
      : null;
  const isAssert = (node: RegexNode | undefined, kind: 'begin-text' | 'end-text'): boolean =>
    node?.kind === 'assert' && node.assert === kind;
  let prefix = '';
  if (isAssert(items[0], 'begin-text')) {
    for (let i = 1; i < items.length; i++) {
      const ch = literal(items[i]);
      if (ch === null) break;
      prefix += ch;
    }
  }
  let suffix = '';
  if (isAssert(items[items.length - 1], 'end-text')) {
    for (let i = items.length - 2; i >= 0; i--) {
      const ch = literal(items[i]);
      if (ch === null) break;
      suffix = ch + suffix;
    }
  }
  return { prefix, suffix };
}
