/**
 * Test support for the analysis tests (not exported from index.ts): images put straight into a
 * memory store from change sets, with the history each step would write.
 */
import { wasmSha256, type Digest } from '@/lib/util';
import { refKey, storeImage } from '../archive';
import { bytesContent, sortChangeEntries, syntheticContent, type ChangeEntry, type ChangeSet } from '../fs';
import { emptyConfig, encodeImageConfig, withHistory, type HistoryEntry, type ImageConfig } from '../image';
import { diffIdOf } from '../layer';
import type { Store } from '../store';

export const sha256 = wasmSha256;

const root = { uid: 0, gid: 0 };
export const file = (path: string, text: string, mode = 0o644): ChangeEntry => ({ kind: 'file', path, mode, ...root, content: bytesContent(text) });
export const big = (path: string, size: number, seed = path): ChangeEntry => ({ kind: 'file', path, mode: 0o644, ...root, content: syntheticContent(size, seed) });
export const dir = (path: string, mode = 0o755): ChangeEntry => ({ kind: 'dir', path, mode, ...root });
export const link = (path: string, target: string): ChangeEntry => ({ kind: 'symlink', path, mode: 0o777, ...root, target });
export const whiteout = (path: string): ChangeEntry => ({ kind: 'whiteout', path });
export const opaque = (path: string): ChangeEntry => ({ kind: 'opaque', path });

/** One history step: a layer (its entries) or a metadata-only step (`entries` absent). */
export interface Step {
  createdBy: string;
  entries?: ChangeEntry[];
}

/** `RUN x` as BuildKit records it. */
export const run = (command: string, entries: ChangeEntry[]): Step => ({ createdBy: `RUN /bin/sh -c ${command} # buildkit`, entries });
export const meta = (createdBy: string): Step => ({ createdBy });

/** Stores an image made of `steps` on top of `base` (its config) and tags it; returns its ID and config. */
export async function putImage(store: Store, steps: readonly Step[], tags: readonly string[] = [], base?: ImageConfig): Promise<{ id: Digest; config: ImageConfig }> {
  let config: ImageConfig = base ?? emptyConfig({ os: 'linux', architecture: 'amd64' });
  const layers: { diffId: Digest; changeSet: ChangeSet }[] = [];
  if (base !== undefined) {
    for (const diffId of base.rootfs.diff_ids) {
      const record = await store.get('layers', diffId);
      if (record === undefined) throw new Error(`base layer ${diffId} is not in the store`);
      layers.push({ diffId, changeSet: record.recipe });
    }
  }
  for (const step of steps) {
    const entry: HistoryEntry = { created: '2024-05-01T10:00:00Z', created_by: step.createdBy, comment: 'buildkit.dockerfile.v0' };
    if (step.entries === undefined) {
      config = withHistory(config, { ...entry, empty_layer: true });
      continue;
    }
    const changeSet = { entries: sortChangeEntries(step.entries) };
    const diffId = await diffIdOf(changeSet, sha256);
    config = withHistory(config, entry, diffId);
    layers.push({ diffId, changeSet });
  }
  const { bytes } = await encodeImageConfig(config, sha256);
  const id = await store.write(async (tx) => {
    const imageId = await storeImage(tx, { configBytes: bytes, config, layers, sha256 });
    for (const tag of tags) await tx.put('refs', refKey(tag), { imageId });
    return imageId;
  });
  return { id, config };
}
