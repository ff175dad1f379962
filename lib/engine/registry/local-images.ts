import { type Digest, type Sha256Factory, sha256Of } from '@/lib/util';
import { EngineError } from '../errors';
import { changeSetSize, type ChangeSet } from '../fs';
import { createManifest, formatImagePlatform, MEDIA_TYPES, parseImageConfig, parseIndex, parseManifest, platformOf, serializeManifest, type ImageConfig } from '../image';
import { chainIds, layerTarSize } from '../layer';
import type { LayerRecord, ReadTx, WriteTx } from '../store';

/**
 * The daemon's side of a transfer: an image read out of a store for a push, a pulled image
 * written into one, and where each layer came from. The registries' own store holds images in
 * the same records, so these serve both sides.
 */

/** An image with everything a push needs, base layer first. */
export interface StoredImage {
  readonly id: Digest;
  readonly configBytes: Uint8Array;
  readonly config: ImageConfig;
  readonly layers: readonly StoredLayer[];
  /** The OCI manifest with uncompressed layers (what `docker save` writes) and its digest. */
  readonly manifestBytes: Uint8Array;
  readonly manifestDigest: Digest;
  readonly platform: string;
  /** Sum of the layer sizes (`docker images` SIZE). */
  readonly size: number;
}

export interface StoredLayer {
  readonly record: LayerRecord;
  /** Tar length = the layer blob's size (uncompressed layers: blob digest = diffID). */
  readonly tarSize: number;
  /** The kept original tar of a blob-backed layer. */
  readonly original?: Uint8Array;
}

const encoder = new TextEncoder();

export async function readStoredImage(tx: ReadTx, id: Digest, sha256: Sha256Factory): Promise<StoredImage> {
  const record = await tx.get('images', id);
  const configBytes = record && (await tx.get('blobs', record.configDigest));
  if (record === undefined || configBytes === undefined) throw new EngineError('no-such-image', `No such image: ${id}`);
  const config = parseImageConfig(configBytes);
  const layers = await readLayers(tx, id, config, true);
  const manifest = await uncompressedManifest(id, configBytes.length, layers.map((l) => ({ diffId: l.record.diffId, tarSize: l.tarSize })), sha256);
  return {
    id,
    configBytes,
    config,
    layers,
    manifestBytes: manifest.bytes,
    manifestDigest: manifest.digest,
    platform: formatImagePlatform(platformOf(config)),
    size: layers.reduce((n, l) => n + l.record.size, 0),
  };
}

/** The layers of a config, base first; a missing one throws, or with `required` false gives undefined. */
async function readLayers(tx: ReadTx, id: Digest, config: ImageConfig, required: true): Promise<StoredLayer[]>;
async function readLayers(tx: ReadTx, id: Digest, config: ImageConfig, required: boolean): Promise<StoredLayer[] | undefined>;
async function readLayers(tx: ReadTx, id: Digest, config: ImageConfig, required: boolean): Promise<StoredLayer[] | undefined> {
  const layers: StoredLayer[] = [];
  for (const diffId of config.rootfs.diff_ids) {
    const layer = await tx.get('layers', diffId);
    if (layer === undefined) {
      if (!required) return undefined;
      throw new EngineError('store', `layer ${diffId} of image ${id} is missing from the store`);
    }
    let original: Uint8Array | undefined;
    if (layer.tarBlob !== undefined) {
      original = await tx.get('blobs', diffId);
      if (original === undefined) {
        if (!required) return undefined;
        throw new EngineError('store', `the original tar of layer ${diffId} of image ${id} is missing from the store`);
      }
    }
    const tarSize = layer.tarBlob?.size ?? layer.tarSize ?? layerTarSize(layer.recipe);
    layers.push({ record: layer, tarSize, ...(original !== undefined ? { original } : {}) });
  }
  return layers;
}

/** A multi-platform image as the daemon holds it: the index document and every platform's image. */
export interface StoredIndex {
  readonly digest: Digest;
  readonly bytes: Uint8Array;
  /** One per manifest of the index, in its order, each with the manifest bytes the index names. */
  readonly images: readonly StoredImage[];
}

/**
 * The index of a multi-platform image (a `buildx build --platform a,b`), when the store holds all
 * of it: the index blob, and for every platform its manifest, config and layers. Undefined for a
 * single-platform image, or one whose other platforms' content is not here (then only the local
 * platform can be pushed, as the graphdriver store does).
 */
export async function readStoredIndex(tx: ReadTx, id: Digest): Promise<StoredIndex | undefined> {
  const record = await tx.get('images', id);
  if (record?.indexDigest === undefined) return undefined;
  const bytes = await tx.get('blobs', record.indexDigest);
  if (bytes === undefined) return undefined;
  const images: StoredImage[] = [];
  for (const descriptor of parseIndex(bytes).manifests) {
    const manifestBytes = await tx.get('blobs', descriptor.digest);
    if (manifestBytes === undefined) return undefined;
    const configDigest = parseManifest(manifestBytes).config.digest;
    const configBytes = await tx.get('blobs', configDigest);
    if (configBytes === undefined) return undefined;
    const config = parseImageConfig(configBytes);
    const layers = await readLayers(tx, configDigest, config, false);
    if (layers === undefined) return undefined;
    images.push({
      id: configDigest,
      configBytes,
      config,
      layers,
      manifestBytes,
      manifestDigest: descriptor.digest,
      platform: formatImagePlatform(platformOf(config)),
      size: layers.reduce((n, l) => n + l.record.size, 0),
    });
  }
  return images.length > 1 ? { digest: record.indexDigest, bytes, images } : undefined;
}

/**
 * The OCI manifest of an image whose layer blobs are its uncompressed tars (blob digest = diffID):
 * byte for byte what `docker save` and the build write, so a push to a modeled or a real
 * registry reports the digest the image already has locally.
 */
export async function uncompressedManifest(
  configDigest: Digest,
  configSize: number,
  layers: readonly { readonly diffId: Digest; readonly tarSize: number }[],
  sha256: Sha256Factory,
): Promise<{ bytes: Uint8Array; digest: Digest }> {
  const manifest = createManifest(
    configDigest,
    configSize,
    layers.map((l) => ({ digest: l.diffId, size: l.tarSize, mediaType: MEDIA_TYPES.ociLayer })),
  );
  const bytes = encoder.encode(serializeManifest(manifest));
  return { bytes, digest: await sha256Of(bytes, sha256) };
}

/** A layer about to be written: its recipe, and its original tar when our writer would not reproduce it. */
export interface IncomingLayer {
  readonly diffId: Digest;
  readonly changeSet: ChangeSet;
  readonly size?: number;
  readonly tarSize: number;
  readonly original?: Uint8Array;
}

/**
 * Writes an image's records into a transaction: layers not yet there (by diffID, with their
 * parent chain), the config blob, the manifest blob and the image record. Refs are the caller's.
 */
export async function putImage(
  tx: WriteTx,
  input: { configBytes: Uint8Array; config: ImageConfig; layers: readonly IncomingLayer[]; manifestBytes: Uint8Array; manifestDigest: Digest; sha256: Sha256Factory },
): Promise<Digest> {
  const id = await sha256Of(input.configBytes, input.sha256);
  const chain = await chainIds(input.layers.map((l) => l.diffId), input.sha256);
  let size = 0;
  for (const [i, layer] of input.layers.entries()) {
    const layerSize = layer.size ?? changeSetSize(layer.changeSet);
    size += layerSize;
    if (await tx.has('layers', layer.diffId)) continue;
    if (layer.original !== undefined) await tx.put('blobs', layer.diffId, layer.original);
    await tx.put('layers', layer.diffId, {
      diffId: layer.diffId,
      size: layerSize,
      parentChainId: i === 0 ? null : (chain[i - 1] as Digest),
      recipe: layer.changeSet,
      ...(layer.original !== undefined ? { tarBlob: { size: layer.original.length } } : {}),
      tarSize: layer.tarSize,
    });
  }
  await tx.put('blobs', id, input.configBytes);
  await tx.put('blobs', input.manifestDigest, input.manifestBytes);
  const previous = await tx.get('images', id);
  await tx.put('images', id, {
    id,
    configDigest: id,
    manifests: { ...previous?.manifests, [formatImagePlatform(platformOf(input.config))]: input.manifestDigest },
    ...(previous?.indexDigest !== undefined ? { indexDigest: previous.indexDigest } : {}),
    diffIds: input.layers.map((l) => l.diffId),
    created: input.config.created ?? '0001-01-01T00:00:00Z',
    ...(previous?.lastTagTime !== undefined ? { lastTagTime: previous.lastTagTime } : {}),
    size,
  });
  return id;
}

/**
 * Where a layer is known to live (moby's v2 metadata service, `distribution/v2metadata-by-diffid`):
 * repositories it was pulled from or pushed to, so a later push to the same registry can mount
 * it instead of uploading it (`Mounted from library/alpine`).
 */
const SOURCES_PREFIX = 'registry-sources/';

export async function layerSources(tx: ReadTx, diffId: Digest): Promise<string[]> {
  const value = await tx.get('meta', SOURCES_PREFIX + diffId);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function addLayerSources(tx: WriteTx, diffIds: readonly Digest[], repository: string): Promise<void> {
  for (const diffId of new Set(diffIds)) {
    const known = await layerSources(tx, diffId);
    if (!known.includes(repository)) await tx.put('meta', SOURCES_PREFIX + diffId, [...known, repository].sort());
  }
}
