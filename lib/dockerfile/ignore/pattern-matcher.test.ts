import { describe, expect, it } from 'vitest';
import { goDir } from '@/lib/util';
import { compileIgnorePattern } from './parse-ignore';
import {
  matchesLegacy,
  matchesOrParentMatches,
  matchesUsingParentResults,
  type MatchPattern,
  type ParentMatches,
} from './pattern-matcher';

/** Patterns as `patternmatcher.New` builds them (no ReadAll step). */
const patterns = (...list: string[]): MatchPattern[] =>
  list.flatMap((p) => compileIgnorePattern(p, 1, p) ?? []);

/** moby's walker: each parent directory evaluated in turn, its results handed down. */
function walk(list: MatchPattern[], text: string): boolean {
  const parent = goDir(text);
  let info: ParentMatches = null;
  if (parent !== '.') {
    const parts = parent.split('/');
    for (let i = 0; i < parts.length; i++) {
      info = matchesUsingParentResults(list, parts.slice(0, i + 1).join('/'), info).parentMatches;
    }
  }
  return matchesUsingParentResults(list, text, info).matched;
}

// The behaviour of moby's TestMatches table: 'exact' matches the path itself,
// 'inexact' only through a parent directory, 'fail' not at all.
type Pass = 'exact' | 'inexact' | 'fail';
const MATCHES: [string, string, Pass][] = [
  ['**', 'file', 'exact'], ['**', 'file/', 'exact'], ['**/', 'file', 'exact'], ['**/', 'file/', 'exact'],
  ['**', '/', 'exact'], ['**/', '/', 'exact'], ['**', 'dir/file', 'exact'], ['**/', 'dir/file', 'exact'],
  ['**', 'dir/file/', 'exact'], ['**/', 'dir/file/', 'exact'], ['**/**', 'dir/file', 'exact'],
  ['**/**', 'dir/file/', 'exact'], ['dir/**', 'dir/file', 'exact'], ['dir/**', 'dir/file/', 'exact'],
  ['dir/**', 'dir/dir2/file', 'exact'], ['dir/**', 'dir/dir2/file/', 'exact'], ['**/dir', 'dir', 'exact'],
  ['**/dir', 'dir/file', 'inexact'], ['**/dir2/*', 'dir/dir2/file', 'exact'],
  ['**/dir2/*', 'dir/dir2/file/', 'inexact'], ['**/dir2/**', 'dir/dir2/dir3/file', 'exact'],
  ['**/dir2/**', 'dir/dir2/dir3/file/', 'exact'], ['**file', 'file', 'exact'], ['**file', 'dir/file', 'exact'],
  ['**/file', 'dir/file', 'exact'], ['**file', 'dir/dir/file', 'exact'], ['**/file', 'dir/dir/file', 'exact'],
  ['**/file*', 'dir/dir/file', 'exact'], ['**/file*', 'dir/dir/file.txt', 'exact'],
  ['**/file*txt', 'dir/dir/file.txt', 'exact'], ['**/file*.txt', 'dir/dir/file.txt', 'exact'],
  ['**/file*.txt*', 'dir/dir/file.txt', 'exact'], ['**/**/*.txt', 'dir/dir/file.txt', 'exact'],
  ['**/**/*.txt2', 'dir/dir/file.txt', 'fail'], ['**/*.txt', 'file.txt', 'exact'],
  ['**/**/*.txt', 'file.txt', 'exact'], ['a**/*.txt', 'a/file.txt', 'exact'],
  ['a**/*.txt', 'a/dir/file.txt', 'exact'], ['a**/*.txt', 'a/dir/dir/file.txt', 'exact'],
  ['a/*.txt', 'a/dir/file.txt', 'fail'], ['a/*.txt', 'a/file.txt', 'exact'], ['a/*.txt**', 'a/file.txt', 'exact'],
  ['a[b-d]e', 'ae', 'fail'], ['a[b-d]e', 'ace', 'exact'], ['a[b-d]e', 'aae', 'fail'], ['a[^b-d]e', 'aze', 'exact'],
  ['.*', '.foo', 'exact'], ['.*', 'foo', 'fail'], ['abc.def', 'abcdef', 'fail'], ['abc.def', 'abc.def', 'exact'],
  ['abc.def', 'abcZdef', 'fail'], ['abc?def', 'abcZdef', 'exact'], ['abc?def', 'abcdef', 'fail'],
  ['**/foo/bar', 'foo/bar', 'exact'], ['**/foo/bar', 'dir/foo/bar', 'exact'],
  ['**/foo/bar', 'dir/dir2/foo/bar', 'exact'], ['abc/**', 'abc', 'fail'], ['abc/**', 'abc/def', 'exact'],
  ['abc/**', 'abc/def/ghi', 'exact'], ['**/.foo', '.foo', 'exact'], ['**/.foo', 'bar.foo', 'fail'],
  ['a(b)c/def', 'a(b)c/def', 'exact'], ['a(b)c/def', 'a(b)c/xyz', 'fail'], ['a.|)$(}+{bc', 'a.|)$(}+{bc', 'exact'],
  ['dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'exact'],
  ['dist/*.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'exact'],
  ['a\\\\', 'a\\', 'exact'], ['a\\*b', 'a*b', 'exact'],
];

const MULTI: [string[], string, boolean][] = [
  [['**', '!util/docker/web'], 'util/docker/web/foo', false],
  [['**', '!util/docker/web', 'util/docker/web/foo'], 'util/docker/web/foo', true],
  [['**', '!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl'], 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', false],
  [['**', '!dist/*.whl'], 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', false],
];

describe('moby TestMatches', () => {
  it.each(MATCHES)('%j on %j: %s', (pattern, text, pass) => {
    const list = patterns(pattern);
    expect(list[0]?.matcher.matches(text)).toBe(pass === 'exact'); // MatchesExact
    expect(matchesOrParentMatches(list, text)).toBe(pass !== 'fail');
    expect(walk(list, text)).toBe(pass !== 'fail'); // MatchesUsingParentResults
  });

  it.each(MULTI)('%j on %j: %s', (list, text, expected) => {
    expect(matchesOrParentMatches(patterns(...list), text)).toBe(expected);
    expect(walk(patterns(...list), text)).toBe(expected);
  });
});

describe('moby TestMatch (filepath.Match cases through the deprecated Matches)', () => {
  const cases: [string, string, boolean | 'error'][] = [
    ['abc', 'abc', true], ['*', 'abc', true], ['*c', 'abc', true], ['a*', 'a', true], ['a*', 'abc', true],
    ['a*', 'ab/c', true], ['a*/b', 'abc/b', true], ['a*/b', 'a/c/b', false],
    ['a*b*c*d*e*/f', 'axbxcxdxe/f', true], ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true],
    ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false], ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false],
    ['a*b?c*x', 'abxbbxdbxebxczzx', true], ['a*b?c*x', 'abxbbxdbxebxczzy', false], ['ab[c]', 'abc', true],
    ['ab[b-d]', 'abc', true], ['ab[e-g]', 'abc', false], ['ab[^c]', 'abc', false], ['ab[^b-d]', 'abc', false],
    ['ab[^e-g]', 'abc', true], ['a\\*b', 'a*b', true], ['a\\*b', 'ab', false], ['a?b', 'a☺b', true],
    ['a[^a]b', 'a☺b', true], ['a???b', 'a☺b', false], ['a[^a][^a][^a]b', 'a☺b', false], ['[a-ζ]*', 'α', true],
    ['*[a-ζ]', 'A', false], ['a?b', 'a/b', false], ['a*b', 'a/b', false], ['[\\]a]', ']', true],
    ['[\\-]', '-', true], ['[x\\-]', 'x', true], ['[x\\-]', '-', true], ['[x\\-]', 'z', false],
    ['[\\-x]', 'x', true], ['[\\-x]', '-', true], ['[\\-x]', 'a', false], ['[]a]', ']', 'error'],
    ['[-]', '-', 'error'], ['[x-]', 'x', 'error'], ['[x-]', '-', 'error'], ['[x-]', 'z', 'error'],
    ['[-x]', 'x', 'error'], ['[-x]', '-', 'error'], ['[-x]', 'a', 'error'], ['\\', 'a', 'error'],
    ['[a-b-c]', 'a', 'error'], ['[', 'a', 'error'], ['[^', 'a', 'error'], ['[^bc', 'a', 'error'],
    ['a[', 'a', 'error'], ['a[', 'ab', 'error'], ['*x', 'xxx', true],
  ];

  it.each(cases)('Matches(%j, %j) = %j', (pattern, name, expected) => {
    if (expected === 'error') {
      expect(() => patterns(pattern)).toThrow('syntax error in pattern');
      return;
    }
    expect(matchesLegacy(patterns(pattern), name)).toBe(expected);
  });
});

describe('the smaller moby cases', () => {
  it('matches wildcards, and an exception only undoes an earlier match', () => {
    expect(matchesLegacy(patterns('*'), 'fileutils.go')).toBe(true);
    expect(matchesLegacy(patterns('*.go'), 'fileutils.go')).toBe(true);
    expect(matchesLegacy(patterns('!fileutils.go', '*.go'), 'fileutils.go')).toBe(true);
    expect(matchesLegacy(patterns('*.go', '!fileutils.go'), 'fileutils.go')).toBe(false);
  });

  it('lets an exception under an excluded folder win', () => {
    for (const folder of ['docs', 'docs/', 'docs/*']) {
      expect(matchesLegacy(patterns(folder, '!docs/README.md'), 'docs/README.md')).toBe(false);
      expect(matchesOrParentMatches(patterns(folder, '!docs/README.md'), 'docs/README.md')).toBe(false);
    }
  });

  it('never matches the context root, nor anything without patterns', () => {
    expect(matchesLegacy(patterns('*.go'), '.')).toBe(false);
    expect(matchesLegacy([], '/any/path/there')).toBe(false);
  });

  it('the deprecated Matches only looks at the ancestor as deep as the pattern', () => {
    // `**/build` has two elements: Matches tries `a/b` only, never `a/b/build`.
    expect(matchesLegacy(patterns('**/build'), 'a/b/build/Dockerfile')).toBe(false);
    expect(matchesOrParentMatches(patterns('**/build'), 'a/b/build/Dockerfile')).toBe(true);
  });
});

describe('walker results vs climbing the parents', () => {
  it('differ when an exception matches only a parent evaluated before it could apply', () => {
    const list = patterns('a/b', '!a');
    // Climbing: `!a` matches the parent `a`, re-including a/b.
    expect(matchesOrParentMatches(list, 'a/b')).toBe(false);
    // Walking: at `a`, `!a` had nothing to undo and was skipped, so a/b stays excluded.
    expect(walk(list, 'a/b')).toBe(true);
  });

  it('report the deciding pattern and the per-pattern results for children', () => {
    const list = patterns('node_modules', '*.md', '!README.md');
    const dir = matchesUsingParentResults(list, 'node_modules', null);
    expect(dir).toMatchObject({ matched: true, decider: 0 });
    expect([...dir.parentMatches]).toEqual([1, 0, 0]);
    expect(matchesUsingParentResults(list, 'node_modules/x.js', dir.parentMatches)).toMatchObject({
      matched: true,
      decider: 0,
    });
    expect(matchesUsingParentResults(list, 'README.md', null)).toMatchObject({ matched: false, decider: 2 });
  });
});
