import type { Digest } from '@/lib/util';
import { EngineError } from '../errors';
import { applyChangeSet, createTree, type ChangeSet, type FsTree } from '../fs';
import { parseImageConfig, type ImageConfig } from '../image';
import type { ContainerRecord, ReadTx } from '../store';

/** An image as a container needs it: its config and its layers' change sets, base first. */
export interface ContainerImage {
  id: Digest;
  config: ImageConfig;
  layers: ChangeSet[];
  size: number;
}

export async function readContainerImage(tx: ReadTx, imageId: Digest): Promise<ContainerImage> {
  const record = await tx.get('images', imageId);
  const bytes = record === undefined ? undefined : await tx.get('blobs', record.configDigest);
  if (record === undefined || bytes === undefined) throw new EngineError('no-such-image', `No such image: ${imageId}`);
  const config = parseImageConfig(new TextDecoder().decode(bytes));
  const layers: ChangeSet[] = [];
  for (const diffId of config.rootfs.diff_ids) {
    const layer = await tx.get('layers', diffId);
    if (layer === undefined) throw new EngineError('store', `layer ${diffId} of image ${imageId} is missing`);
    layers.push(layer.recipe);
  }
  return { id: imageId, config, layers, size: record.size };
}

/**
 * Image trees by image ID, newest kept: applying an ubuntu's layers costs milliseconds, but a
 * session runs many lines and `ps -s` reads many containers of the same image.
 */
const TREES = new Map<string, FsTree>();
const TREE_CACHE_SIZE = 8;

export function imageTree(image: ContainerImage): FsTree {
  const cached = TREES.get(image.id);
  if (cached !== undefined) return cached;
  const tree = image.layers.reduce((t, layer) => applyChangeSet(t, layer), createTree());
  TREES.set(image.id, tree);
  if (TREES.size > TREE_CACHE_SIZE) TREES.delete(TREES.keys().next().value as string);
  return tree;
}

/** The container's merged filesystem: the image's tree with the writable layer on top. */
export function containerTree(image: ContainerImage, record: ContainerRecord): FsTree {
  return applyChangeSet(imageTree(image), record.writableLayer);
}
