import type { Digest } from '@/lib/util';
import { EngineError } from '../errors';
import { createManifest, encodeImageConfig, MEDIA_TYPES, serializeManifest, withCreated, withLabels } from '../image';
import { layerTarSize } from '../layer';
import type { BuildSession, StageState } from './session';

/**
 * BuildKit's image exporter (`exporter/containerimage`): the target stage's config with `created`
 * set and `--label`s added, its bytes and ID, an OCI manifest over the uncompressed layer tars,
 * and — in ONE store transaction — the config and manifest blobs, the image record and a ref per
 * tag. A tag that pointed at another image moves, leaving that image dangling, as Docker does.
 */

export interface ExportedImage {
  imageId: Digest;
  manifestDigest: Digest;
  size: number;
}

export async function exportImage(session: BuildSession, state: StageState, tags: readonly string[]): Promise<ExportedImage> {
  const labels = Object.entries(session.request.labels ?? {});
  let config = withCreated(state.config, session.created);
  if (labels.length > 0) config = withLabels(config, labels);
  const encoded = await encodeImageConfig(config, session.io.sha256);
  const size = state.layers.reduce((n, l) => n + l.size, 0);
  return session.io.store.write(async (tx) => {
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
    const manifestDigest = hasher.digest();
    await tx.put('blobs', encoded.id, encoded.bytes);
    await tx.put('blobs', manifestDigest, manifestBytes);
    const previous = await tx.get('images', encoded.id);
    await tx.put('images', encoded.id, {
      id: encoded.id,
      configDigest: encoded.id,
      manifests: { ...previous?.manifests, [session.platformText]: manifestDigest },
      diffIds: [...config.rootfs.diff_ids],
      created: session.created,
      ...(tags.length > 0 ? { lastTagTime: session.created } : previous?.lastTagTime !== undefined ? { lastTagTime: previous.lastTagTime } : {}),
      size,
    });
    for (const tag of tags) await tx.put('refs', tag, { imageId: encoded.id });
    return { imageId: encoded.id, manifestDigest, size };
  });
}
