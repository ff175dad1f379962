import { describe, expect, it } from 'vitest';
import { goGlobMatch } from './go-glob';

// The behaviour of Go's path/filepath Match tests (match_test.go), as our own table.
// [pattern, name, expected]: true/false, or 'bad-pattern' for ErrBadPattern.
const MATCH_TABLE: [string, string, boolean | 'bad-pattern'][] = [
  ['abc', 'abc', true],
  ['*', 'abc', true],
  ['*c', 'abc', true],
  ['a*', 'a', true],
  ['a*', 'abc', true],
  ['a*', 'ab/c', false],
  ['a*/b', 'abc/b', true],
  ['a*/b', 'a/c/b', false],
  ['a*b*c*d*e*/f', 'axbxcxdxe/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false],
  ['a*b?c*x', 'abxbbxdbxebxczzx', true],
  ['a*b?c*x', 'abxbbxdbxebxczzy', false],
  ['ab[c]', 'abc', true],
  ['ab[b-d]', 'abc', true],
  ['ab[e-g]', 'abc', false],
  ['ab[^c]', 'abc', false],
  ['ab[^b-d]', 'abc', false],
  ['ab[^e-g]', 'abc', true],
  ['a\\*b', 'a*b', true],
  ['a\\*b', 'ab', false],
  ['a?b', 'a☺b', true],
  ['a[^a]b', 'a☺b', true],
  ['a???b', 'a☺b', false],
  ['a[^a][^a][^a]b', 'a☺b', false],
  ['[a-ζ]*', 'α', true],
  ['*[a-ζ]', 'A', false],
  ['a?b', 'a/b', false],
  ['a*b', 'a/b', false],
  ['[\\]a]', ']', true],
  ['[\\-]', '-', true],
  ['[x\\-]', 'x', true],
  ['[x\\-]', '-', true],
  ['[x\\-]', 'z', false],
  ['[\\-x]', 'x', true],
  ['[\\-x]', '-', true],
  ['[\\-x]', 'a', false],
  ['[]a]', ']', 'bad-pattern'],
  ['[-]', '-', 'bad-pattern'],
  ['[x-]', 'x', 'bad-pattern'],
  ['[x-]', '-', 'bad-pattern'],
  ['[x-]', 'z', 'bad-pattern'],
  ['[-x]', 'x', 'bad-pattern'],
  ['[-x]', '-', 'bad-pattern'],
  ['[-x]', 'a', 'bad-pattern'],
  ['\\', 'a', 'bad-pattern'],
  ['[a-b-c]', 'a', 'bad-pattern'],
  ['[', 'a', 'bad-pattern'],
  ['[^', 'a', 'bad-pattern'],
  ['[^bc', 'a', 'bad-pattern'],
  ['a[', 'a', 'bad-pattern'],
  ['a[', 'ab', 'bad-pattern'],
  ['a[', 'x', 'bad-pattern'],
  ['a/b[', 'a/b', 'bad-pattern'],
  ['*x', 'xxx', true],
  // `!` does not negate a class in Go: `[!a]` is the set {!, a}.
  ['[!a]', '!', true],
  ['[!a]', 'b', false],
  // Reversed ranges are accepted (and match nothing).
  ['[z-a]', 'm', false],
];

describe('goGlobMatch (Go filepath.Match)', () => {
  it.each(MATCH_TABLE)('Match(%j, %j) = %j', (pattern, name, expected) => {
    expect(goGlobMatch(pattern, name)).toBe(expected);
  });
});

describe('the validation moby relies on: filepath.Match(pattern, ".")', () => {
  it('reports a malformed chunk wherever it is reached', () => {
    for (const bad of ['[', 'a[', '[^', '\\', 'a\\', '*\\', '[]', '[-]', '[a-]', '.[', '?[', '[.]x[']) {
      expect(goGlobMatch(bad, '.'), bad).toBe('bad-pattern');
    }
  });

  it('stops at the first chunk that cannot match ".", leaving the rest unchecked', () => {
    // The second chunk is never parsed: moby's New accepts these.
    for (const accepted of ['x*[', 'x*\\', 'ab*[z', 'x*[]a]', '[.]x*[']) {
      expect(goGlobMatch(accepted, '.'), accepted).toBe(false);
    }
  });

  it('checks the whole chunk even after a mismatch', () => {
    expect(goGlobMatch('x[', '.')).toBe('bad-pattern');
    expect(goGlobMatch('xy[a-', '.')).toBe('bad-pattern');
  });

  it('accepts well-formed patterns', () => {
    for (const ok of ['*', '**', '*.pyc', 'node_modules', '[a-z]*', '[^/]', 'a\\*b', '**/x', '[Local-Only]']) {
      expect(goGlobMatch(ok, '.'), ok).not.toBe('bad-pattern');
    }
  });
});
