/**
 * `layerlab grade` (issue 7, "Grading CLI") through the Node IO, as `npm run -s layerlab -- grade`
 * runs it: quiz answers from --answer / --answer-file, labs from a workspace and the state
 * directory `layerlab sh` worked in; exit 0 passed, 1 not passed, 2 usage or content errors.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createNodeCliIO } from '@/lib/cli/node-cli-io';
import { runLayerlab } from '@/lib/cli/layerlab/program';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function layerlab(argv: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = createNodeCliIO({ stdout: (t) => (out += t), stderr: (t) => (err += t), cwd, env: {} });
  const code = await runLayerlab(argv, io);
  return { code, out, err };
}

describe('layerlab grade: quiz answers', () => {
  it('prints a short report and exits 0 when passed, 1 when not', async () => {
    expect(await layerlab(['grade', '3.1/fill-1', '--answer', 'Layers'])).toEqual({ code: 0, out: expect.stringMatching(/^3\.1\/fill-1: 1\/1 passed\n/), err: '' });
    const wrong = await layerlab(['grade', '3.1/mc-2', '--answer', 'B']);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/^3\.1\/mc-2: 0\/1 not passed\n/);
  });

  it('--json prints the issue\'s shape; open answers add the concepts found and missing', async () => {
    const choice = await layerlab(['grade', '3.1/mc-2', '--answer', 'C', '--json']);
    expect(choice.code).toBe(0);
    expect(JSON.parse(choice.out)).toEqual({ id: '3.1/mc-2', score: 1, max: 1, passed: true, feedback: expect.any(Array) });
    const dir = await mkdtemp(join(tmpdir(), 'layerlab-grade-'));
    const file = join(dir, 'answer.txt');
    await writeFile(file, 'docker save writes an image with all its layers, tags and history to a tar, and docker load restores it.\n');
    const open = await layerlab(['grade', '3.1/interview-3', '--answer-file', file, '--json']);
    // An answer on save/load only: the export half of the rubric is missing.
    expect(JSON.parse(open.out)).toMatchObject({
      id: '3.1/interview-3',
      passed: false,
      score: 4,
      concepts: { found: ['save-image', 'save-keeps'], missing: ['export-container', 'flatten', 'import-config', 'use-cases'] },
    });
    expect(open.code).toBe(1);
  });

  it('an unknown id exits 2 with a did-you-mean; a wrong kind of answer is a usage error', async () => {
    const unknown = await layerlab(['grade', '3.1/fil-1', '--answer', 'layers']);
    expect(unknown).toEqual({ code: 2, out: '', err: 'layerlab: unknown exercise "3.1/fil-1"\n\nDid you mean this?\n\t3.1/fill-1\n' });
    const lab = await layerlab(['grade', '3.1/lab-prune', '--answer', 'x']);
    expect(lab.code).toBe(2);
    expect(lab.err).toBe("3.1/lab-prune is a lab: give --workspace DIR (and --state DIR where `layerlab sh` ran)\nSee 'layerlab grade --help'.\n");
    expect((await layerlab(['grade', '3.1/fill-1'])).code).toBe(2);
    expect((await layerlab(['grade', '3.1/fill-1', '--answer', 'a', '--answer-file', 'b'])).err).toContain('--answer and --answer-file cannot be used together');
    expect((await layerlab(['grade', '3.1/fill-1', '--answer-file', '/nonexistent/answer'])).err).toBe('layerlab: open /nonexistent/answer: no such file or directory\n');
    const help = await layerlab(['grade', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Exit status: 0 passed, 1 graded but not passed, 2 usage error');
  });
});

describe('layerlab grade: labs from a workspace and a state directory', () => {
  it('grades what `layerlab sh` left: not passed before the push, passed after it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'layerlab-grade-lab-'));
    const state = join(dir, 'state');
    const sh = (command: string) => layerlab(['sh', '--state', state, '--workdir', dir, '-c', command]);
    // The lab's setup, as the browser would run it.
    expect((await sh(`printf 'FROM alpine:3.19\\nRUN echo hello > /hello\\nCMD ["cat", "/hello"]\\n' | docker build -q -t myapp:1.0 -`)).code).toBe(0);
    await sh('docker tag myapp:1.0 registry.company.com/myapp:1.0');
    const before = await layerlab(['grade', '3.1/lab-push-private', '--workspace', dir, '--state', state]);
    expect(before.code).toBe(1);
    expect(before.out).toMatch(/^3\.1\/lab-push-private: 1\/3 not passed\n✓ tagged: /);
    expect(before.out).toContain('✗ pushed: registry.company.com does not have myapp:1.0 (the same image) yet.');

    expect((await sh('echo s3cret | docker login registry.company.com -u student --password-stdin && docker push registry.company.com/myapp:1.0')).code).toBe(0);
    const after = await layerlab(['grade', '3.1/lab-push-private', '--workspace', dir, '--state', state, '--json']);
    expect(after.code).toBe(0);
    const json = JSON.parse(after.out) as { passed: boolean; score: number; max: number; gradable: boolean; checks: { id: string; status: string }[] };
    expect(json).toMatchObject({ passed: true, score: 3, max: 3, gradable: true });
    expect(json.checks.map((c) => `${c.id}:${c.status}`)).toEqual(['tagged:pass', 'pushed:pass', 'login:pass']);
  }, 60_000);
});
