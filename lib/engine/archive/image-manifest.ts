import { type Digest, type Sha256Factory } from '@/lib/util';
import { type ChangeSet } from '../fs';
import { createManifest, describeDocument, MEDIA_TYPES, serializeManifest, type Descriptor } from '../image';
import { layerTarSize } from '../layer';

/**
 * The OCI manifest `docker save` writes for an image (and that load records): config, then the
 * layers as uncompressed tars whose digest is their diffID (Engine ≥ 25 graphdriver save).
 * Derived from config and recipes alone (and a blob-backed layer's kept tar size), so save and
 * load always agree on its digest.
 */
export async function ociManifestFor(
  configDigest: Digest,
  configSize: number,
  layers: readonly { readonly diffId: Digest; readonly recipe: ChangeSet; readonly tarBlob?: { readonly size: number }; readonly tarSize?: number }[],
  sha256: Sha256Factory,
): Promise<{ readonly bytes: Uint8Array; readonly descriptor: Descriptor }> {
  const manifest = createManifest(
    configDigest,
    configSize,
    layers.map((l) => ({ digest: l.diffId, size: layerTarSizeOf(l), mediaType: MEDIA_TYPES.ociLayer })),
  );
  const json = serializeManifest(manifest);
  return { bytes: new TextEncoder().encode(json), descriptor: await describeDocument(json, MEDIA_TYPES.ociManifest, sha256) };
}

/** Byte length of a layer's tar: the kept original's for a blob-backed layer, else the recipe's (recorded, or computed). */
export function layerTarSizeOf(layer: { readonly recipe: ChangeSet; readonly tarBlob?: { readonly size: number }; readonly tarSize?: number }): number {
  return layer.tarBlob?.size ?? layer.tarSize ?? layerTarSize(layer.recipe);
}
