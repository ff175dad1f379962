import { describe, expect, it } from 'vitest';
import type { Digest } from '@/lib/util';
import { refKey } from '../archive';
import { createMemoryStore, type Store } from '../store';
import { storageSharing } from './storage-sharing';

const MB = 1e6;
const digest = (name: string) => `sha256:${Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64)}` as Digest;

/** Images as the material draws them: named layers of given MB, stored as records (no bytes needed). */
async function storeOf(images: Record<string, [layer: string, mb: number][]>): Promise<Store> {
  const store = createMemoryStore();
  await store.write(async (tx) => {
    for (const [tag, layers] of Object.entries(images)) {
      for (const [layer, mb] of layers) await tx.put('layers', digest(layer), { diffId: digest(layer), size: mb * MB, parentChainId: null, recipe: { entries: [] } });
      const id = digest(`image ${tag}`);
      const size = layers.reduce((n, [, mb]) => n + mb * MB, 0);
      await tx.put('images', id, { id, configDigest: id, manifests: {}, diffIds: layers.map(([l]) => digest(l)), created: '2024-05-01T10:00:00Z', size });
      await tx.put('refs', refKey(tag), { imageId: id });
    }
  });
  return store;
}

describe('storageSharing: the material\'s "Layer sharing" figures', () => {
  it('nginx:latest and nginx:alpine: without sharing 117 MB, with sharing 86 MB', async () => {
    const store = await storeOf({
      'nginx:latest': [['ubuntu base', 50], ['nginx binary', 30], ['config', 1]],
      'nginx:alpine': [['alpine base', 5], ['nginx binary', 30], ['config', 1]],
    });
    const report = await storageSharing(store);
    expect(report.withoutSharing).toBe(117 * MB); // 50+30+1 + 5+30+1
    expect(report.withSharing).toBe(86 * MB); // 50+30+1+5
    expect(report.savedBytes).toBe(31 * MB);
    expect(report.layers[0]).toEqual({ diffId: digest('nginx binary'), size: 30 * MB, images: [digest('image nginx:alpine'), digest('image nginx:latest')] });
    expect(report.images.map((i) => [i.tags, i.sharedBytes / MB, i.uniqueBytes / MB])).toEqual([
      [['nginx:alpine'], 31, 5],
      [['nginx:latest'], 31, 50],
    ]);
  });

  it('nginx:latest and nginx:custom on it: 81 MB stored, not 161 MB, 80 MB saved', async () => {
    const store = await storeOf({
      'nginx:latest': [['ubuntu base', 50], ['nginx', 30]],
      'nginx:custom': [['ubuntu base', 50], ['nginx', 30], ['custom config', 1]],
      'other:1': [['alpine', 5]],
    });
    const report = await storageSharing(store, ['nginx:latest', 'nginx:custom']);
    expect(report.images.map((i) => i.tags[0])).toEqual(['nginx:latest', 'nginx:custom']);
    expect([report.withoutSharing, report.withSharing, report.savedBytes, report.sharedLayerBytes].map((n) => n / MB)).toEqual([161, 81, 80, 80]);
    await expect(storageSharing(store, ['missing'])).rejects.toThrow('No such image: missing:latest');
  });
});
