import { describe, expect, it } from 'vitest';
import type { Range } from '../ast';
import { parseDockerfile } from './parser';

/** [line, column, endLine, endColumn], 1-based, end exclusive. */
type Span = [number, number, number, number];
const span = (r: Range): Span => [r.start.line, r.start.column, r.end.line, r.end.column];

function at<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('expected a value');
  return value;
}

/** The source text a range covers, for readable assertions. */
function textOf(source: string, r: Range): string {
  const lines = source.split('\n');
  if (r.start.line === r.end.line) return (lines[r.start.line - 1] ?? '').slice(r.start.column - 1, r.end.column - 1);
  const parts = [(lines[r.start.line - 1] ?? '').slice(r.start.column - 1)];
  for (let l = r.start.line + 1; l < r.end.line; l++) parts.push(lines[l - 1] ?? '');
  parts.push((lines[r.end.line - 1] ?? '').slice(0, r.end.column - 1));
  return parts.join('\n');
}

describe('source ranges', () => {
  it('locates keyword, flags and arguments on one line', () => {
    const src = 'FROM alpine\n  COPY --chown=app:app  src  /dst\n';
    const copy = parseDockerfile(src).instructions[1];
    expect(copy).toBeDefined();
    if (!copy) return;
    expect(span(copy.keywordRange)).toEqual([2, 3, 2, 7]);
    expect(copy.flags.map((f) => [f.name, f.value, span(f.range)])).toEqual([['chown', 'app:app', [2, 8, 2, 23]]]);
    expect(copy.args.map((a) => [a.value, span(a.range)])).toEqual([
      ['src', [2, 25, 2, 28]],
      ['/dst', [2, 30, 2, 34]],
    ]);
    expect(span(copy.range)).toEqual([2, 3, 2, 34]);
  });

  it('maps words across continuation lines', () => {
    const src = 'FROM a\nRUN --mount=x \\\n    apt-get install \\\n  curl\nENV A=1 \\\n  B=two\n';
    const df = parseDockerfile(src);
    const [, run, env] = df.instructions;
    expect(run?.original).toBe('RUN --mount=x     apt-get install   curl');
    expect(span(at(run?.flags[0]).range)).toEqual([2, 5, 2, 14]);
    // One shell-form argument spanning three physical lines.
    expect(span(at(run?.args[0]).range)).toEqual([3, 5, 4, 7]);
    expect(span(at(run).range)).toEqual([2, 1, 4, 7]);
    expect(env?.args.map((a) => [a.value, span(a.range)])).toEqual([
      ['A', [5, 5, 5, 6]],
      ['1', [5, 7, 5, 8]],
      ['=', [5, 6, 5, 7]],
      ['B', [6, 3, 6, 4]],
      ['two', [6, 5, 6, 8]],
      ['=', [6, 4, 6, 5]],
    ]);
  });

  it('maps a word split by a continuation onto both lines', () => {
    const src = 'FROM a\nCOPY sr\\\nc /dst\n';
    const copy = parseDockerfile(src).instructions[1];
    expect(copy?.args.map((a) => [a.value, span(a.range)])).toEqual([
      ['src', [2, 6, 3, 2]],
      ['/dst', [3, 3, 3, 7]],
    ]);
  });

  it('points JSON elements at their string literals', () => {
    const src = 'CMD [ "a b",\\\n  "c" ]';
    const cmd = parseDockerfile(src).instructions[0];
    expect(cmd?.json).toBe(true);
    expect(cmd?.args.map((a) => textOf(src, a.range))).toEqual(['"a b"', '"c"']);
  });

  it('counts columns in UTF-16 units after CRLF and a BOM', () => {
    const src = '\ufeffFROM 😀img\r\nLABEL k=v\r\n';
    const df = parseDockerfile(src);
    expect(df.source.startsWith('FROM')).toBe(true);
    const [from, label] = df.instructions;
    expect(span(at(from).keywordRange)).toEqual([1, 1, 1, 5]);
    expect(span(at(from?.args[0]).range)).toEqual([1, 6, 1, 11]);
    expect(span(at(label).range)).toEqual([2, 1, 2, 10]);
    expect(label?.args.map((a) => textOf(df.source.replace(/\r/g, ''), a.range))).toEqual(['k', 'v', '=']);
  });

  it('ranges ONBUILD children and legacy ENV separators', () => {
    const src = 'FROM a\nONBUILD  RUN --x=1 make\nENV K  v v\n';
    const df = parseDockerfile(src);
    const onbuild = df.instructions[1];
    expect(span(at(onbuild?.child).keywordRange)).toEqual([2, 10, 2, 13]);
    expect(span(at(onbuild?.child?.flags[0]).range)).toEqual([2, 14, 2, 19]);
    expect(onbuild?.child?.original).toBe('RUN --x=1 make');
    const env = df.instructions[2];
    expect(env?.args.map((a) => [a.value, span(a.range)])).toEqual([
      ['K', [3, 5, 3, 6]],
      ['v v', [3, 8, 3, 11]],
      ['', [3, 6, 3, 6]],
    ]);
  });

  it('covers heredoc bodies and directives, comments and warnings', () => {
    const src = '# syntax=docker/dockerfile:1\nFROM a\n  # note\nRUN <<EOF\necho hi\nEOF\nRUN x \\\n\n  y\n';
    const df = parseDockerfile(src);
    expect(df.directives.map((d) => [d.name, d.value, span(d.range)])).toEqual([['syntax', 'docker/dockerfile:1', [1, 1, 1, 29]]]);
    expect(df.comments.map((c) => [c.text, span(c.range)])).toEqual([['note', [3, 3, 3, 9]]]);
    const run = df.instructions[1];
    expect(span(at(run).range)).toEqual([4, 1, 6, 4]);
    expect(span(at(run?.heredocs[0]).range)).toEqual([5, 1, 6, 4]);
    expect(df.warnings.map((w) => span(w.range))).toEqual([[8, 1, 8, 1]]);
  });
});
