import type { BuildCacheRecord, ImageRecord, Store, WriteTx } from './types';

export interface GarbageRoots {
  /** Blobs to keep although no record names them (e.g. a load or pull in progress elsewhere). */
  blobs?: readonly string[];
  /** Layer recipes to keep although no record names them (e.g. a build in progress). */
  layers?: readonly string[];
}

export interface GarbageReport {
  /** Keys of the blobs removed, sorted. */
  blobs: string[];
  /** DiffIDs of the layer recipes removed, sorted. */
  layers: string[];
  /** Bytes of blob content removed. */
  blobBytes: number;
  /** Sum of the removed layers' sizes: the space Docker would report as reclaimed for them. */
  layerBytes: number;
  bytesReclaimed: number;
  /**
   * Images no reference points at (Docker's "dangling"), sorted. GC keeps them: `docker image
   * prune` removes them later, skipping those a container uses.
   */
  danglingImages: string[];
}

/**
 * Removes the blobs and layer recipes nothing needs, in one write transaction (so it sees one
 * consistent state and a failure removes nothing). What keeps what — the one place to extend
 * when a record gains a digest field:
 * - every image (tagged or dangling) keeps its config, manifest and index blobs and its layers;
 * - a build cache record keeps its layer (and its image, which every image already is);
 * - a container keeps its image (GC keeps every image) and its writable layer lives inside its
 *   record, so containers add nothing here until a container record names a layer by diffID;
 * - an image with an index (a multi-platform build or pull) also keeps, for every platform's
 *   manifest, the config and layers that manifest names (layers are stored uncompressed, so a
 *   layer descriptor's digest is its diffID);
 * - a kept layer keeps the blob of the same digest: a blob-backed layer's original tar
 *   (LayerRecord.tarBlob), content-addressed by its diffID. (Keyed so, any blob with that key can
 *   only be those bytes, so GC need not read the layer record to know.)
 */
export async function collectGarbage(store: Store, roots: GarbageRoots = {}): Promise<GarbageReport> {
  return store.write((tx) => collectGarbageIn(tx, roots));
}

/** The same, inside a caller's write transaction (e.g. `docker rmi` then GC, atomically). */
export async function collectGarbageIn(tx: WriteTx, roots: GarbageRoots = {}): Promise<GarbageReport> {
  const keepBlobs = new Set<string>(roots.blobs);
  const keepLayers = new Set<string>(roots.layers);
  const referenced = new Set<string>();

  for (const [, ref] of await tx.list('refs')) referenced.add(ref.imageId);
  for (const [, record] of await tx.list('buildCache')) keepCacheRecord(record, keepLayers);
  const danglingImages: string[] = [];
  for (const [id, image] of await tx.list('images')) {
    keepImage(image, keepBlobs, keepLayers);
    if (image.indexDigest !== undefined) await keepOtherPlatforms(tx, image, keepBlobs, keepLayers);
    if (!referenced.has(id)) danglingImages.push(id);
  }

  const report: GarbageReport = { blobs: [], layers: [], blobBytes: 0, layerBytes: 0, bytesReclaimed: 0, danglingImages };
  for (const key of await tx.keys('blobs')) {
    if (keepBlobs.has(key) || keepLayers.has(key)) continue;
    report.blobBytes += (await tx.get('blobs', key))?.byteLength ?? 0;
    await tx.delete('blobs', key);
    report.blobs.push(key);
  }
  for (const key of await tx.keys('layers')) {
    if (keepLayers.has(key)) continue;
    report.layerBytes += (await tx.get('layers', key))?.size ?? 0;
    await tx.delete('layers', key);
    report.layers.push(key);
  }
  report.bytesReclaimed = report.blobBytes + report.layerBytes;
  return report;
}

function keepImage(image: ImageRecord, blobs: Set<string>, layers: Set<string>): void {
  blobs.add(image.configDigest);
  for (const digest of Object.values(image.manifests)) blobs.add(digest);
  if (image.indexDigest !== undefined) blobs.add(image.indexDigest);
  for (const diffId of image.diffIds) layers.add(diffId);
}

function keepCacheRecord(record: BuildCacheRecord, layers: Set<string>): void {
  if (record.result.diffId != null) layers.add(record.result.diffId);
}


/** The configs and layers of an index's other platforms, read from their manifest blobs. */
async function keepOtherPlatforms(tx: WriteTx, image: ImageRecord, blobs: Set<string>, layers: Set<string>): Promise<void> {
  for (const digest of Object.values(image.manifests)) {
    const bytes = await tx.get('blobs', digest);
    if (bytes === undefined) continue;
    let manifest: { config?: { digest?: unknown }; layers?: { digest?: unknown }[] };
    try {
      manifest = JSON.parse(new TextDecoder().decode(bytes)) as typeof manifest;
    } catch {
      continue; // not a manifest we wrote: nothing more to keep for it
    }
    if (typeof manifest.config?.digest === 'string') blobs.add(manifest.config.digest);
    for (const layer of manifest.layers ?? []) if (typeof layer.digest === 'string') layers.add(layer.digest);
  }
}
