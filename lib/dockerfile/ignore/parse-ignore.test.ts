import { describe, expect, it } from 'vitest';
import { DockerfileError } from '../errors';
import { ILLEGAL_EXCLUSION, parseIgnore } from './parse-ignore';

const summary = (text: string) =>
  parseIgnore(text).patterns.map((p) => `${p.line}:${p.exclusion ? '!' : ''}${p.pattern}`);

function parseError(text: string): DockerfileError {
  try {
    parseIgnore(text);
  } catch (error) {
    if (error instanceof DockerfileError) return error;
    throw error;
  }
  throw new Error('expected a DockerfileError');
}

describe('parseIgnore: ignorefile.ReadAll', () => {
  it('reads moby\'s ReadAll example (leading / dropped, comments and blanks skipped)', () => {
    const text = 'test1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n! /inverted/abs/path\n';
    expect(summary(text)).toEqual(['1:test1', '2:test2', '3:a/file/here', '5:lastfile', '7:!inverted/abs/path']);
  });

  it('treats only a # in the first column as a comment; an indented # is a pattern', () => {
    expect(summary('# comment\n  # not a comment\n#also\n \t#x')).toEqual(['2:# not a comment', '4:#x']);
  });

  it('trims spaces around patterns and after `!`', () => {
    expect(summary('  docs  \n\t!  docs/README.md  ')).toEqual(['1:docs', '2:!docs/README.md']);
  });

  it('cleans patterns: trailing /, ./, //, .. and a single leading / go', () => {
    expect(summary('dir/\n./a\n/b/\na//b\na/../c\n//d\n./\n/\n!/e/')).toEqual([
      '1:dir', '2:a', '3:b', '4:a/b', '5:c', '6:d', '7:.', '8:/', '9:!e',
    ]);
  });

  it('cleans the `!` line a second time, as patternmatcher.New does', () => {
    // ReadAll yields `!../../x`; Clean treats `!..` as a name and cancels it: a plain `x`.
    expect(summary('!../../x\n!../y')).toEqual(['1:x', '2:!../y']);
  });

  it('strips a UTF-8 BOM from the first line only', () => {
    expect(summary('\uFEFFnode_modules\n\uFEFFdist')).toEqual(['1:node_modules', '2:\uFEFFdist']);
    expect(summary('\uFEFF# comment after a BOM\nx')).toEqual(['2:x']);
  });

  it('reads Windows CRLF files like LF files', () => {
    const lf = 'node_modules\n# c\n*.pyc\n!keep.pyc\n';
    expect(summary(lf.replaceAll('\n', '\r\n'))).toEqual(summary(lf));
    expect(summary('a\r\nb\r\n')).toEqual(['1:a', '2:b']);
  });

  it('keeps the line as written and the compiled matcher on each pattern', () => {
    const [pattern] = parseIgnore('  !/build/  ').patterns;
    expect(pattern?.text).toBe('!/build/');
    expect(pattern?.pattern).toBe('build');
    expect(pattern?.exclusion).toBe(true);
    expect(pattern?.matcher.kind).toBe('exact');
    expect(parseIgnore('*.pyc').patterns[0]?.matcher.regexp).toBe('^[^/]*\\.pyc$');
  });

  it('returns no patterns for an empty or comment-only file', () => {
    expect(parseIgnore('').patterns).toEqual([]);
    expect(parseIgnore('\n\n# only\n   \n').patterns).toEqual([]);
  });
});

describe('parseIgnore: errors', () => {
  it('rejects a bare `!` with Docker\'s message and the line', () => {
    for (const [text, line] of [['a\n!', 2], ['!  ', 1], ['x\n\n! \t', 3], ['!/', 1]] as const) {
      const error = parseError(text);
      expect(error.code).toBe('ignore-pattern');
      expect(error.message).toBe(ILLEGAL_EXCLUSION);
      expect(error.message).toBe('illegal exclusion pattern: "!"');
      expect(error.line).toBe(line);
    }
  });

  it('rejects malformed patterns with `syntax error in pattern` and the line', () => {
    for (const [text, line] of [
      ['ok\n[', 2],
      ['a[', 1],
      ['x\\', 1],
      ['#c\n\n!docs/[', 3],
      ['[]a]', 1],
      ['[a-]', 1],
    ] as const) {
      const error = parseError(text);
      expect(error.message, text).toBe('syntax error in pattern');
      expect(error.line, text).toBe(line);
    }
  });

  it('rejects patterns whose regexp Go refuses, although filepath.Match accepted them', () => {
    // moby's own regression case: a reversed range, caught only when the regexp compiles.
    const error = parseError('node_modules\n[Local-Only]/');
    expect(error.message).toBe('syntax error in pattern');
    expect(error.line).toBe(2);
    expect(error.range).toEqual({ start: { line: 2, column: 1 }, end: { line: 2, column: 14 } });
    expect(parseError('x*[').line).toBe(1);
    expect(parseError('*.{1001}x*').message).toBe('syntax error in pattern');
  });

  it('accepts what moby accepts even though filepath.Match would refuse it whole', () => {
    // The first chunk `x` fails against ".", so Go never validates `[]a]`; Go's regexp takes it.
    expect(summary('x*[]a]')).toEqual(['1:x*[]a]']);
  });

  it('fails a line of 64 KiB or more like bufio.Scanner, before looking at patterns', () => {
    expect(() => parseIgnore('a'.repeat(65_535))).not.toThrow();
    const error = parseError('!\n' + 'a'.repeat(65_536));
    expect(error.message).toBe('bufio.Scanner: token too long');
    expect(error.line).toBe(2);
    expect(parseError('é'.repeat(32_768)).message).toBe('bufio.Scanner: token too long');
  });
});
