import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runLayerlab } from '@/lib/cli/layerlab/program';
import { createNodeCliIO } from '@/lib/cli/node-cli-io';

/**
 * The image commands end to end over a real state directory (the directory store), through the
 * same IO the `layerlab` binary uses: build → images → inspect → save → load elsewhere.
 */
async function run(argv: string[], env: Record<string, string> = {}, cwd?: string) {
  let out = '';
  let err = '';
  const io = createNodeCliIO({ stdout: (t) => void (out += t), stderr: (t) => void (err += t), env, ...(cwd ? { cwd } : {}) });
  const code = await runLayerlab(argv, io);
  return { code, out, err };
}

async function context(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'layerlab-ctx-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

const DOCKERFILE = 'FROM scratch\nCOPY app/ /app/\nENV A=1\nCMD ["/app/run.sh"]\n';

describe('layerlab build/save/load/inspect/images', () => {
  it('ends the log with simulated and real time, and the previous build of the repository', async () => {
    const ctx = await context({ Dockerfile: 'FROM alpine:3.19\nCOPY app/ /app/\n', 'app/run.sh': 'echo hi\n' });
    const state = await mkdtemp(join(tmpdir(), 'layerlab-state-'));
    const first = await run(['--state', state, 'build', '-t', 'timing:1', ctx]);
    expect(first.err).toMatch(/\nBuild time: \d+(\.\d)?s simulated \(\d+\.\d\ds real\)\n$/);
    const second = await run(['--state', state, 'build', '-t', 'timing:2', ctx]);
    // The alpine pull (≈3 MB at 20 MB/s) is not repeated: the rebuild is cached and cheaper.
    expect(second.err).toMatch(/; previous build of timing: \d+\.\ds → now 0\.\ds\n$/);
  });

  it('uses the legacy builder and its output with DOCKER_BUILDKIT=0', async () => {
    const ctx = await context({ Dockerfile: DOCKERFILE, 'app/run.sh': 'echo hi\n' });
    const state = await mkdtemp(join(tmpdir(), 'layerlab-state-'));
    const classic = await run(['--state', state, 'build', '-t', 'app:classic', ctx], { DOCKER_BUILDKIT: '0' });
    expect(classic.code).toBe(0);
    expect(classic.out).toMatch(/^DEPRECATED: The legacy builder is deprecated/);
    expect(classic.out).toContain('Step 2/4 : COPY app/ /app/\n');
    expect(classic.out).toMatch(/Successfully built [0-9a-f]{12}\nSuccessfully tagged app:classic\n$/);
    const again = await run(['--state', state, 'build', '-t', 'app:classic', ctx], { DOCKER_BUILDKIT: '0' });
    expect(again.out).toContain('Step 2/4 : COPY app/ /app/\n ---> Using cache\n');
    const failing = await context({ Dockerfile: 'FROM alpine:3.19\nRUN exit 3\n' });
    expect(await run(['--state', state, 'build', failing], { DOCKER_BUILDKIT: '0' })).toMatchObject({
      code: 1,
      err: "The command '/bin/sh -c exit 3' returned a non-zero code: 3\n",
    });
  });

  it('builds, lists, inspects, saves and loads into another state directory', async () => {
    const ctx = await context({ Dockerfile: DOCKERFILE, 'app/run.sh': '#!/bin/sh\necho hi\n', 'app/notes.txt': 'n', '.dockerignore': 'app/notes.txt\n' });
    await chmod(join(ctx, 'app/run.sh'), 0o755);
    await symlink('run.sh', join(ctx, 'app/start'));
    const state = await mkdtemp(join(tmpdir(), 'layerlab-state-'));
    const built = await run(['--state', state, 'build', '-q', '-t', 'app:1', '-t', 'app:latest', ctx]);
    expect(built).toMatchObject({ code: 0, err: '' });
    const id = built.out.trim();
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);

    const images = await run(['images', '--state', state]);
    // The build records wall-clock time, so the image was created moments ago.
    expect(images.out).toMatch(new RegExp(`\\napp {10}1 {9}${id.slice(7, 19)} {3}(Less than a second|\\d+ seconds) ago {3}`));

    const inspect = await run(['inspect', 'app:1', '--state', state]);
    const [info] = JSON.parse(inspect.out);
    expect(info).toMatchObject({ Id: id, RepoTags: ['app:1', 'app:latest'], Config: { Env: expect.arrayContaining(['A=1']), Cmd: ['/app/run.sh'] } });
    expect(inspect.out.startsWith('[\n    {\n        "Id"')).toBe(true);

    const archive = join(state, 'app.tar');
    expect(await run(['save', '-o', archive, 'app', '--state', state])).toEqual({ code: 0, out: '', err: '' });
    const other = await mkdtemp(join(tmpdir(), 'layerlab-state-'));
    expect(await run(['load', '-i', archive], { LAYERLAB_STATE: other })).toEqual({ code: 0, out: 'Loaded image: app:1\nLoaded image: app:latest\n', err: '' });
    const again = await run(['inspect', id], { LAYERLAB_STATE: other });
    expect(JSON.parse(again.out)[0].RootFS).toEqual(info.RootFS);
    // .dockerignore kept notes.txt out of the image: the layer has run.sh and the link only.
    expect((await readFile(archive)).includes(Buffer.from('app/notes.txt'))).toBe(false);
  });

  it('--json prints the build contract', async () => {
    const ctx = await context({ Dockerfile: DOCKERFILE, 'app/run.sh': 'x' });
    const state = await mkdtemp(join(tmpdir(), 'layerlab-state-'));
    const result = await run(['build', '--json', '-t', 'j:1', '--state', state, ctx]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['imageId', 'tags', 'size', 'steps', 'layers', 'stages', 'simulatedSeconds']));
    expect(json.steps[0]).toEqual({ instruction: 'COPY app/ /app/', stage: expect.any(String), cached: false, simulatedSeconds: expect.any(Number) });
    expect(json.layers[0]).toMatchObject({ createdBy: expect.any(String), size: 1, diffId: expect.stringMatching(/^sha256:/) });
    expect(json.stages[0]).toMatchObject({ built: true });
    const cached = JSON.parse((await run(['build', '--json', '--state', state, ctx])).out);
    expect(cached.steps[0].cached).toBe(true);
    expect(cached.imageId).toBe(json.imageId);
  });

  it('prints the plain BuildKit log on stderr, and Dockerfile errors with a snippet', async () => {
    const ctx = await context({ Dockerfile: 'FROM scratch\nCOPY missing.txt /x\n' });
    const state = await mkdtemp(join(tmpdir(), 'layerlab-state-'));
    const result = await run(['build', '--progress', 'plain', '--state', state, ctx]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('#1 [internal] load build definition from Dockerfile');
    expect(result.err).toContain('Dockerfile:2\n--------------------\n');
    expect(result.err).toContain('>>> COPY missing.txt /x');
    expect(result.err.trimEnd().split('\n').at(-1)).toMatch(/^ERROR: failed to build: failed to solve: .*missing\.txt.*not found/);
  });

  it('reports missing images and refused archives as the daemon does, changing nothing', async () => {
    const state = await mkdtemp(join(tmpdir(), 'layerlab-state-'));
    const archive = join(state, 'x.tar');
    expect(await run(['save', '-o', archive, 'nope', '--state', state])).toEqual({ code: 1, out: '', err: 'Error response from daemon: No such image: nope\n' });
    await expect(readFile(archive)).rejects.toThrow();
    await writeFile(archive, new Uint8Array(1024));
    expect(await run(['load', '-i', archive, '--state', state])).toEqual({ code: 1, out: '', err: 'Error response from daemon: invalid archive: does not contain a manifest.json\n' });
    expect((await run(['images', '-q', '--state', state])).out).toBe('');
    const missing = await run(['inspect', 'ghost', '--state', state]);
    expect(missing).toEqual({ code: 1, out: '[]\n', err: 'Error response from daemon: No such image: ghost:latest\n' });
  });

  it('defaults the state directory to .layerlab in the working directory', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'layerlab-cwd-'));
    const ctx = await context({ Dockerfile: DOCKERFILE, 'app/run.sh': 'x' });
    expect((await run(['build', '-q', '-t', 'here:1', ctx], {}, cwd)).code).toBe(0);
    expect((await run(['images'], {}, cwd)).out).toContain('here ');
  });

  it('runs for real through npm run -s layerlab', async () => {
    const ctx = await context({ Dockerfile: DOCKERFILE, 'app/run.sh': 'x' });
    const state = await mkdtemp(join(tmpdir(), 'layerlab-state-'));
    const exec = promisify(execFile);
    const { stdout } = await exec('npm', ['run', '-s', 'layerlab', '--', '--state', state, 'build', '-q', '-t', 'real:1', ctx], { cwd: process.cwd() });
    expect(stdout.trim()).toMatch(/^sha256:[0-9a-f]{64}$/);
    const images = await exec('npm', ['run', '-s', 'layerlab', '--', 'images'], { env: { ...process.env, LAYERLAB_STATE: state } });
    expect(images.stdout).toContain(`real         1         ${stdout.trim().slice(7, 19)}`);
  }, 60_000);
});
