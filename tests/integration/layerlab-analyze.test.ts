import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runLayerlab } from '@/lib/cli/layerlab/program';
import { createNodeCliIO } from '@/lib/cli/node-cli-io';
import type { ImageAnalysis } from '@/lib/engine';
import { EXAMPLES_DIR } from '../helpers/examples';

/**
 * `layerlab analyze` over images built from the material's examples (content/examples) in a real
 * state directory: the "bad" Dockerfiles carry the waste the material warns about, the "good"
 * ones do not, and --ci judges them with dive's rules.
 */
async function run(argv: string[]) {
  let out = '';
  let err = '';
  const io = createNodeCliIO({ stdout: (t) => void (out += t), stderr: (t) => void (err += t), env: {} });
  const code = await runLayerlab(['--state', state, ...argv], io);
  return { code, out, err };
}

let state = '';
const analysisOf = async (image: string): Promise<ImageAnalysis> => {
  const result = await run(['analyze', '--json', image]);
  expect(result).toMatchObject({ code: 0, err: '' });
  return JSON.parse(result.out) as ImageAnalysis;
};
const caches = (a: ImageAnalysis) => a.efficiency.cacheLeftBehind.map((c) => c.id);
const instructionOfLayer = (a: ImageAnalysis, layer: number) => a.stack.entries.find((e) => e.layer === layer)?.instruction;

beforeAll(async () => {
  state = await mkdtemp(join(tmpdir(), 'layerlab-analyze-'));
  for (const example of ['minimize-layers-bad', 'minimize-layers-good', 'interview-2-before', 'interview-2-after']) {
    const built = await run(['build', '-q', '-t', example, join(EXAMPLES_DIR, example)]);
    expect(built.code, built.err).toBe(0);
  }
  const cleanup = await mkdtemp(join(tmpdir(), 'layerlab-ctx-'));
  await mkdir(cleanup, { recursive: true });
  await writeFile(join(cleanup, 'Dockerfile'), 'FROM ubuntu:20.04\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*\n');
  expect((await run(['build', '-q', '-t', 'late-cleanup', cleanup])).code).toBe(0);
}, 120_000);

describe('layerlab analyze: the material examples', () => {
  it('minimize-layers-bad keeps the apt lists of its RUN apt-get update; -good removes them in the same RUN', async () => {
    const bad = await analysisOf('minimize-layers-bad');
    const lists = bad.efficiency.cacheLeftBehind.find((c) => c.id === 'apt-lists');
    expect(lists?.dir).toBe('/var/lib/apt/lists');
    expect(lists?.bytes).toBeGreaterThan(1e6);
    expect(lists?.writtenBy.map((w) => instructionOfLayer(bad, w.layer))).toEqual(['RUN apt-get update']);
    // Each RUN apt-get install rewrites dpkg's status file: the earlier copies are wasted.
    expect(bad.efficiency.wasted.find((w) => w.path === '/var/lib/dpkg/status')?.reason).toMatchObject({ kind: 'overwritten', finalLayer: 4 });
    expect(bad.stack.bases.map((b) => b.name)).toEqual(['ubuntu:20.04']);
    expect(bad.stack.entries.filter((e) => e.base === null).map((e) => e.instruction)).toEqual([
      'RUN apt-get update',
      'RUN apt-get install -y curl',
      'RUN apt-get install -y wget',
      'RUN apt-get install -y vim',
    ]);

    const good = await analysisOf('minimize-layers-good');
    expect(caches(good)).not.toContain('apt-lists');
    expect(good.stack.entries.filter((e) => e.base === null)).toHaveLength(1);
    expect(good.efficiency.wastedBytes).toBeLessThan(bad.efficiency.wastedBytes);
  });

  it('interview question 2: the before image ships apt lists and the pip cache, the multi-stage after image neither', async () => {
    const before = await analysisOf('interview-2-before');
    expect(caches(before)).toEqual(expect.arrayContaining(['apt-lists', 'pip-cache']));
    expect(before.efficiency.cacheLeftBehind.find((c) => c.id === 'pip-cache')?.writtenBy.map((w) => instructionOfLayer(before, w.layer))).toEqual([
      'RUN pip3 install -r requirements.txt',
    ]);
    const after = await analysisOf('interview-2-after');
    expect(caches(after)).toEqual([]);
    expect(after.stack.bases.map((b) => b.name)).toEqual(['python:3.9-alpine']);
    expect(after.image.size).toBeLessThan(before.image.size / 5);
  });

  it('a cleanup in a later RUN does not shrink the image: the deleted files are wasted, named with the layer that deleted them', async () => {
    const a = await analysisOf('late-cleanup');
    const deleted = a.efficiency.wasted.filter((w) => w.reason.kind === 'deleted');
    expect(deleted.length).toBeGreaterThan(0);
    for (const w of deleted) {
      expect(w).toMatchObject({ cache: 'apt-lists', finalBytes: 0 });
      expect(w.path.startsWith('/var/lib/apt/lists/')).toBe(true);
      expect(instructionOfLayer(a, (w.reason as { deletedIn: number }).deletedIn)).toBe('RUN rm -rf /var/lib/apt/lists/*');
    }
    expect(a.efficiency.cacheLeftBehind).toEqual([]);
    expect(a.efficiency.efficiency).toBeLessThan(0.9);
    expect(a.efficiency.userWastedPercent).toBe(1);

    const text = await run(['analyze', 'late-cleanup']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/\/var\/lib\/apt\/lists\/\S+ {2}\(added in layer 2, deleted in layer 3: RUN rm -rf \/var\/lib\/apt\/lists\/\*, a cache\)/);
  });
});

describe('layerlab analyze: output and CI mode', () => {
  it("--ci prints dive's report and exits 1 when a rule fails", async () => {
    const failing = await run(['analyze', '--ci', 'late-cleanup']);
    expect(failing.code).toBe(1);
    expect(failing.out).toMatch(/^Analysis:\n {2}efficiency: {8}\d+\.\d\d %\n/);
    expect(failing.out).toContain('  FAIL  lowestEfficiency (image efficiency is too low (efficiency=0.');
    expect(failing.out).toContain('  FAIL  highestUserWastedPercent (too many bytes wasted, relative to the user bytes added (%-user-wasted-bytes=1.00 > threshold=0.1))');
    expect(failing.out).toMatch(/\n\nFAIL \[fail:2 skip:1\]\n$/);

    const passing = await run(['analyze', '--ci', 'interview-2-after']);
    expect(passing.code).toBe(0);
    expect(passing.out).toMatch(/\n\nPASS \[pass:2 skip:1\]\n$/);
    const strict = await run(['analyze', '--ci', '--highestWastedBytes', '1kB', 'interview-2-after']);
    expect(strict.code).toBe(1);
    expect(strict.out).toMatch(/ {2}FAIL {2}highestWastedBytes \(too many bytes wasted \(wasted-bytes=\d+ > threshold=1000\)\)/);

    const config = join(state, '.dive-ci');
    await writeFile(config, 'rules:\n  lowestEfficiency: 0.5\n  highestUserWastedPercent: disabled\n');
    const lenient = await run(['analyze', '--ci', '--ci-config', config, 'late-cleanup']);
    expect(lenient.out).toContain('  SKIP  highestUserWastedPercent (disabled)');
  });

  it('prints the layer table, the wasted paths with their reasons and the caches left behind', async () => {
    const { code, out } = await run(['analyze', 'minimize-layers-bad']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Image: minimize-layers-bad:latest \([0-9a-f]{12}\)\n\nLayers \(base first\):\n/);
    expect(out).toContain('  ── from ubuntu:20.04 (72.8MB) ──\n');
    expect(out).toMatch(/\n {4}2 {4}19\.9MB {2}[0-9a-f]{12} {2}RUN apt-get update\n/);
    expect(out).toContain('Image efficiency score: ');
    expect(out).toMatch(/\/var\/lib\/dpkg\/status {2}\(written in layer 1, 3, 4, overwritten in layer 5: RUN apt-get install -y vim\)/);
    expect(out).toMatch(/ {2}19\.9MB {2}\/var\/lib\/apt\/lists {2}apt package lists, written by layer 2 \(RUN apt-get update\)\n {12}fix: /);
  });

  it('--layer N lists what that layer changed as a tree, or as JSON rows', async () => {
    const tree = await run(['analyze', 'minimize-layers-bad', '--layer', '2']);
    expect(tree.code).toBe(0);
    expect(tree.out.split('\n').slice(0, 2)).toEqual(['Layer 2 of 5: RUN apt-get update', expect.stringMatching(/^ {2}size 19\.9MB, diff ID sha256:[0-9a-f]{64}$/)]);
    expect(tree.out).toContain('   drwxr-xr-x        0:0     19.9MB  └── var\n');
    expect(tree.out).toMatch(/\n\+ {2}-rw-r--r-- {8}0:0 +[\d.]+MB {18}├── \S+_Packages\S*\n/);

    const json = JSON.parse((await run(['analyze', 'minimize-layers-bad', '--layer', '2', '--json'])).out);
    expect(json.image).toMatchObject({ tags: ['minimize-layers-bad:latest'] });
    expect(json.layer).toMatchObject({ instruction: 'RUN apt-get update', layer: 1 });
    expect(json.files[0]).toMatchObject({ path: '/var', depth: 0, change: 'unmodified' });
    expect(json.files.filter((f: { change: string }) => f.change === 'added').length).toBeGreaterThan(0);

    expect(await run(['analyze', 'minimize-layers-bad', '--layer', '9'])).toEqual({ code: 1, out: '', err: 'layerlab analyze: no layer 9: minimize-layers-bad has 5 layers (numbered from 1)\n' });
    expect(await run(['analyze', 'ghost'])).toEqual({ code: 1, out: '', err: 'Error response from daemon: No such image: ghost:latest\n' });
    expect((await run(['analyze'])).err).toBe('"layerlab analyze" requires exactly 1 argument.\nSee \'layerlab analyze --help\'.\n');
  });
});
