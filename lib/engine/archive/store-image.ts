import { type Digest, type Sha256Factory, sha256Of } from '@/lib/util';
import { changeSetSize, type ChangeSet } from '../fs';
import { formatImagePlatform, type ImageConfig, platformOf } from '../image';
import { chainIds, layerTarSize } from '../layer';
import type { WriteTx } from '../store';
import { ociManifestFor } from './image-manifest';

/**
 * Puts one image — config blob, layer recipes, manifest blob, image record — into a write
 * transaction. Layers already stored are kept as they are (moby skips a layer whose chainID it
 * has). Refs are the caller's business. Returns the image ID (the config digest).
 */
export interface StoreImageInput {
  readonly configBytes: Uint8Array;
  readonly config: ImageConfig;
  /**
   * Base first, matching `config.rootfs.diff_ids`. `original`: the layer's tar as loaded, for a
   * layer our writer would not reproduce byte for byte; it is kept as a blob (key = diffID).
   */
  readonly layers: readonly { readonly diffId: Digest; readonly changeSet: ChangeSet; readonly original?: Uint8Array }[];
  readonly sha256: Sha256Factory;
}

/** Go's zero time: what an image without `created` reports. */
const ZERO_TIME = '0001-01-01T00:00:00Z';

export async function storeImage(tx: WriteTx, input: StoreImageInput): Promise<Digest> {
  const id = await sha256Of(input.configBytes, input.sha256);
  const chain = await chainIds(input.layers.map((l) => l.diffId), input.sha256);
  let size = 0;
  for (const [i, layer] of input.layers.entries()) {
    const layerSize = changeSetSize(layer.changeSet);
    size += layerSize;
    if (await tx.has('layers', layer.diffId)) continue;
    const parentChainId = i === 0 ? null : (chain[i - 1] as Digest);
    const tarBlob = layer.original !== undefined ? { size: layer.original.length } : undefined;
    if (layer.original !== undefined) await tx.put('blobs', layer.diffId, layer.original);
    const tarSize = tarBlob?.size ?? layerTarSize(layer.changeSet);
    await tx.put('layers', layer.diffId, { diffId: layer.diffId, size: layerSize, parentChainId, recipe: layer.changeSet, ...(tarBlob !== undefined ? { tarBlob } : {}), tarSize });
  }
  const layerSizes = input.layers.map((l) => ({ diffId: l.diffId, recipe: l.changeSet, ...(l.original !== undefined ? { tarBlob: { size: l.original.length } } : {}) }));
  const manifest = await ociManifestFor(id, input.configBytes.length, layerSizes, input.sha256);
  await tx.put('blobs', id, input.configBytes);
  await tx.put('blobs', manifest.descriptor.digest, manifest.bytes);
  const previous = await tx.get('images', id);
  await tx.put('images', id, {
    id,
    configDigest: id,
    manifests: { ...previous?.manifests, [formatImagePlatform(platformOf(input.config))]: manifest.descriptor.digest },
    diffIds: input.layers.map((l) => l.diffId),
    created: input.config.created ?? ZERO_TIME,
    ...(previous?.lastTagTime !== undefined ? { lastTagTime: previous.lastTagTime } : {}),
    size,
  });
  return id;
}
