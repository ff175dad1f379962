/**
 * Test support for the image commands (not exported from index.ts): images built by the engine
 * from small Dockerfiles, then re-dated so CREATED columns and `until=` filters have something to
 * show, and container records as lib/engine/containers will write them.
 */
import {
  build,
  createHub,
  createHubImageSource,
  createMemoryContext,
  encodeImageConfig,
  HUB_FILES,
  parseImageConfig,
  refKey,
  storeImage,
  withCreated,
  type ImageConfig,
  type ImageSource,
  type Store,
} from '@/lib/engine';
import { wasmSha256, type Digest } from '@/lib/util';

let hubSource: ImageSource | undefined;

/** The built-in hub as a build's image source (alpine, nginx, …), made once per test file. */
export function hubImages(): ImageSource {
  hubSource ??= createHubImageSource(createHub({ files: HUB_FILES }), wasmSha256);
  return hubSource;
}

export interface SeedOptions {
  /** Dockerfile text; default `FROM scratch` + `COPY . /`. */
  readonly dockerfile?: string;
  readonly files?: Readonly<Record<string, string>>;
  readonly tags?: readonly string[];
  /** ISO time stamped on the config and every history entry. */
  readonly created?: string;
  readonly labels?: Readonly<Record<string, string>>;
}

/** Builds an image into `store`, optionally re-dated, tags it and returns its ID. */
export async function seedImage(store: Store, options: SeedOptions = {}): Promise<Digest> {
  const dockerfile = options.dockerfile ?? 'FROM scratch\nCOPY . /\n';
  const result = await build(
    { dockerfile, context: createMemoryContext(options.files ?? { 'hello.txt': 'hello\n' }), tags: [], ...(options.labels ? { labels: options.labels } : {}) },
    { store, sha256: wasmSha256, imageSource: hubImages() },
  );
  let id = result.imageId;
  if (options.created !== undefined) id = await redate(store, id, options.created);
  await store.write(async (tx) => {
    for (const tag of options.tags ?? []) await tx.put('refs', refKey(tag), { imageId: id });
  });
  return id;
}

/** The same image with another `created` time (a new config, so a new ID); the old record goes. */
async function redate(store: Store, id: Digest, created: string): Promise<Digest> {
  return store.write(async (tx) => {
    const record = await tx.get('images', id);
    const bytes = record && (await tx.get('blobs', record.configDigest));
    if (!record || !bytes) throw new Error(`no image ${id}`);
    const old = parseImageConfig(bytes);
    // The build's own steps (stamped with the epoch) get the new time; a hub base keeps its own.
    const own = (h: { created?: string }) => h.created === undefined || Date.parse(h.created) < Date.parse('2000-01-01T00:00:00Z');
    const config: ImageConfig = { ...withCreated(old, created), history: (old.history ?? []).map((h) => (own(h) ? { ...h, created } : h)) };
    const encoded = await encodeImageConfig(config, wasmSha256);
    const layers = [];
    for (const diffId of record.diffIds) {
      const layer = await tx.get('layers', diffId);
      if (!layer) throw new Error(`no layer ${diffId}`);
      layers.push({ diffId, changeSet: layer.recipe });
    }
    const newId = await storeImage(tx, { configBytes: encoded.bytes, config, layers, sha256: wasmSha256 });
    if (newId !== id && !(await tx.list('refs')).some(([, r]) => r.imageId === id)) await tx.delete('images', id);
    return newId;
  });
}

/** A container record of `imageId` in `status`, as lib/engine/containers stores them. */
export async function seedContainer(store: Store, imageId: Digest, options: { id?: string; name?: string; status?: string; command?: string[]; files?: Record<string, number> } = {}): Promise<string> {
  const id = options.id ?? `${Math.random().toString(16).slice(2).padEnd(12, '0')}`.repeat(6).slice(0, 64);
  const entries = Object.entries(options.files ?? {}).map(([path, size]) => ({ kind: 'file' as const, path, mode: 0o644, uid: 0, gid: 0, content: { kind: 'synthetic' as const, size, seed: path } }));
  await store.write((tx) =>
    tx.put('containers', id, {
      id,
      name: options.name ?? `c-${id.slice(0, 6)}`,
      imageId,
      created: '2026-11-28T11:00:00Z',
      writableLayer: { entries },
      state: { status: options.status ?? 'exited', command: options.command ?? ['/bin/sh'] },
    }),
  );
  return id;
}
