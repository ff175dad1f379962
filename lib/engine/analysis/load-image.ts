import type { Digest } from '@/lib/util';
import { repoTagsOf, resolveImage } from '../archive';
import { EngineError } from '../errors';
import { applyChangeSet, createTree, type ChangeSet, type FsTree } from '../fs';
import { parseImageConfig, type ImageConfig } from '../image';
import type { ReadTx, Store } from '../store';

/**
 * An image as the analyses read it: its config (history), its layers' change sets in order, and
 * the trees after each layer, built lazily and shared through a `TreeCache` so two images on the
 * same base reuse the base's tree objects (copy-on-write trees: untouched subtrees stay the same
 * object, which lets a diff skip them).
 */

export interface AnalysisLayer {
  /** 0-based position in `rootfs.diff_ids`. */
  index: number;
  diffId: Digest;
  /** Docker's layer size: bytes of the regular files it adds. */
  size: number;
  changeSet: ChangeSet;
}

export interface AnalysisImage {
  id: Digest;
  /** Familiar tags (`app:latest`), sorted as the store lists them. */
  tags: string[];
  config: ImageConfig;
  /** `docker images` SIZE. */
  size: number;
  layers: AnalysisLayer[];
}

/** Trees by layer stack (diffIDs joined), shared between the images of one analysis. */
export type TreeCache = Map<string, FsTree>;

export function createTreeCache(): TreeCache {
  return new Map();
}

/** Loads `name` (a tag, digest or ID prefix, resolved as `docker image inspect` does). */
export async function loadAnalysisImage(store: Store, name: string): Promise<AnalysisImage> {
  return store.read(async (tx) => readAnalysisImage(tx, await resolveImage(tx, name)));
}

export async function readAnalysisImage(tx: ReadTx, id: Digest): Promise<AnalysisImage> {
  const record = await tx.get('images', id);
  const configBytes = record && (await tx.get('blobs', record.configDigest));
  if (record === undefined || configBytes === undefined) throw new EngineError('store', `image ${id} is incomplete in the store`);
  const layers: AnalysisLayer[] = [];
  for (const [index, diffId] of record.diffIds.entries()) {
    const layer = await tx.get('layers', diffId);
    if (layer === undefined) throw new EngineError('store', `layer ${diffId} of image ${id} is missing from the store`);
    layers.push({ index, diffId, size: layer.size, changeSet: layer.recipe });
  }
  return { id, tags: await repoTagsOf(tx, id), config: parseImageConfig(configBytes), size: record.size, layers };
}

const EMPTY_TREE = createTree();

/** The tree after layers 0..`index` (`-1`: the empty root), built from the nearest cached stack. */
export function treeAfter(image: AnalysisImage, index: number, cache: TreeCache): FsTree {
  if (index < 0) return EMPTY_TREE;
  const keys: string[] = [];
  let key = '';
  for (let i = 0; i <= index; i++) {
    key = i === 0 ? (image.layers[0] as AnalysisLayer).diffId : `${key},${(image.layers[i] as AnalysisLayer).diffId}`;
    keys.push(key);
  }
  let start = index;
  while (start >= 0 && !cache.has(keys[start] as string)) start--;
  let tree = start >= 0 ? (cache.get(keys[start] as string) as FsTree) : EMPTY_TREE;
  for (let i = start + 1; i <= index; i++) {
    tree = applyChangeSet(tree, (image.layers[i] as AnalysisLayer).changeSet);
    cache.set(keys[i] as string, tree);
  }
  return tree;
}

/** The image's whole filesystem. */
export function finalTree(image: AnalysisImage, cache: TreeCache): FsTree {
  return treeAfter(image, image.layers.length - 1, cache);
}
