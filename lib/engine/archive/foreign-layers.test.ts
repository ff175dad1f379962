import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { packTar, type TarEntry } from 'modern-tar';
import { describe, expect, it } from 'vitest';
import { sha256Of, type Digest } from '@/lib/util';
import { emptyConfig, encodeImageConfig, withCreated, withHistory } from '../image';
import { diffIdOf } from '../layer';
import { collectGarbage, createMemoryStore, openDirectoryStore, openIndexedDbStore, type Store } from '../store';
import { createMemoryDirectoryIo } from '../store/directory-io';
import { loadImages } from './load-images';
import { saveImages } from './save-images';
import { collect, craftTar, file, putImage, rootfsOf, sha256, untar } from './test-images';

/**
 * Layers another tool wrote (GNU/ustar headers with mtimes and user names, entries out of our
 * order) load as blob-backed layers: the change set drives builds, the original tar is what
 * `save` writes, so diffIDs survive save → load unchanged in every store.
 */

const when = new Date('2023-11-14T22:13:20Z');
const owner = { uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: when };

/** A layer as GNU tar or Docker would write it: real mtimes, user names, a file before its directory. */
function foreignLayer(): Promise<Uint8Array> {
  const entries: TarEntry[] = [
    { header: { name: 'app/hello.txt', type: 'file', size: 6, mode: 0o644, ...owner }, body: 'hello\n' },
    { header: { name: 'app/', type: 'directory', size: 0, mode: 0o755, ...owner } },
    { header: { name: 'etc/os-release', type: 'file', size: 11, mode: 0o644, ...owner }, body: 'ID=foreign\n' },
    { header: { name: 'etc/', type: 'directory', size: 0, mode: 0o755, ...owner } },
  ];
  return packTar(entries);
}

/** A `docker save` archive in the legacy layout (`<id>.json`, `<hex>/layer.tar`) around `layer`. */
async function foreignArchive(layer: Uint8Array, tag = 'foreign:1'): Promise<{ archive: Uint8Array; diffId: Digest; id: Digest }> {
  const diffId = await sha256Of(layer, sha256);
  const config = withHistory(withCreated(emptyConfig({ os: 'linux', architecture: 'amd64' }), '2023-11-14T22:13:20Z'), { created: '2023-11-14T22:13:20Z', created_by: '/bin/sh -c #(nop) ADD file:x in / ' }, diffId);
  const { bytes, id } = await encodeImageConfig(config, sha256);
  const hex = (d: Digest) => d.slice(7);
  const manifest = JSON.stringify([{ Config: `${hex(id)}.json`, RepoTags: [tag], Layers: [`${hex(diffId)}/layer.tar`] }]);
  const archive = craftTar([
    { name: `${hex(diffId)}/layer.tar`, data: layer },
    { name: `${hex(id)}.json`, data: bytes },
    { name: 'manifest.json', data: manifest },
  ]);
  return { archive, diffId, id };
}

const stores: [string, () => Promise<Store>][] = [
  ['memory', async () => createMemoryStore()],
  ['IndexedDB', async () => openIndexedDbStore({ indexedDB: new IDBFactory(), workspace: 'foreign' })],
  ['directory', async () => openDirectoryStore(createMemoryDirectoryIo(), '/state')],
];

describe.each(stores)('foreign layers in the %s store', (_, open) => {
  it('loads a layer our writer would not reproduce, keeping its original tar as a blob', async () => {
    const layer = await foreignLayer();
    const { archive, diffId, id } = await foreignArchive(layer);
    // The point of the test: re-encoding the parsed layer gives another digest.
    const store = await open();
    const result = await loadImages(store, [archive], { sha256 });
    expect(result.lines).toEqual(['Loaded image: foreign:1']);
    const record = await store.get('layers', diffId);
    expect(record?.tarBlob).toEqual({ size: layer.length });
    expect(await diffIdOf(record!.recipe, sha256)).not.toBe(diffId);
    expect(await store.get('blobs', diffId)).toEqual(layer);
    const tree = await rootfsOf(store, id);
    expect(tree.children.map((c) => c.name)).toEqual(['app', 'etc']);
    await store.close();
  });

  it('saves the original bytes, so save → load → save round-trips diffIDs and bytes', async () => {
    const layer = await foreignLayer();
    const { archive, diffId, id } = await foreignArchive(layer);
    const first = await open();
    await loadImages(first, [archive], { sha256 });
    const saved = await collect(await saveImages(first, ['foreign:1'], { sha256 }));
    const files = untar(saved);
    expect(files.get(`blobs/sha256/${diffId.slice(7)}`)).toEqual(layer);
    const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')));
    expect(manifest[0].LayerSources[diffId].size).toBe(layer.length);

    const second = createMemoryStore();
    await loadImages(second, [saved], { sha256 });
    expect((await second.get('images', id))?.diffIds).toEqual([diffId]);
    expect((await second.get('layers', diffId))?.tarBlob).toEqual({ size: layer.length });
    expect(await collect(await saveImages(second, ['foreign:1'], { sha256 }))).toEqual(saved);
    await first.close();
  });

  it('keeps the blob while the layer is referenced, and collects both together', async () => {
    const { archive, diffId, id } = await foreignArchive(await foreignLayer());
    const store = await open();
    await loadImages(store, [archive], { sha256 });
    await putImage(store, [[file('other', 'x')]], ['other:1']);
    expect((await collectGarbage(store)).blobs).toEqual([]);
    expect(await store.read((tx) => tx.has('blobs', diffId))).toBe(true);
    await store.write(async (tx) => {
      await tx.delete('refs', 'docker.io/library/foreign:1');
      await tx.delete('images', id);
    });
    const report = await collectGarbage(store);
    expect(report.layers).toEqual([diffId]);
    expect(report.blobs).toContain(diffId);
    expect(await store.read((tx) => tx.has('blobs', diffId))).toBe(false);
    await store.close();
  });
});

describe('foreign layers', () => {
  it('stores a layer our writer reproduces as a recipe only', async () => {
    const store = createMemoryStore();
    await putImage(store, [[file('a', 'a')]], ['ours:1']);
    const saved = await collect(await saveImages(store, ['ours:1'], { sha256 }));
    const other = createMemoryStore();
    await loadImages(other, [saved], { sha256 });
    const layers = await other.list('layers');
    expect(layers).toHaveLength(1);
    const [diffId, record] = layers[0] ?? ['', undefined];
    expect(record?.tarBlob).toBeUndefined();
    expect(await other.read((tx) => tx.has('blobs', diffId))).toBe(false);
  });

  it('accepts reordered entries as well as foreign headers', async () => {
    // Our own header bytes, but a file before its directory: only the order differs.
    const layer = craftTar([
      { name: 'z/file', data: 'z' },
      { name: 'z/', typeflag: '5', mode: 0o755 },
      { name: 'a', data: 'a' },
    ]);
    const { archive, diffId } = await foreignArchive(layer);
    const store = createMemoryStore();
    await loadImages(store, [archive], { sha256 });
    expect((await store.get('layers', diffId))?.tarBlob).toEqual({ size: layer.length });
    expect(untar(await collect(await saveImages(store, ['foreign:1'], { sha256 }))).get(`blobs/sha256/${diffId.slice(7)}`)).toEqual(layer);
  });

  it('refuses a foreign layer larger than it may keep, changing nothing', async () => {
    const { archive } = await foreignArchive(await foreignLayer());
    const store = createMemoryStore();
    await expect(loadImages(store, [archive], { sha256, limits: { maxOriginalLayerBytes: 512 } })).rejects.toThrow(/cannot rewrite byte for byte is kept as it is, up to 512 bytes/);
    expect(await store.read((tx) => tx.keys('layers'))).toEqual([]);
  });
});
