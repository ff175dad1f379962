import { describe, expect, it } from 'vitest';
import { createMemoryStore, type Store } from '../store';
import { loadImages } from './load-images';
import { saveImages } from './save-images';
import { collect, craftTar, type CraftEntry, dir, file, putImage, sha256, untar } from './test-images';

/**
 * Every refusal of `docker load`: each case starts from a valid archive, breaks one thing, and
 * checks both the error text and that the target store did not change at all.
 */
async function savedFiles(names = ['app']) {
  const store = createMemoryStore();
  await putImage(store, [[dir('etc'), file('etc/a', 'a')], [file('b', 'b')]], ['app:latest']);
  await putImage(store, [[file('c', 'c')]], ['zzz:1']);
  return untar(await collect(await saveImages(store, names, { sha256 })));
}

const rebuild = (files: Map<string, Uint8Array>, extra: CraftEntry[] = []) =>
  craftTar([...[...files].filter(([name]) => !name.endsWith('/')).map(([name, data]) => ({ name, data })), ...extra]);

const manifestOf = (files: Map<string, Uint8Array>) => JSON.parse(new TextDecoder().decode(files.get('manifest.json')));

async function snapshot(store: Store) {
  const kinds = ['blobs', 'layers', 'images', 'refs'] as const;
  return Promise.all(kinds.map((k) => store.read((tx) => tx.keys(k))));
}

async function expectRefusal(archive: Uint8Array, message: string | RegExp) {
  const store = createMemoryStore();
  await putImage(store, [[file('keep', 'me')]], ['app:latest']);
  const before = await snapshot(store);
  await expect(loadImages(store, [archive], { sha256, limits: { maxDocumentBytes: 1 << 20, maxEntryBytes: 1 << 20 } })).rejects.toThrow(message);
  expect(await snapshot(store)).toEqual(before);
}

describe('loadImages refuses', () => {
  it('an archive without manifest.json', async () => {
    const files = await savedFiles();
    files.delete('manifest.json');
    await expectRefusal(rebuild(files), 'invalid archive: does not contain a manifest.json');
  });

  it('a null manifest', async () => {
    const files = await savedFiles();
    files.set('manifest.json', new TextEncoder().encode('null'));
    await expectRefusal(rebuild(files), 'invalid manifest, manifest cannot be null (but can be [])');
  });

  it('a manifest whose layer count disagrees with the config', async () => {
    const files = await savedFiles();
    const manifest = manifestOf(files);
    manifest[0].Layers = manifest[0].Layers.slice(0, 1);
    files.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
    await expectRefusal(rebuild(files), 'invalid manifest, layers length mismatch: expected 2, got 1');
  });

  it('a layer whose bytes do not match its diffID', async () => {
    const files = await savedFiles();
    const [first, second] = manifestOf(files)[0].Layers as [string, string];
    files.set(first, files.get(second) as Uint8Array);
    await expectRefusal(rebuild(files), /^invalid diffID for layer 0: expected "sha256:[0-9a-f]{64}", got "sha256:[0-9a-f]{64}"$/);
  });

  it('a config whose bytes do not match the digest it is named by', async () => {
    const files = await savedFiles();
    const config = manifestOf(files)[0].Config as string;
    const text = new TextDecoder().decode(files.get(config)).replace('"amd64"', '"arm64"');
    files.set(config, new TextEncoder().encode(text));
    await expectRefusal(rebuild(files), /^invalid config blobs\/sha256\/[0-9a-f]{64}: digest did not match/);
  });

  it('a second image that is broken, leaving the first unloaded too (one write)', async () => {
    const files = await savedFiles(['app', 'zzz']);
    const manifest = manifestOf(files);
    manifest[1].Layers = [];
    files.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
    await expectRefusal(rebuild(files), 'invalid manifest, layers length mismatch: expected 1, got 0');
  });

  it('entry names that climb out of the archive', async () => {
    const files = await savedFiles();
    await expectRefusal(rebuild(files, [{ name: '../evil', data: 'x' }]), 'invalid archive: "../evil" is outside of the archive');
    await expectRefusal(rebuild(files, [{ name: '/etc/passwd', data: 'x' }]), 'invalid archive: "/etc/passwd" is outside of the archive');
  });

  it('manifest paths that climb out of the archive', async () => {
    const files = await savedFiles();
    const manifest = manifestOf(files);
    manifest[0].Layers[0] = `../${manifest[0].Layers[0]}`;
    files.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
    await expectRefusal(rebuild(files), /is outside of the archive/);
  });

  it('absolute or escaping links in the archive', async () => {
    const files = await savedFiles();
    await expectRefusal(rebuild(files, [{ name: 'x/layer.tar', typeflag: '2', linkname: '/etc/shadow' }]), 'invalid archive: link "x/layer.tar" -> "/etc/shadow" is absolute');
    await expectRefusal(rebuild(files, [{ name: 'x/layer.tar', typeflag: '2', linkname: '../../up' }]), /points outside of the archive/);
  });

  it('a layer with a path or symlink escaping the root', async () => {
    for (const [entry, message] of [
      [{ name: '../../etc/cron.d/x', data: 'boom' }, /path-escape|outside|invalid/],
      [{ name: 'evil', typeflag: '2' as const, linkname: '../../../../etc/passwd' }, 'invalid symlink "evil" -> "../../../../etc/passwd"'],
    ] as const) {
      const files = await savedFiles();
      const manifest = manifestOf(files);
      const layer = craftTar([entry]);
      const diffId = await (async () => {
        const h = await sha256();
        h.update(layer);
        return h.digest();
      })();
      // Make the config agree with the hostile layer, so only the layer's content is at fault.
      const configPath = manifest[0].Config as string;
      const config = JSON.parse(new TextDecoder().decode(files.get(configPath)));
      config.rootfs.diff_ids[0] = diffId;
      const configBytes = new TextEncoder().encode(JSON.stringify(config));
      files.delete(configPath);
      files.set('cfg.json', configBytes);
      files.set('evil/layer.tar', layer);
      manifest[0].Config = 'cfg.json';
      manifest[0].Layers[0] = 'evil/layer.tar';
      files.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
      await expectRefusal(rebuild(files), message);
    }
  });

  it('absurd sizes, before buffering them', async () => {
    const files = await savedFiles();
    files.set('manifest.json', new Uint8Array(2 << 20).fill(0x20));
    await expectRefusal(rebuild(files), /invalid archive: manifest.json is 2097152 bytes \(limit 1048576\)/);
    const layer = craftTar([{ name: 'huge', data: new Uint8Array((1 << 20) + 1) }]);
    const files2 = await savedFiles();
    files2.set(manifestOf(files2)[0].Layers[0], layer);
    await expectRefusal(rebuild(files2), /huge is 1048577 bytes \(limit 1048576\)/);
  });

  it('a truncated archive', async () => {
    const archive = rebuild(await savedFiles());
    await expectRefusal(archive.subarray(0, 700), /invalid archive|does not contain|invalid tar/);
  });
});
