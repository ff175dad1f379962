/**
 * Shared by the registry command tests: images built with the real engine into a testbed's store,
 * and a snapshot of a store to prove a failure changed nothing.
 */
import { build, createHub, createHubImageSource, createMemoryContext, HUB_FILES, type Hub, type Store } from '@/lib/engine';
import { type Digest, wasmSha256 } from '@/lib/util';

let hub: Hub | undefined;

/** `docker build -t <tags> .` over a memory context; returns the image ID. */
export async function buildImage(store: Store, dockerfile: string, files: Record<string, string>, tags: string[]): Promise<Digest> {
  hub ??= createHub({ files: HUB_FILES });
  const result = await build({ dockerfile, context: createMemoryContext(files), tags }, { store, sha256: wasmSha256, imageSource: createHubImageSource(hub, wasmSha256) });
  return result.imageId;
}

/** Every record of every kind, for before/after comparisons. */
export async function snapshot(store: Store): Promise<string> {
  const kinds = ['blobs', 'layers', 'images', 'refs', 'meta'] as const;
  const out: Record<string, string[]> = {};
  for (const kind of kinds) out[kind] = (await store.list(kind)).map(([key, value]) => `${key}=${value instanceof Uint8Array ? value.length : JSON.stringify(value).length}`);
  return JSON.stringify(out);
}
