import type { Digest } from '@/lib/util';
import { EngineError } from '../errors';
import { createIndex, createManifest, encodeImageConfig, MEDIA_TYPES, parseImagePlatform, serializeIndex, serializeManifest, withLabels } from '../image';
import { layerTarSize } from '../layer';
import type { ReadTx, WriteTx } from '../store';
import { withBuildTimes } from './history-times';
import type { BuildSession, StageState } from './session';
import type { BuildIndexResult } from './types';

/**
 * BuildKit's image exporter (`exporter/containerimage`): the target stage's config with its times
 * (history-times.ts) and `--label`s added, its bytes and ID, an OCI manifest over the uncompressed
 * layer tars, and — in ONE store transaction — the config and manifest blobs, the image record
 * and a ref per tag. A tag that pointed at another image moves, leaving that image dangling, as
 * Docker does. A multi-platform build adds an OCI index over the platforms' manifests.
 */

export interface ExportedImage {
  imageId: Digest;
  manifestDigest: Digest;
  size: number;
  /** Set for a multi-platform export. */
  index?: BuildIndexResult;
}

/** One platform's documents, ready to write. */
interface Prepared {
  session: BuildSession;
  state: StageState;
  configId: Digest;
  configBytes: Uint8Array;
  configCreated: string;
  diffIds: Digest[];
  manifestBytes: Uint8Array;
  manifestDigest: Digest;
  size: number;
}

async function prepare(session: BuildSession, state: StageState, tx: ReadTx): Promise<Prepared> {
  const labels = Object.entries(session.request.labels ?? {});
  let config = withBuildTimes(state.config, { sourceDateEpoch: session.sourceDateEpoch, fallback: session.wallTime() });
  if (labels.length > 0) config = withLabels(config, labels);
  const encoded = await encodeImageConfig(config, session.io.sha256);
  const descriptors = [];
  for (const layer of state.layers) {
    const stored = layer.tarSize !== undefined || layer.changeSet !== null ? undefined : await tx.get('layers', layer.diffId);
    const recipe = layer.changeSet ?? stored?.recipe;
    const tarSize = layer.tarSize ?? stored?.tarSize ?? stored?.tarBlob?.size ?? (recipe !== undefined ? layerTarSize(recipe) : undefined);
    if (tarSize === undefined) throw new EngineError('store', `layer ${layer.diffId} is missing from the store`);
    descriptors.push({ digest: layer.diffId, size: tarSize, mediaType: MEDIA_TYPES.ociLayer });
  }
  const manifestBytes = new TextEncoder().encode(serializeManifest(createManifest(encoded.id, encoded.size, descriptors)));
  const hasher = await session.io.sha256();
  hasher.update(manifestBytes);
  return {
    session,
    state,
    configId: encoded.id,
    configBytes: encoded.bytes,
    configCreated: config.created ?? session.wallTime(),
    diffIds: [...config.rootfs.diff_ids],
    manifestBytes,
    manifestDigest: hasher.digest(),
    size: state.layers.reduce((n, l) => n + l.size, 0),
  };
}

/** Blobs and any layer recipe the store lacks (base layers of a platform whose pull was not kept). */
async function writeDocuments(tx: WriteTx, p: Prepared): Promise<void> {
  await tx.put('blobs', p.configId, p.configBytes);
  await tx.put('blobs', p.manifestDigest, p.manifestBytes);
  let parent: Digest | null = null;
  for (const layer of p.state.layers) {
    if (layer.changeSet !== null && !(await tx.has('layers', layer.diffId))) {
      await tx.put('layers', layer.diffId, { diffId: layer.diffId, size: layer.size, parentChainId: parent, recipe: layer.changeSet, tarSize: layer.tarSize ?? layerTarSize(layer.changeSet) });
    }
    parent = parent === null ? layer.diffId : await chain(p.session, parent, layer.diffId);
  }
}

async function chain(session: BuildSession, parent: Digest, diffId: Digest): Promise<Digest> {
  const hasher = await session.io.sha256();
  hasher.update(new TextEncoder().encode(`${parent} ${diffId}`));
  return hasher.digest();
}

/** The image the build would export, without writing it (`output: 'cache'`). */
export async function describeExport(targets: ReadonlyArray<{ session: BuildSession; state: StageState }>): Promise<ExportedImage> {
  const first = targets[0];
  if (first === undefined) throw new EngineError('build', 'nothing to export');
  const prepared = await first.session.io.store.read(async (tx) => Promise.all(targets.map((t) => prepare(t.session, t.state, tx))));
  const main = mainOf(prepared);
  return { imageId: main.configId, manifestDigest: main.manifestDigest, size: main.size };
}

/** linux/amd64 (the modeled host) when built, else the first platform: the image `docker images` shows. */
function mainOf(prepared: readonly Prepared[]): Prepared {
  return prepared.find((p) => p.session.platformText === 'linux/amd64') ?? (prepared[0] as Prepared);
}

export async function exportImage(session: BuildSession, state: StageState, tags: readonly string[]): Promise<ExportedImage> {
  return exportImages([{ session, state }], tags);
}

/**
 * Writes the build's result: one platform as a plain image; several as an image index whose
 * record is the host platform's image with every platform's manifest and the index digest
 * (ImageRecord.indexDigest). The other platforms' layers stay in the build cache.
 */
export async function exportImages(targets: ReadonlyArray<{ session: BuildSession; state: StageState }>, tags: readonly string[]): Promise<ExportedImage> {
  const first = targets[0];
  if (first === undefined) throw new EngineError('build', 'nothing to export');
  const { store, sha256 } = first.session.io;
  const multi = targets.length > 1;
  const lastTagTime = first.session.wallTime();
  return store.write(async (tx) => {
    const prepared: Prepared[] = [];
    for (const t of targets) prepared.push(await prepare(t.session, t.state, tx));
    for (const p of prepared) await writeDocuments(tx, p);
    const main = mainOf(prepared);
    let index: BuildIndexResult | undefined;
    if (multi) {
      const document = createIndex(prepared.map((p) => ({ digest: p.manifestDigest, size: p.manifestBytes.length, platform: parseImagePlatform(p.session.platformText) })));
      const bytes = new TextEncoder().encode(serializeIndex(document));
      const hasher = await sha256();
      hasher.update(bytes);
      const digest = hasher.digest();
      await tx.put('blobs', digest, bytes);
      index = { digest, bytes, images: prepared.map((p) => ({ platform: p.session.platformText, imageId: p.configId, manifestDigest: p.manifestDigest, size: p.size })) };
      // The other platforms' layers: kept by the builder's cache (a record keeps its layer).
      for (const p of prepared) {
        if (p === main) continue;
        for (const diffId of p.diffIds) await tx.put('buildCache', `export|${digest}|${p.session.platformText}|${diffId}`, { result: { diffId, imageId: main.configId }, created: lastTagTime, lastUsed: lastTagTime });
      }
    }
    const previous = await tx.get('images', main.configId);
    const manifests = multi ? Object.fromEntries(prepared.map((p) => [p.session.platformText, p.manifestDigest])) : { ...previous?.manifests, [main.session.platformText]: main.manifestDigest };
    await tx.put('images', main.configId, {
      id: main.configId,
      configDigest: main.configId,
      manifests,
      ...(index !== undefined ? { indexDigest: index.digest } : previous?.indexDigest !== undefined ? { indexDigest: previous.indexDigest } : {}),
      diffIds: main.diffIds,
      created: main.configCreated,
      ...(tags.length > 0 ? { lastTagTime } : previous?.lastTagTime !== undefined ? { lastTagTime: previous.lastTagTime } : {}),
      size: main.size,
    });
    for (const tag of tags) await tx.put('refs', tag, { imageId: main.configId });
    return { imageId: main.configId, manifestDigest: main.manifestDigest, size: main.size, ...(index !== undefined ? { index } : {}) };
  });
}
