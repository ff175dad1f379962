import type { Digest, Sha256Factory } from '@/lib/util';
import { refKey, storeImage } from '../archive';
import { encodeImageConfig, parseDockerRef, updateConfig, withAuthor, withCreated, type HistoryEntry, type ImageConfig } from '../image';
import { diffIdOf, EMPTY_LAYER_DIFF_ID } from '../layer';
import type { Store } from '../store';
import { applyChanges } from './commit-changes';
import { readContainerImage } from './container-image';
import { findContainer } from './lookup';
import { readContainerState } from './types';

/**
 * `docker commit`: a new image = the container's image + its writable layer as one more layer,
 * with the container's config (so `docker run -it ubuntu bash` then commit gives `Cmd ["bash"]`,
 * the classic surprise), `--change` lines applied on top, history `created_by` = the command.
 */
export interface CommitOptions {
  /** `repo[:tag]` to tag the new image with (`:latest` added). */
  reference?: string;
  message?: string;
  author?: string;
  changes?: readonly string[];
  now: number;
  sha256: Sha256Factory;
}

export async function commitContainer(store: Store, ref: string, options: CommitOptions): Promise<Digest> {
  // Validate the reference before doing any work: `invalid reference format` changes nothing.
  const key = options.reference === undefined ? undefined : refKey(options.reference);
  if (options.reference !== undefined) parseDockerRef(options.reference);
  const { record, image } = await store.read(async (tx) => {
    const found = await findContainer(tx, ref);
    return { record: found, image: await readContainerImage(tx, found.imageId) };
  });
  const state = readContainerState(record, options.now);
  const created = new Date(options.now).toISOString();
  const c = state.config;
  let config: ImageConfig = updateConfig(image.config, {
    Env: c.env,
    Cmd: c.cmd ?? undefined,
    Entrypoint: c.entrypoint !== null && c.entrypoint.length > 0 ? c.entrypoint : undefined,
    WorkingDir: c.workdir === '/' ? image.config.config.WorkingDir : c.workdir,
    User: c.user === '' ? undefined : c.user,
    ExposedPorts: c.exposedPorts.length > 0 ? Object.fromEntries(c.exposedPorts.map((p) => [p, {}])) : undefined,
    Labels: Object.keys(c.labels).length > 0 ? c.labels : undefined,
  });
  config = applyChanges(config, options.changes ?? []);
  const layer = record.writableLayer;
  const diffId = await diffIdOf(layer, options.sha256);
  const empty = layer.entries.length === 0 || diffId === EMPTY_LAYER_DIFF_ID;
  const history: HistoryEntry = {
    created,
    created_by: state.command.join(' '),
    ...(options.author ? { author: options.author } : {}),
    ...(options.message ? { comment: options.message } : {}),
    ...(empty ? { empty_layer: true } : {}),
  };
  config = withCreated(config, created);
  if (options.author) config = withAuthor(config, options.author);
  config = {
    ...config,
    rootfs: { type: 'layers', diff_ids: [...config.rootfs.diff_ids, ...(empty ? [] : [diffId])] },
    history: [...(config.history ?? []), history],
  };
  const encoded = await encodeImageConfig(config, options.sha256);
  const layers = await store.read(async (tx) => {
    const out = [];
    for (const id of image.config.rootfs.diff_ids) {
      const l = await tx.get('layers', id);
      if (l !== undefined) out.push({ diffId: id, changeSet: l.recipe });
    }
    return out;
  });
  if (!empty) layers.push({ diffId, changeSet: layer });
  return store.write(async (tx) => {
    const id = await storeImage(tx, { configBytes: encoded.bytes, config, layers, sha256: options.sha256 });
    if (key !== undefined) {
      await tx.put('refs', key, { imageId: id });
      const stored = await tx.get('images', id);
      if (stored !== undefined) await tx.put('images', id, { ...stored, lastTagTime: created });
    }
    return id;
  });
}
