import { describe, expect, it } from 'vitest';
import { DockerfileError } from '../errors';
import { dumpDockerfile } from './dump';
import { MAX_ONBUILD_DEPTH } from './instruction-node';
import { parseDockerfile } from './parser';

function errorOf(src: string): DockerfileError {
  try {
    parseDockerfile(src);
  } catch (error) {
    if (error instanceof DockerfileError) return error;
    throw error;
  }
  throw new Error('expected a DockerfileError');
}

describe('maximum line length (bufio.Scanner, 65535 bytes)', () => {
  const run = (bytes: number) => `RUN ${'x'.repeat(bytes - 4)}`;

  it('accepts a 65535-byte line and rejects a 65536-byte one with its line number', () => {
    expect(parseDockerfile(`FROM a\n${run(65535)}\n`).instructions).toHaveLength(2);
    expect(errorOf(`FROM a\n${run(65536)}\n`)).toMatchObject({
      code: 'line-too-long',
      message: 'dockerfile line greater than max allowed size of 65535',
      line: 2,
    });
  });

  it('counts UTF-8 bytes, a CR, and a BOM on line 1', () => {
    const euro = `RUN ${'€'.repeat(21843)}`; // 4 + 3 * 21843 = 65533 bytes
    expect(() => parseDockerfile(`FROM a\n${euro}xy\n`)).not.toThrow();
    expect(errorOf(`FROM a\n${euro}xy\r\n`).code).toBe('line-too-long');
    // Line 1 too long: nothing was parsed, so BuildKit's first error is "no instructions".
    expect(() => parseDockerfile(`\ufeff${run(65532)}\n`)).not.toThrow();
    expect(errorOf(`\ufeff${run(65533)}\n`).code).toBe('no-instructions');
  });

  it('reports a file whose first line is too long as having no instructions, like BuildKit', () => {
    expect(errorOf(`${run(70000)}\nFROM a\n`).code).toBe('no-instructions');
  });
});

describe('hostile input', () => {
  it('parses NUL and control characters without trouble', () => {
    const df = parseDockerfile('FROM a\u0000b\nRUN \u0000\u0007\u007f\n');
    expect(dumpDockerfile(df)).toBe('(from "a\\x00b")\n(run "\\x00\\a\\x7f")\n');
  });

  it('treats U+FFFD (invalid UTF-8 after decoding) and lone surrogates alike', () => {
    const bytes = new Uint8Array([0x52, 0x55, 0x4e, 0x20, 0xff, 0xfe, 0x0a]);
    const decoded = new TextDecoder().decode(bytes);
    expect(dumpDockerfile(parseDockerfile(decoded))).toBe('(run "��")\n');
    const df = parseDockerfile('RUN a\ud800b');
    expect(df.source).toBe('RUN a\ufffdb');
    expect(dumpDockerfile(df)).toBe('(run "a�b")\n');
  });

  it('survives unterminated quotes everywhere', () => {
    expect(dumpDockerfile(parseDockerfile('ENV a="b\nCOPY --x="y a b\nARG \'x\nRUN ["a\n'))).toBe(
      '(env "a" "\\"b" "=")\n(copy ["--x=y a b"])\n(arg "\'x")\n(run "[\\"a")\n',
    );
  });

  it('parses ONBUILD nested 100 deep without recursion and caps absurd chains', () => {
    const deep = `${'ONBUILD '.repeat(100)}RUN x\n`;
    let node = parseDockerfile(deep).instructions[0];
    let depth = 0;
    while (node?.child) {
      node = node.child;
      depth++;
    }
    expect(depth).toBe(100);
    expect(node?.keyword).toBe('run');
    expect(dumpDockerfile(parseDockerfile(deep))).toBe(`${'(onbuild '.repeat(100)}(run "x")${')'.repeat(100)}\n`);
    expect(errorOf(`${'ONBUILD '.repeat(MAX_ONBUILD_DEPTH + 1)}RUN x`)).toMatchObject({
      code: 'instruction',
      message: "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
      line: 1,
    });
  });

  it('handles a 10 MB file', () => {
    const line = `RUN echo ${'x'.repeat(90)}\n`;
    const src = line.repeat(Math.ceil(10_000_000 / line.length));
    const df = parseDockerfile(src);
    expect(df.instructions.length).toBe(Math.ceil(10_000_000 / line.length));
  });

  it('handles 10 MB of comment lines above one instruction', () => {
    const src = `${'# a comment line\n'.repeat(600_000)}FROM a\n`;
    const df = parseDockerfile(src);
    expect(df.comments).toHaveLength(600_000);
    expect(df.instructions[0]?.comments).toHaveLength(600_000);
  });

  it('handles a 10 MB instruction made of continuation lines', () => {
    const src = `RUN a \\\n${'  more words here \\\n'.repeat(500_000)}  end\n`;
    expect(src.length).toBeGreaterThan(10_000_000);
    const run = parseDockerfile(src).instructions[0];
    expect(run?.args[0]?.range.end).toEqual({ line: 500_002, column: 6 });
  });

  it('stays linear on inputs that would make a backtracking regexp explode', () => {
    const spaces = ' '.repeat(30_000);
    const started = performance.now();
    parseDockerfile(`FROM a\nRUN <<${spaces}<\n`);
    parseDockerfile(`# escape=${spaces}\\${spaces}\nFROM a`);
    parseDockerfile(`CMD [${'"a",'.repeat(16_000)}\n`);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('parses a 1,000-line Dockerfile in well under 10 ms', () => {
    const lines = ['FROM python:3.12-slim AS base'];
    for (let i = 0; i < 1000; i++) {
      const kind = i % 5;
      if (kind === 0) lines.push(`RUN apt-get install -y pkg${i} \\`, '    && rm -rf /var/lib/apt/lists/*');
      else if (kind === 1) lines.push(`COPY --chown=app:app src${i} /app/src${i}`);
      else if (kind === 2) lines.push(`ENV KEY${i}="value ${i}" OTHER=x`);
      else if (kind === 3) lines.push(`CMD ["python", "app${i}.py"]`);
      else lines.push(`# comment ${i}`);
    }
    const src = `${lines.join('\n')}\n`;
    for (let i = 0; i < 20; i++) parseDockerfile(src);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const started = performance.now();
      parseDockerfile(src);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    expect(times[7]).toBeLessThan(10);
  });
});
