import { describe, expect, it } from 'vitest';
import { chainIds } from '../layer';
import { createMemoryStore } from '../store';
import { storeImage } from '../archive';
import { emptyConfig, encodeImageConfig, type ImageConfig } from '../image';
import { sortChangeEntries } from '../fs';
import { diffIdOf } from '../layer';
import { layerStack } from './layer-stack';
import { big, dir, file, meta, putImage, run, sha256 } from './test-helpers';

async function chain() {
  const store = createMemoryStore();
  const base = await putImage(store, [{ createdBy: '/bin/sh -c #(nop) ADD file:0123abcd in / ', entries: [big('bin/sh', 5000)] }, meta('/bin/sh -c #(nop)  CMD ["/bin/sh"]')], ['base:1']);
  const mid = await putImage(store, [run('apt-get update', [dir('var/lib/apt/lists'), big('var/lib/apt/lists/p', 700)])], ['mid:1'], base.config);
  const app = await putImage(store, [{ createdBy: 'COPY app.py /app/ # buildkit', entries: [dir('app'), file('app/app.py', 'print(1)\n')] }, meta('CMD ["python" "app.py"]')], ['app:1'], mid.config);
  return { store, base, mid, app };
}

describe('layerStack', () => {
  it('lists every history entry with its instruction, layer, size, diffID and chainID, empty layers marked', async () => {
    const { store, app } = await chain();
    const stack = await layerStack(store, app.id);
    const diffIds = app.config.rootfs.diff_ids;
    const chains = await chainIds(diffIds, sha256);
    expect(stack.entries.map((e) => [e.instruction, e.emptyLayer, e.layer, e.size])).toEqual([
      ['ADD file:0123abcd in /', false, 0, 5000],
      ['CMD ["/bin/sh"]', true, null, 0],
      ['RUN apt-get update', false, 1, 700],
      ['COPY app.py /app/', false, 2, 9],
      ['CMD ["python" "app.py"]', true, null, 0],
    ]);
    expect(stack.entries[2]).toMatchObject({ createdBy: 'RUN /bin/sh -c apt-get update # buildkit', keyword: 'RUN', diffId: diffIds[1], chainId: chains[1], comment: 'buildkit.dockerfile.v0' });
    expect(stack.entries[0]?.chainId).toBe(diffIds[0]); // a base layer's chainID is its diffID
    expect(stack.entries[4]).toMatchObject({ diffId: null, chainId: null });
    expect(stack).toMatchObject({ imageId: app.id, tags: ['app:1'], layerCount: 3, total: 5709, ownSize: 9, historyMatches: true });
  });

  it('groups base layers by the images they came from: the longest matching prefix, then its own base', async () => {
    const { store, app, base, mid } = await chain();
    const stack = await layerStack(store, app.id);
    expect(stack.bases).toEqual([
      { name: 'base:1', imageId: base.id, layerCount: 1, historyCount: 2, size: 5000 },
      { name: 'mid:1', imageId: mid.id, layerCount: 2, historyCount: 3, size: 700 },
    ]);
    expect(stack.entries.map((e) => e.base)).toEqual([0, 0, 1, null, null]);
    // The base itself has no base; an image whose history differs from a prefix image is not grouped under it.
    expect((await layerStack(store, base.id)).bases).toEqual([]);
  });

  it('falls back to one entry per layer when the history does not describe the layers', async () => {
    const store = createMemoryStore();
    const changeSet = { entries: sortChangeEntries([file('a', 'x')]) };
    const diffId = await diffIdOf(changeSet, sha256);
    const base = emptyConfig({ os: 'linux', architecture: 'amd64' });
    const config: ImageConfig = { ...base, rootfs: { type: 'layers', diff_ids: [diffId] } };
    const { bytes } = await encodeImageConfig(config, sha256);
    const id = await store.write((tx) => storeImage(tx, { configBytes: bytes, config, layers: [{ diffId, changeSet }], sha256 }));
    const stack = await layerStack(store, id);
    expect(stack.historyMatches).toBe(false);
    expect(stack.entries).toEqual([{ index: 0, createdBy: '', instruction: '', keyword: '', emptyLayer: false, layer: 0, diffId, chainId: diffId, size: 1, base: null }]);
  });
});
