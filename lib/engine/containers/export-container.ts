import { createTree, diffTrees } from '../fs';
import { changeSetToTar } from '../layer';
import type { Store } from '../store';
import { containerTree, readContainerImage } from './container-image';
import { findContainer } from './lookup';

/**
 * `docker export`: the container's merged filesystem as one plain tar — every layer and the
 * writable layer flattened, deleted files simply absent (no whiteouts), what `docker import`
 * turns into a one-layer image. Streamed as chunks through lib/engine/layer's tar writer.
 */
export async function exportContainer(store: Store, ref: string): Promise<AsyncIterable<Uint8Array>> {
  const { record, image } = await store.read(async (tx) => {
    const found = await findContainer(tx, ref);
    return { record: found, image: await readContainerImage(tx, found.imageId) };
  });
  const flat = diffTrees(createTree(), containerTree(image, record));
  return changeSetToTar(flat);
}
