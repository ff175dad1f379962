import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { createMemoryStore } from '../store';
import { loadImages } from './load-images';
import { saveImages } from './save-images';
import { big, collect, dir, file, putImage, rootfsOf, sha256, untar } from './test-images';

// vitest's deep equality walks typed arrays element by element: far too slow for megabytes.
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const decode = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

async function fixture() {
  const store = createMemoryStore();
  const base = [dir('app'), file('app/run.sh', '#!/bin/sh\necho hi\n', 0o755), file('app/data.txt', 'data', 0o600, 1000), { kind: 'symlink' as const, path: 'app/link', mode: 0o777, uid: 0, gid: 0, target: '/app/run.sh' }];
  const top = [dir('app'), { kind: 'whiteout' as const, path: 'app/data.txt' }, big('app/blob.bin', 3_000_000, 'seed-1')];
  const app = await putImage(store, [base, top], ['app:latest', 'app:v1'], { Env: ['A=1'], Cmd: ['/app/run.sh'] });
  const other = await putImage(store, [base], ['other:1']);
  return { store, app, other };
}

describe('saveImages', () => {
  it('writes the Engine ≥ 25 layout with manifest.json, index annotations and repositories', async () => {
    const { store, app } = await fixture();
    const files = untar(await collect(await saveImages(store, ['app'], { sha256 })));
    const names = [...files.keys()];
    expect(names.slice(0, 2)).toEqual(['blobs/', 'blobs/sha256/']);
    expect(names.slice(-4)).toEqual(['index.json', 'manifest.json', 'oci-layout', 'repositories']);
    expect(decode(files.get('oci-layout'))).toBe('{"imageLayoutVersion":"1.0.0"}');
    const manifest = JSON.parse(decode(files.get('manifest.json')));
    expect(manifest).toHaveLength(1);
    expect(manifest[0].Config).toBe(`blobs/sha256/${app.slice(7)}`);
    expect(manifest[0].RepoTags).toEqual(['app:latest', 'app:v1']);
    expect(manifest[0].Layers).toHaveLength(2);
    for (const layer of manifest[0].Layers) expect(files.has(layer)).toBe(true);
    const source = manifest[0].LayerSources[`sha256:${manifest[0].Layers[0].slice(13)}`];
    expect(source).toMatchObject({ mediaType: 'application/vnd.oci.image.layer.v1.tar', size: files.get(manifest[0].Layers[0])?.length });
    const index = JSON.parse(decode(files.get('index.json')));
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(index.manifests.map((m: { annotations: object }) => m.annotations)).toEqual([
      { 'io.containerd.image.name': 'docker.io/library/app:latest', 'org.opencontainers.image.ref.name': 'latest' },
      { 'io.containerd.image.name': 'docker.io/library/app:v1', 'org.opencontainers.image.ref.name': 'v1' },
    ]);
    const ociManifest = JSON.parse(decode(files.get(`blobs/sha256/${index.manifests[0].digest.slice(7)}`)));
    expect(ociManifest.config.digest).toBe(app);
    expect(Object.keys(JSON.parse(decode(files.get('repositories'))))).toEqual(['app']);
  });

  it('is deterministic: the same images give the same bytes', async () => {
    const a = await fixture();
    const b = await fixture();
    const first = await collect(await saveImages(a.store, ['app', 'other:1'], { sha256 }));
    const second = await collect(await saveImages(b.store, ['app', 'other:1'], { sha256 }));
    expect(sameBytes(first, second)).toBe(true);
  });

  it('saves one tag for repo:tag, and no tags for an ID or ID prefix', async () => {
    const { store, app } = await fixture();
    const tagged = untar(await collect(await saveImages(store, ['app:v1'], { sha256 })));
    expect(JSON.parse(decode(tagged.get('manifest.json')))[0].RepoTags).toEqual(['app:v1']);
    for (const name of [app, app.slice(7, 19)]) {
      const files = untar(await collect(await saveImages(store, [name], { sha256 })));
      expect(decode(files.get('manifest.json'))).toContain('"RepoTags":null');
      expect(JSON.parse(decode(files.get('index.json'))).manifests[0].annotations).toBeUndefined();
      expect(files.has('repositories')).toBe(false);
    }
  });

  it('names a missing repository or tag as Docker does', async () => {
    const { store } = await fixture();
    await expect(saveImages(store, ['nope'], { sha256 })).rejects.toThrow('No such image: nope');
    await expect(saveImages(store, ['app:nope'], { sha256 })).rejects.toThrow('reference does not exist');
  });

  it('streams a large layer in bounded chunks', async () => {
    const store = createMemoryStore();
    await putImage(store, [[big('huge.bin', 64 * 1024 * 1024, 'huge')]], ['huge:1']);
    let largest = 0;
    let total = 0;
    for await (const chunk of await saveImages(store, ['huge:1'], { sha256 })) {
      largest = Math.max(largest, chunk.length);
      total += chunk.length;
    }
    expect(largest).toBeLessThanOrEqual(1 << 20);
    expect(total).toBeGreaterThan(64 * 1024 * 1024);
  });
});

describe('loadImages', () => {
  it('round-trips into a fresh store: same IDs, tags and file trees', async () => {
    const { store, app, other } = await fixture();
    const archive = await collect(await saveImages(store, ['app', 'other'], { sha256 }));
    const fresh = createMemoryStore();
    const result = await loadImages(fresh, [archive], { sha256 });
    expect(result.lines).toEqual(['Loaded image: app:latest', 'Loaded image: app:v1', 'Loaded image: other:1']);
    expect(result.images.map((i) => i.id)).toEqual([app, other]);
    expect(await fresh.get('refs', 'docker.io/library/app:v1')).toEqual({ imageId: app });
    expect(await rootfsOf(fresh, app)).toEqual(await rootfsOf(store, app));
    expect(await fresh.get('images', app)).toEqual(await store.get('images', app));
    // Synthetic content comes back synthetic (cheap), not as 3 MB of bytes.
    const top = (await fresh.get('images', app))?.diffIds[1] ?? '';
    const entry = (await fresh.get('layers', top))?.recipe.entries.find((e) => e.path === 'app/blob.bin');
    expect(entry?.kind === 'file' && entry.content.kind).toBe('synthetic');
    // And saving again from the loaded store gives the very same archive.
    expect(sameBytes(await collect(await saveImages(fresh, ['app', 'other'], { sha256 })), archive)).toBe(true);
  });

  it('prints Loaded image ID for an image saved by ID', async () => {
    const { store, app } = await fixture();
    const archive = await collect(await saveImages(store, [app], { sha256 }));
    expect((await loadImages(createMemoryStore(), [archive], { sha256 })).lines).toEqual([`Loaded image ID: ${app}`]);
  });

  it('says when a tag moves to the loaded image', async () => {
    const { store, app } = await fixture();
    const archive = await collect(await saveImages(store, ['app:latest'], { sha256 }));
    const target = createMemoryStore();
    const old = await putImage(target, [[file('x', 'old')]], ['app:latest']);
    const result = await loadImages(target, [archive], { sha256 });
    expect(result.lines).toEqual([`The image app:latest already exists, renaming the old one with ID ${old} to empty string`, 'Loaded image: app:latest']);
    expect(await target.get('refs', 'docker.io/library/app:latest')).toEqual({ imageId: app });
  });

  it('reads the legacy layout (<id>/layer.tar, <id>/json, VERSION, <cfg>.json)', async () => {
    const { store, app } = await fixture();
    const files = untar(await collect(await saveImages(store, ['app:latest'], { sha256 })));
    const manifest = JSON.parse(decode(files.get('manifest.json')))[0];
    const { craftTar } = await import('./test-images');
    const legacy: { name: string; data?: Uint8Array | string; typeflag?: '0' | '2' | '5'; linkname?: string }[] = [];
    const layers = manifest.Layers.map((path: string, i: number) => {
      const v1 = `${String(i).repeat(64)}`;
      legacy.push({ name: `${v1}/`, typeflag: '5' }, { name: `${v1}/VERSION`, data: '1.0' }, { name: `${v1}/json`, data: '{}' }, { name: `${v1}/layer.tar`, data: files.get(path) });
      return `${v1}/layer.tar`;
    });
    // Docker writes an identical layer once and symlinks the others to it.
    legacy.push({ name: '9'.repeat(64) + '/layer.tar', typeflag: '2', linkname: `../${'1'.repeat(64)}/layer.tar` });
    legacy.push({ name: `${app.slice(7)}.json`, data: files.get(manifest.Config) });
    legacy.push({ name: 'manifest.json', data: JSON.stringify([{ Config: `${app.slice(7)}.json`, RepoTags: ['legacy:1'], Layers: [layers[0], `${'9'.repeat(64)}/layer.tar`] }]) });
    legacy.push({ name: 'repositories', data: '{}' });
    const target = createMemoryStore();
    const result = await loadImages(target, [craftTar(legacy)], { sha256 });
    expect(result.lines).toEqual(['Loaded image: legacy:1']);
    expect(await rootfsOf(target, app)).toEqual(await rootfsOf(store, app));
  });

  it('fails with an EngineError, never a plain one', async () => {
    await expect(loadImages(createMemoryStore(), [new Uint8Array(10)], { sha256 })).rejects.toBeInstanceOf(EngineError);
  });
});
