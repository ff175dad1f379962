import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runLayerlab } from '@/lib/cli/layerlab/program';
import { createNodeCliIO } from '@/lib/cli/node-cli-io';
import { craftTar, untar } from '@/lib/engine/archive/test-images';

/**
 * `layerlab load` of an archive whose layer GNU tar wrote (real mtimes, user names, its own
 * entry order and header format): it loads, a build on top of it works, and save → load in
 * another state directory keeps every diffID and the layer's bytes.
 */
const exec = promisify(execFile);
const hasGnuTar = await exec('tar', ['--version']).then(
  ({ stdout }) => stdout.includes('GNU tar'),
  () => false,
);
if (!hasGnuTar) console.warn('foreign archive test skipped: GNU tar is not installed');

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const io = createNodeCliIO({ stdout: (t) => void (out += t), stderr: (t) => void (err += t), env: {} });
  const code = await runLayerlab(argv, io);
  return { code, out, err };
}

const sha256 = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** A legacy `docker save` archive around one layer tar. */
function archiveAround(layer: Uint8Array, tag: string): { archive: Uint8Array; diffId: string } {
  const diffId = sha256(layer);
  const config = new TextEncoder().encode(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      created: '2023-11-14T22:13:20Z',
      config: { Cmd: ['/bin/sh'] },
      rootfs: { type: 'layers', diff_ids: [diffId] },
      history: [{ created: '2023-11-14T22:13:20Z', created_by: '/bin/sh -c #(nop) ADD file:gnu in / ' }],
    }),
  );
  const id = sha256(config).slice(7);
  const manifest = JSON.stringify([{ Config: `${id}.json`, RepoTags: [tag], Layers: [`${diffId.slice(7)}/layer.tar`] }]);
  return { archive: craftTar([{ name: `${diffId.slice(7)}/layer.tar`, data: layer }, { name: `${id}.json`, data: config }, { name: 'manifest.json', data: manifest }]), diffId };
}

describe.skipIf(!hasGnuTar)('layerlab load of a GNU tar layer', () => {
  it('loads, builds on top, and round-trips byte-identical diffIDs through save and load', async () => {
    const work = await mkdtemp(join(tmpdir(), 'layerlab-foreign-'));
    const root = join(work, 'root');
    const tree: Record<string, string> = { 'etc/os-release': 'ID=gnu\n', 'app/run.sh': '#!/bin/sh\necho hi\n', 'app/zz/deep.txt': 'deep\n' };
    for (const [path, text] of Object.entries(tree)) {
      await mkdir(join(root, path, '..'), { recursive: true });
      await writeFile(join(root, path), text);
    }
    const layerPath = join(work, 'layer.tar');
    await exec('tar', ['--format=gnu', '--owner=root', '--group=root', '-cf', layerPath, '-C', root, 'etc', 'app']);
    const layer = new Uint8Array(await readFile(layerPath));
    const { archive, diffId } = archiveAround(layer, 'gnu:1');
    await writeFile(join(work, 'in.tar'), archive);

    const state = join(work, 'state');
    expect(await run(['--state', state, 'load', '-i', join(work, 'in.tar')])).toEqual({ code: 0, out: 'Loaded image: gnu:1\n', err: '' });
    const ctx = join(work, 'ctx');
    await mkdir(ctx);
    await writeFile(join(ctx, 'Dockerfile'), 'FROM gnu:1\nCOPY extra.txt /app/extra.txt\nCOPY extra.txt /etc/extra.txt\n');
    await writeFile(join(ctx, 'extra.txt'), 'extra\n');
    const built = await run(['--state', state, 'build', '-q', '-t', 'on-gnu:1', ctx]);
    expect(built).toMatchObject({ code: 0, err: '' });
    const [info] = JSON.parse((await run(['--state', state, 'inspect', 'on-gnu:1'])).out);
    expect(info.RootFS.Layers[0]).toBe(diffId);
    expect(info.RootFS.Layers).toHaveLength(3);

    const saved = join(work, 'saved.tar');
    expect(await run(['--state', state, 'save', '-o', saved, 'gnu:1', 'on-gnu:1'])).toEqual({ code: 0, out: '', err: '' });
    const files = untar(new Uint8Array(await readFile(saved)));
    expect(files.get(`blobs/sha256/${diffId.slice(7)}`)).toEqual(layer);

    const other = join(work, 'other');
    expect((await run(['--state', other, 'load', '-i', saved])).code).toBe(0);
    const [again] = JSON.parse((await run(['--state', other, 'inspect', 'on-gnu:1'])).out);
    expect(again.RootFS.Layers).toEqual(info.RootFS.Layers);
    expect(again.Id).toBe(info.Id);
    const resaved = join(work, 'resaved.tar');
    expect((await run(['--state', other, 'save', '-o', resaved, 'gnu:1', 'on-gnu:1'])).code).toBe(0);
    expect(new Uint8Array(await readFile(resaved))).toEqual(new Uint8Array(await readFile(saved)));
    await rm(work, { recursive: true, force: true });
  }, 60_000);
});
