import { describe, expect, it } from 'vitest';
import { DockerfileError, type Heredoc } from '@/lib/dockerfile';
import { dumpDockerfile, parseDockerfile } from '@/lib/dockerfile/parse';

/**
 * Heredocs (Dockerfile 1.4+), following BuildKit's parser.go rules (`heredocsFromLine`,
 * `ParseHeredoc`, body reading in `Parse`). Upstream keeps these cases in Go only
 * (parser_heredoc_test.go), so these are our own, written from the same rules.
 * Difference on purpose: for `<<-` we store the body with leading tabs already stripped
 * (ast.ts `Heredoc.chomp`), which BuildKit does later in `ChompHeredocContent`.
 */

type Doc = Pick<Heredoc, 'name' | 'content' | 'expand' | 'chomp' | 'fileDescriptor'>;

function heredocs(src: string, index = 1): Doc[] {
  const node = parseDockerfile(src).instructions[index];
  return (node?.heredocs ?? []).map(({ name, content, expand, chomp, fileDescriptor }) => ({ name, content, expand, chomp, fileDescriptor }));
}

const doc = (name: string, content: string, extra: Partial<Doc> = {}): Doc => ({
  name,
  content,
  expand: true,
  chomp: false,
  fileDescriptor: 0,
  ...extra,
});

describe('heredocs', () => {
  it('reads a RUN <<EOF body and dumps only the instruction line', () => {
    const src = 'FROM alpine\nRUN <<EOF\napk add curl\n# not a comment here\nEOF\nUSER app\n';
    expect(heredocs(src)).toEqual([doc('EOF', 'apk add curl\n# not a comment here\n')]);
    expect(dumpDockerfile(parseDockerfile(src))).toBe('(from "alpine")\n(run "<<EOF")\n(user "app")\n');
  });

  it('strips leading tabs from body and terminator with <<-', () => {
    const src = 'FROM a\nRUN <<-EOT\n\techo one\n\t\techo two\n  echo three\n\tEOT\n';
    expect(heredocs(src)).toEqual([doc('EOT', 'echo one\necho two\n  echo three\n', { chomp: true })]);
  });

  it('needs the exact terminator without <<-', () => {
    const src = 'FROM a\nRUN <<EOT\n\tEOT\nEOT \nEOT\n';
    expect(heredocs(src)).toEqual([doc('EOT', '\tEOT\nEOT \n')]);
  });

  it('does not expand when any part of the delimiter is quoted', () => {
    const src = 'FROM a\nRUN <<"A" <<\'B\' <<C"D" <<E\n$x\nA\n$y\nB\n$z\nCD\n$w\nE\n';
    expect(heredocs(src)).toEqual([
      doc('A', '$x\n', { expand: false }),
      doc('B', '$y\n', { expand: false }),
      doc('CD', '$z\n', { expand: false }),
      doc('E', '$w\n'),
    ]);
  });

  it('reads several heredocs in order, each until its own terminator', () => {
    const src = 'FROM a\nCOPY <<X <<Y /dest/\nY\nX\nX\nY\n';
    expect(heredocs(src)).toEqual([doc('X', 'Y\n'), doc('Y', 'X\n')]);
    expect(dumpDockerfile(parseDockerfile(src))).toBe('(from "a")\n(copy "<<X" "<<Y" "/dest/")\n');
  });

  it('supports COPY <<EOF /dest and file descriptors', () => {
    expect(heredocs('FROM a\nCOPY <<EOF /etc/motd\nhello\nEOF\n')).toEqual([doc('EOF', 'hello\n')]);
    expect(heredocs('FROM a\nRUN 3<<EOF cat /dev/fd/3\nx\nEOF\n')).toEqual([doc('EOF', 'x\n', { fileDescriptor: 3 })]);
  });

  it('accepts blanks between << and the delimiter, and an empty body', () => {
    expect(heredocs('FROM a\nRUN <<  EOF  > /out\nEOF\n')).toEqual([doc('EOF', '')]);
  });

  it('starts the body after the last continuation line', () => {
    const src = 'FROM a\nRUN --mount=type=cache,target=/root/.cache \\\n    python3 <<PY\nprint("hi")\nPY\nCMD ["x"]\n';
    const df = parseDockerfile(src);
    expect(heredocs(src)).toEqual([doc('PY', 'print("hi")\n')]);
    expect(df.instructions[1]?.range).toEqual({ start: { line: 2, column: 1 }, end: { line: 5, column: 3 } });
    expect(df.instructions[1]?.heredocs[0]?.range).toEqual({ start: { line: 4, column: 1 }, end: { line: 5, column: 3 } });
    expect(df.instructions[2]?.keyword).toBe('cmd');
  });

  it('keeps CRLF body lines as they are and matches a CRLF terminator', () => {
    expect(heredocs('FROM a\r\nRUN <<EOF\r\nx\r\nEOF\r\n')).toEqual([doc('EOF', 'x\r\n')]);
  });

  it('attaches ONBUILD RUN heredocs to the ONBUILD node', () => {
    const src = 'FROM a\nONBUILD RUN <<EOF\necho later\nEOF\n';
    expect(heredocs(src)).toEqual([doc('EOF', 'echo later\n')]);
    expect(dumpDockerfile(parseDockerfile(src))).toBe('(from "a")\n(onbuild (run "<<EOF"))\n');
  });

  it('ignores << in the JSON form, in quotes, and for other instructions', () => {
    const src = 'FROM a\nRUN ["cat", "<<EOF"]\nRUN echo "<<EOF"\nUSER <<EOF\nEOF\n';
    const df = parseDockerfile(src);
    expect(df.instructions.map((n) => n.heredocs.length)).toEqual([0, 0, 0, 0, 0]);
    // The would-be terminator is an instruction of its own.
    expect(dumpDockerfile(df)).toBe('(from "a")\n(run "cat" "<<EOF")\n(run "echo \\"<<EOF\\"")\n(user "<<EOF")\n(eof "")\n');
  });

  it('reports an unterminated heredoc with the instruction’s line', () => {
    let caught: unknown;
    try {
      parseDockerfile('FROM a\n\nRUN <<EOF\necho never closed\nEOFX\n');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DockerfileError);
    expect(caught).toMatchObject({
      code: 'heredoc',
      line: 3,
      message: 'unterminated heredoc: no line "EOF" closes the heredoc opened on line 3',
      range: { start: { line: 3, column: 1 }, end: { line: 5, column: 5 } },
    });
  });

  it('finds no heredoc when the line does not lex (an unbalanced quote), like BuildKit', () => {
    const df = parseDockerfile('FROM a\nRUN <<"EOF\nEOF\n');
    expect(df.instructions[1]?.heredocs).toEqual([]);
    expect(dumpDockerfile(df)).toBe('(from "a")\n(run "<<\\"EOF")\n(eof "")\n');
  });
});
