import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runLayerlab } from '@/lib/cli/layerlab/program';
import { createMemoryIO } from '../helpers/memory-io';

const run = async (argv: string[], files: Record<string, string | Uint8Array> = {}) => {
  const io = createMemoryIO(files);
  const code = await runLayerlab(argv, io);
  return { code, out: io.out, err: io.err };
};

describe('layerlab parse', () => {
  it('--dump prints BuildKit\'s dump and exits 0', async () => {
    const result = await run(['parse', '--dump', 'Dockerfile'], { Dockerfile: 'FROM alpine\nCOPY --chown=app a /b/\nENV A=1\n' });
    expect(result).toEqual({ code: 0, out: '(from "alpine")\n(copy ["--chown=app"] "a" "/b/")\n(env "A" "1" "=")\n', err: '' });
  });

  it('--dump exits 1 with the error on stderr for a file the parser rejects', async () => {
    const result = await run(['parse', '--dump', 'Dockerfile'], { Dockerfile: '# only a comment\n' });
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain('file with no instructions');
  });

  it('--json prints typed instructions with ranges', async () => {
    const result = await run(['parse', '--json', 'Dockerfile'], { Dockerfile: 'FROM python:3.9-slim AS app\nWORKDIR /app\nCMD ["python", "app.py"]\n' });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    expect(json.stages[0].name).toBe('app');
    expect(json.stages[0].from.image).toEqual({ value: 'python:3.9-slim', range: { start: { line: 1, column: 6 }, end: { line: 1, column: 21 } } });
    expect(json.stages[0].commands.map((c: { kind: string }) => c.kind)).toEqual(['workdir', 'cmd']);
    expect(json.stages[0].commands[1].command).toMatchObject({ form: 'exec', args: ['python', 'app.py'] });
  });

  it('--json reports instruction errors in BuildKit\'s words with a source excerpt', async () => {
    const result = await run(['parse', '--json', 'Dockerfile'], { Dockerfile: 'FROM alpine\nRUN echo hi\nFOO bar\n' });
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      [
        'Dockerfile:3',
        '--------------------',
        '   1 |     FROM alpine',
        '   2 |     RUN echo hi',
        '   3 | >>> FOO bar',
        '   4 |     ',
        '--------------------',
        'ERROR: dockerfile parse error on line 3: unknown instruction: FOO (did you mean FROM?)',
        '',
      ].join('\n'),
    );
  });

  it('says when the file cannot be read, as docker build does', async () => {
    const result = await run(['parse', '--dump', 'missing/Dockerfile']);
    expect(result).toEqual({ code: 1, out: '', err: 'ERROR: failed to read dockerfile: open missing/Dockerfile: no such file or directory\n' });
  });

  it('rejects bad usage with a hint', async () => {
    expect((await run(['parse', 'Dockerfile'])).code).toBe(1);
    expect((await run(['parse', '--dump', '--yaml', 'Dockerfile'])).err).toContain('unknown flag: --yaml');
    expect(await run(['frobnicate'])).toMatchObject({ code: 1, err: "layerlab: 'frobnicate' is not a layerlab command.\nSee 'layerlab --help'\n" });
  });
});

describe('layerlab lint', () => {
  const dockerfile = 'FROM python\nRUN pip install flask\nCOPY . .\nCMD python app.py\n';

  it('prints hadolint-style lines and exits 1 at the default threshold', async () => {
    const result = await run(['lint', 'Dockerfile'], { Dockerfile: dockerfile });
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^Dockerfile:1 DL3006 warning: /m);
    expect(result.out).toMatch(/^Dockerfile:2 DL3042 warning: /m);
    expect(result.out).toMatch(/^Dockerfile:4 DL3025 warning: /m);
  });

  it('--json prints one findings object', async () => {
    const result = await run(['lint', '--json', 'Dockerfile'], { Dockerfile: dockerfile });
    const json = JSON.parse(result.out) as { findings: { rule: string; severity: string; line: number; column: number; message: string }[] };
    expect(Object.keys(json)).toEqual(['findings']);
    expect(json.findings).toContainEqual({ rule: 'DL3006', severity: 'warning', line: 1, column: 1, message: expect.any(String) });
    for (const finding of json.findings) expect(Object.keys(finding)).toEqual(['rule', 'severity', 'line', 'column', 'message']);
  });

  it('--failure-threshold decides the exit code', async () => {
    const clean = 'FROM python:3.9-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nUSER 1000\nCMD ["python", "app.py"]\n';
    expect((await run(['lint', 'Dockerfile'], { Dockerfile: clean, '.dockerignore': '.git\n' })).code).toBe(0);
    expect((await run(['lint', '--failure-threshold', 'error', 'Dockerfile'], { Dockerfile: dockerfile })).code).toBe(0);
    expect((await run(['lint', '--failure-threshold=warning', 'Dockerfile'], { Dockerfile: dockerfile })).code).toBe(1);
    expect((await run(['lint', '--failure-threshold', 'loud', 'Dockerfile'], { Dockerfile: dockerfile })).code).toBe(1);
  });

  it('turns a parse error into one error finding', async () => {
    const result = await run(['lint', '--json', 'Dockerfile'], { Dockerfile: 'FROM alpine\nFOO bar\n' });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out)).toEqual({
      findings: [{ rule: 'DL1000', severity: 'error', line: 2, column: 1, message: 'dockerfile parse error on line 2: unknown instruction: FOO (did you mean FROM?)' }],
    });
  });
});

describe('npm run -s layerlab (the real Node entry)', () => {
  const exec = promisify(execFile);
  const cli = (args: string[]) =>
    exec('npm', ['run', '-s', 'layerlab', '--', ...args], { cwd: process.cwd() }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('parses and lints real files with the documented exit codes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'layerlab-cli-'));
    await writeFile(join(dir, 'Dockerfile'), 'FROM alpine:3.19\nRUN apk add --no-cache curl\n');
    await writeFile(join(dir, 'Broken'), 'FROM alpine\nCOPY onlyone\n');
    const dump = await cli(['parse', '--dump', join(dir, 'Dockerfile')]);
    expect(dump).toMatchObject({ code: 0, stdout: '(from "alpine:3.19")\n(run "apk add --no-cache curl")\n' });
    const broken = await cli(['parse', '--json', join(dir, 'Broken')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('COPY requires at least two arguments');
    const lint = await cli(['lint', '--json', join(dir, 'Dockerfile')]);
    expect(JSON.parse(lint.stdout).findings.map((f: { rule: string }) => f.rule)).toContain('DL3018');
  }, 60_000);
});
