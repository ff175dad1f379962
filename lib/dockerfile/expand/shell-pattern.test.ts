import { describe, expect, it } from 'vitest';
import { DockerfileError } from '../errors';
import { envFromRecord } from './env-lookup';
import { compileGlob, GlobMatcher, GlobSyntaxError } from './glob-matcher';
import { createShellLexer } from './shell-lexer';
import { expandGoTemplate, replacePattern, reversePattern, reverseString, trimPrefix, trimSuffix } from './shell-pattern';

describe('compileGlob (upstream TestConvertShellPatternToRegex)', () => {
  it('accepts the upstream valid patterns', () => {
    const special = compileGlob('(()[]{\\}^$.\\*\\?|\\\\', true);
    expect(special.kinds.every((kind) => kind === 0)).toBe(true); // all literal
    expect(String.fromCodePoint(...special.runes)).toBe('(()[]{}^$.*?|\\');
    expect(compileGlob('*', true).kinds).toEqual([2]);
    expect(compileGlob('?', true).kinds).toEqual([1]);
    expect(compileGlob('\\*', true).kinds).toEqual([0]);
  });
  it('rejects the upstream invalid patterns', () => {
    for (const pattern of ['\\', '\\x', '\\\\\\']) {
      expect(() => compileGlob(pattern, true)).toThrow(GlobSyntaxError);
    }
    expect(() => compileGlob('\\', true)).toThrow("invalid escape '\\\uFFFD'");
  });
  it('skips a leading byte-order mark like Go text/scanner', () => {
    expect(compileGlob('\uFEFFa', true).runes).toEqual([0x61]);
  });
});

describe('reverseString and reversePattern (upstream tables)', () => {
  it('reverses by code point', () => {
    expect(reverseString('54321')).toBe('12345');
    expect(reverseString('🖖🚀👽')).toBe('👽🚀🖖');
  });
  it('keeps escape pairs in order', () => {
    const cases: Array<[string, string]> = [
      ['a\\*c', 'c\\*a'],
      ['\\\\\\ab', 'b\\a\\\\'],
      ['ab\\', '\\ba'],
      ['👽\\🚀🖖', '🖖\\🚀👽'],
      ['\\\\b', 'b\\\\'],
    ];
    for (const [pattern, expected] of cases) expect(reversePattern(pattern)).toBe(expected);
  });
});

describe('trimPrefix / trimSuffix', () => {
  it('removes the shortest or longest match', () => {
    expect(trimPrefix('*/', 'a/b/c', false)).toBe('b/c');
    expect(trimPrefix('*/', 'a/b/c', true)).toBe('c');
    expect(trimSuffix('/*', 'a/b/c', false)).toBe('a/b');
    expect(trimSuffix('/*', 'a/b/c', true)).toBe('a');
    expect(trimSuffix('.tar.*', 'app.tar.gz', false)).toBe('app');
    expect(trimPrefix('x', 'abc', true)).toBe('abc');
  });
  it('never lets * or ? cross a newline (Go regexp `.`)', () => {
    expect(trimPrefix('*b', 'a\nb', true)).toBe('a\nb');
    expect(trimPrefix('a?b', 'a\nb', true)).toBe('a\nb');
    expect(trimPrefix('a\n*', 'a\nbc\nd', true)).toBe('\nd');
  });
  it('names the reversed pattern in a % error, as upstream', () => {
    expect(() => trimSuffix('ab\\', 'x', false)).toThrow('invalid pattern (\\ba) in substitution');
    expect(() => trimSuffix('ab\\', 'x', false)).toThrow(DockerfileError);
  });
});

describe('replacePattern', () => {
  it('replaces the first or every leftmost-longest match', () => {
    expect(replacePattern('a.b.c', '.', '-', false)).toBe('a-b.c');
    expect(replacePattern('a.b.c', '.', '-', true)).toBe('a-b-c');
    expect(replacePattern('xaaay', 'a*a', 'B', true)).toBe('xBy');
    expect(replacePattern('v1.2.3', '?.', '', true)).toBe('v3');
  });
  it('handles empty matches like Go ReplaceAllString', () => {
    expect(replacePattern('xx', '', '-', true)).toBe('-x-x-');
    expect(replacePattern('xx', '', '-', false)).toBe('-xx');
    expect(replacePattern('ab', '*', '-', true)).toBe('-');
    expect(replacePattern('😀😀', '', '-', true)).toBe('-😀-😀-');
  });
  it('expands $0 only in the replace-all form', () => {
    expect(replacePattern('abc', 'b', '[$0]', false)).toBe('a[$0]c');
    expect(replacePattern('abc', 'b', '[$0${0}$$]', true)).toBe('a[bb$]c');
  });
  it('reaches the template through quotes, as Dockerfile authors would write it', () => {
    const lexer = createShellLexer('\\');
    expect(lexer.expandWord(`\${V//o/'$0$0'}`, envFromRecord({ V: 'foo' }))).toBe('foooo');
  });
});

describe('expandGoTemplate (Go Regexp.Expand with only group 0)', () => {
  const cases: Array<[string, string]> = [
    ['$0', 'M'],
    ['${0}x', 'Mx'],
    ['$0x', ''],
    ['$00', ''],
    ['$1$name${name}', ''],
    ['$$0', '$0'],
    ['$', '$'],
    ['a$.b', 'a$.b'],
    ['${0', '${0'],
    ['${}', '${}'],
  ];
  for (const [template, expected] of cases) {
    it(`${template} -> ${expected}`, () => expect(expandGoTemplate(template, 'M')).toBe(expected));
  }
});

describe('matching cost stays bounded (RE2-like, no backtracking)', () => {
  it('handles many stars against a long non-matching value quickly', () => {
    const value = 'a'.repeat(20_000);
    const started = Date.now();
    expect(trimPrefix('*a*a*a*a*a*a*a*b', value, true)).toBe(value);
    expect(replacePattern(value, '*a*a*a*a*b', 'x', true)).toBe(value);
    expect(replacePattern(value, 'a', 'b', true)).toBe('b'.repeat(20_000));
    expect(Date.now() - started).toBeLessThan(5_000);
  });
  it('handles long runs of stars without recursion', () => {
    const matcher = new GlobMatcher(compileGlob('*'.repeat(100_000) + 'x', false));
    expect(matcher.find('aax', 0, true)).toEqual([0, 3]);
  });
});
