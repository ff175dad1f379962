import { describe, expect, it } from 'vitest';
import { DockerfileError } from '../errors';
import { dumpDockerfile } from './dump';
import { parseDockerfile } from './parser';

const dump = (src: string) => dumpDockerfile(parseDockerfile(src));

function errorOf(src: string): DockerfileError {
  try {
    parseDockerfile(src);
  } catch (error) {
    if (error instanceof DockerfileError) return error;
    throw error;
  }
  throw new Error('expected a DockerfileError');
}

describe('parser directives', () => {
  it('reads syntax, escape and check at the top, case-insensitively', () => {
    const df = parseDockerfile('# Syntax = docker/dockerfile:1.7  \n#ESCAPE=`\n#  check=skip=all\nFROM a `\n  b\n');
    expect(df.directives.map((d) => [d.name, d.value])).toEqual([
      ['syntax', 'docker/dockerfile:1.7'],
      ['escape', '`'],
      ['check', 'skip=all'],
    ]);
    expect(df.escapeToken).toBe('`');
    expect(dumpDockerfile(df)).toBe('(from "a" "b")\n');
  });

  it('stops at the first line that is not a known directive', () => {
    for (const src of ['\n# escape=`\nFROM a', '# hello\n# escape=`\nFROM a', '# foo=bar\n# escape=`\nFROM a', 'FROM a\n# escape=`\n']) {
      const df = parseDockerfile(src);
      expect(df.escapeToken).toBe('\\');
      expect(df.directives).toEqual([]);
    }
  });

  it('rejects repeated directives and bad escape tokens with the line number', () => {
    expect(errorOf('# escape=`\n# escape=\\\nFROM a')).toMatchObject({
      code: 'directive',
      message: 'only one escape parser directive can be used',
      line: 2,
    });
    expect(errorOf('# syntax=a\n# SYNTAX=b\nFROM a').message).toBe('only one syntax parser directive can be used');
    expect(errorOf('#escape=x\nFROM a')).toMatchObject({ message: "invalid escape token 'x' does not match ` or \\", line: 1 });
    // `\s*=\s*(.+?)\s*$` keeps one blank when only blanks follow `=`.
    expect(errorOf('# escape= \nFROM a').message).toBe("invalid escape token ' ' does not match ` or \\");
  });
});

describe('comments', () => {
  it('collects comment lines (also inside continuations) but not directives', () => {
    const df = parseDockerfile('# syntax=x\n# top\nFROM a\nRUN a \\\n  # inner \\\n  b\n');
    expect(df.comments.map((c) => [c.text, c.range.start.line])).toEqual([
      ['top', 2],
      ['inner \\', 5],
    ]);
    expect(dumpDockerfile(df)).toBe('(from "a")\n(run "a   b")\n');
  });

  it('keeps BuildKit’s PrevComment list per instruction', () => {
    const df = parseDockerfile('# one\n\n# two\nFROM a\n#\n# three\nRUN x\nRUN y\n  # indented\nRUN z\n');
    expect(df.instructions.map((i) => i.comments)).toEqual([['one', 'two'], ['three'], [], ['# indented']]);
  });

  it('does not treat an inline # as a comment', () => {
    expect(dump('RUN echo a # b')).toBe('(run "echo a # b")\n');
  });
});

describe('continuations and warnings', () => {
  it('warns about empty continuation lines with BuildKit’s wording', () => {
    const df = parseDockerfile('FROM a\nRUN a \\\n\n   \n  b\n');
    expect(df.warnings).toEqual([
      {
        code: 'empty-continuation',
        message: 'Empty continuation line found in: RUN a   b',
        range: { start: { line: 3, column: 1 }, end: { line: 4, column: 4 } },
      },
    ]);
  });

  it('does not continue after an escaped escape, continues after trailing blanks', () => {
    expect(dump('ENV C a\\\\\nENV D b')).toBe('(env "C" "a\\\\\\\\" "")\n(env "D" "b" "")\n');
    expect(dump('RUN a \\ \t\nb')).toBe('(run "a b")\n');
  });

  it('ends an instruction at EOF after an escape, and starts one after a lone escape line', () => {
    expect(dump('RUN a \\')).toBe('(run "a")\n');
    expect(dump('\\\nFROM a')).toBe('(from "a")\n');
  });

  it('handles CRLF line endings', () => {
    expect(dump('FROM a\r\nRUN x \\\r\n  y\r\n')).toBe('(from "a")\n(run "x   y")\n');
  });
});

describe('nodes', () => {
  it('parses unknown instructions with BuildKit’s empty argument', () => {
    const df = parseDockerfile('FROM a\nFOO bar baz\n');
    expect(df.instructions[1]).toMatchObject({ keyword: 'foo', rawKeyword: 'FOO', args: [{ value: '' }] });
    expect(dumpDockerfile(df)).toBe('(from "a")\n(foo "")\n');
  });

  it('nests ONBUILD children', () => {
    const df = parseDockerfile('ONBUILD RUN ["echo", "hi"]\nONBUILD\nonbuild onbuild copy . /\n');
    expect(dumpDockerfile(df)).toBe('(onbuild (run "echo" "hi"))\n(onbuild)\n(onbuild (onbuild (copy "." "/")))\n');
    expect(df.instructions[0]?.child).toMatchObject({ keyword: 'run', json: true, original: 'RUN ["echo", "hi"]' });
  });

  it('keeps the raw keyword and the original logical line', () => {
    const node = parseDockerfile('  cOpY  a \\\n b').instructions[0];
    expect(node).toMatchObject({ keyword: 'copy', rawKeyword: 'cOpY', original: 'cOpY  a  b' });
  });
});

describe('errors', () => {
  it('reports instruction errors on the instruction’s first line', () => {
    expect(errorOf('FROM a\n\nENV \\\n  PATH\n')).toMatchObject({
      code: 'env-args',
      message: 'ENV must have two arguments',
      line: 3,
      range: { start: { line: 3, column: 1 }, end: { line: 4, column: 7 } },
    });
    expect(errorOf('FROM a\nCMD [1]')).toMatchObject({ code: 'json-strings-only', line: 2 });
    expect(errorOf('FROM a\nLABEL a=b c').message).toBe('Syntax error - can\'t find = in "c". Must be of the form: name=value');
  });

  it('rejects files without instructions', () => {
    for (const src of ['', '\n\n', '# only\n# comments\n', '\ufeff', '   \t\n']) {
      expect(errorOf(src)).toMatchObject({ code: 'no-instructions', message: 'file with no instructions' });
    }
  });
});
