import { describe, expect, it } from 'vitest';
import { goClean, goDir } from './go-path';

describe('goClean (Go path/filepath.Clean on Linux)', () => {
  // Go's own Clean test table, the cases that apply to a `/` separator.
  it.each([
    ['', '.'],
    ['abc', 'abc'],
    ['abc/def', 'abc/def'],
    ['a/b/c', 'a/b/c'],
    ['.', '.'],
    ['..', '..'],
    ['../..', '../..'],
    ['../../abc', '../../abc'],
    ['/abc', '/abc'],
    ['/', '/'],
    ['abc/', 'abc'],
    ['abc/def/', 'abc/def'],
    ['/abc/', '/abc'],
    ['./', '.'],
    ['abc//def//ghi', 'abc/def/ghi'],
    ['//abc', '/abc'],
    ['///abc', '/abc'],
    ['abc//', 'abc'],
    ['abc/./def', 'abc/def'],
    ['/./abc/def', '/abc/def'],
    ['abc/.', 'abc'],
    ['abc/def/ghi/../jkl', 'abc/def/jkl'],
    ['abc/def/../ghi/../jkl', 'abc/jkl'],
    ['abc/def/..', 'abc'],
    ['abc/def/../..', '.'],
    ['/abc/def/../..', '/'],
    ['abc/def/../../..', '..'],
    ['/abc/def/../../..', '/'],
    ['abc/def/../../../ghi/jkl/../../../mno', '../../mno'],
    ['/../abc', '/abc'],
    ['abc/./../def', 'def'],
    ['abc//./../def', 'def'],
    ['abc/../../././../def', '../../def'],
    // `!..` is a name, not `..`: moby's second Clean of `!../../x` yields `x`.
    ['!../../x', 'x'],
    ['!../x', '!../x'],
    ['...', '...'],
    ['a\\b', 'a\\b'],
  ])('Clean(%j) = %j', (input, expected) => {
    expect(goClean(input)).toBe(expected);
  });
});

describe('goDir', () => {
  it.each([
    ['a/b/c', 'a/b'],
    ['a', '.'],
    ['/a', '/'],
    ['..', '.'],
  ])('Dir(%j) = %j', (input, expected) => expect(goDir(input)).toBe(expected));
});
