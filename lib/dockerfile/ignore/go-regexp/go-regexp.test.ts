import { describe, expect, it } from 'vitest';
import { compileProgram } from './compile-program';
import { LazyDfa } from './lazy-dfa';
import { parseGoRegexp } from './parse-regexp';

/** Go's `regexp.MustCompile(re).MatchString(text)`, or null where `regexp.Compile` fails. */
function goMatch(re: string, text: string): boolean | null {
  const tree = parseGoRegexp(re);
  return tree === null ? null : new LazyDfa(compileProgram(tree)).matches(text);
}

// [regexp, text, Go's MatchString]. Regexps are written as moby would hand them to Go.
const MATCH_TABLE: [string, string, boolean][] = [
  ['^abc$', 'abc', true],
  ['^abc$', 'abcd', false],
  ['^[^/]*$', 'a/b', false],
  ['^(.*/)?x$', 'x', true],
  ['^(.*/)?x$', 'a/b/x', true],
  ['^(.*/)?x$', 'ax', false],
  // Alternation is an unanchored search on each side.
  ['^a|b$', 'ax', true],
  ['^a|b$', 'xb', true],
  ['^a|b$', 'x', false],
  ['^x|', 'anything', true],
  // `.` is anything but \n; JavaScript's `.` would also refuse \r.
  ['^.$', '\r', true],
  ['^.$', '\n', false],
  ['^[^a]$', '\n', true],
  // Classes.
  ['^[]a]$', ']', true],
  ['^[^]a]$', 'b', true],
  ['^[^]a]$', ']', false],
  ['^[a-]$', '-', true],
  ['^[-a]$', '-', true],
  ['^[a-c-e]$', '-', true],
  ['^[[:alpha:]]$', 'q', true],
  ['^[[:alpha:]]$', '1', false],
  ['^[[:^alpha:]]$', '1', true],
  ['^[[:space:]]$', '\v', true],
  ['^[[:punct:]]$', '~', true],
  ['^[[:xdigit:]]$', 'F', true],
  ['^[[:xdigit:]]$', 'g', false],
  ['^[[^/]*]$', '^^]', true],
  ['^[[^/]*]$', '/]', true],
  ['^[\\d]$', '7', true],
  ['^[\\D]$', '7', false],
  ['^[\\]a]$', ']', true],
  ['^[x\\-]$', '-', true],
  // Perl groups are ASCII; \s has no \v.
  ['^\\d$', '٣', false],
  ['^\\w$', '_', true],
  ['^\\W$', 'é', true],
  ['^\\s$', '\v', false],
  ['^\\S$', '\v', true],
  // Unicode classes.
  ['^\\pL$', 'é', true],
  ['^\\pL$', '1', false],
  ['^\\PL$', '1', true],
  ['^\\pN$', '٣', true],
  ['^\\p{Greek}$', 'Ω', true],
  ['^\\p{Greek}$', 'O', false],
  ['^\\p{^Greek}$', 'O', true],
  ['^\\p{Lu}$', 'É', true],
  ['^\\p{Letter}$', 'x', true],
  ['^\\p{Any}$', '\n', true],
  ['^[\\p{N}x]$', 'x', true],
  ['^\\pC$', '\u0378', false], // unassigned: not in Go's C
  // Escapes.
  ['^\\x41$', 'A', true],
  ['^\\x{1F600}$', '😀', true],
  ['^\\101$', 'A', true],
  ['^\\0$', '\0', true],
  ['^\\t\\n$', '\t\n', true],
  ['^a\\.b$', 'axb', false],
  ['^\\Qa.b', 'a.bxyz', true],
  ['^\\Qa.b\\E$', 'a.bx', false],
  ['^\\Qa[^/]*$', 'a[^/]*$', true],
  // Assertions.
  ['^a\\b', 'a b', true],
  ['^a\\b', 'ab', false],
  ['^a\\B', 'ab', true],
  ['^\\Aa\\z', 'a', true],
  ['^a^b', 'ab', false],
  ['^a$b', 'ab', false],
  // Repeats.
  ['^a{2,3}$', 'aa', true],
  ['^a{2,3}$', 'aaaa', false],
  ['^a{2,}$', 'aaaaa', true],
  ['^a{0}b$', 'b', true],
  ['^a{,2}$', 'a{,2}', true],
  ['^a{01}$', 'a{01}', true],
  ['^a{2$', 'a{2', true],
  ['^a*?$', 'aaa', true],
  ['^(a*)*$', 'aaaa', true],
  ['^(a|b)+c$', 'ababc', true],
];

// Regexps Go's regexp.Compile rejects.
const REJECTED = [
  'a**', '*a', 'a|*', '(', ')', '(a', '[a', '[]', '[z-a]', '\\q', '\\1', '\\8', '\\C', '\\é', 'a\\',
  '[[:foo:]]', '[[:^:]]', '\\pX', '\\p{Foo}', '\\p{Grek}', '\\p{Old_Italic}', '\\p', 'a{1001}',
  'a{2}{3}', 'a*{2}', 'a{2,1}', '(a{2}){600}', '\\x{110000}', '\\x{}', '\\xZZ', '\\x4', '[\\b]', '{2}',
];

describe('Go regexp semantics', () => {
  it.each(MATCH_TABLE)('%j matches %j: %s', (re, text, expected) => {
    expect(goMatch(re, text)).toBe(expected);
  });

  it.each(REJECTED)('rejects %j', (re) => {
    expect(parseGoRegexp(re)).toBeNull();
  });

  it('rejects programs over Go\'s size limit', () => {
    expect(parseGoRegexp('((a{1000}){1}){1}')).not.toBeNull();
    expect(parseGoRegexp('x{1000}'.repeat(4000))).toBeNull();
  });
});

describe('linear-time matching', () => {
  it('does not backtrack on many stars', () => {
    const re = '^' + '[^/]*a'.repeat(12) + '[^/]*b$';
    const text = 'a'.repeat(20_000);
    const started = performance.now();
    expect(goMatch(re, text)).toBe(false);
    expect(goMatch(re, text + 'b')).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('does not backtrack on nested stars or many `**`', () => {
    const started = performance.now();
    expect(goMatch('^(a*)*b$', 'a'.repeat(20_000))).toBe(false);
    expect(goMatch('^' + '(.*/)?'.repeat(10) + 'x$', 'a/'.repeat(5_000) + 'y')).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
