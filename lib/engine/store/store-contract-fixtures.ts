import { STORE_KINDS, type Digest, type ImageRecord, type Store, type StoreKind, type StoreRecords } from './types';

/** Fixtures and helpers of the store contract suite (store-contract.ts). */

export function digest(n: number): Digest {
  return `sha256:${n.toString(16).padStart(64, '0')}`;
}

export function bytes(...values: number[]): Uint8Array {
  return new Uint8Array(values);
}

/** One sample record per kind, with a key that exercises file-name escaping. */
export const SAMPLES: { [K in StoreKind]: [string, StoreRecords[K]] } = {
  blobs: [digest(1), bytes(123, 34, 97, 34, 125)],
  layers: [digest(2), { diffId: digest(2), size: 1024, parentChainId: null, recipe: { entries: [{ kind: 'file', path: 'app/x', mode: 0o644, uid: 0, gid: 0, content: { kind: 'bytes', bytes: bytes(1, 2, 3) } }] } }],
  images: [digest(3), image(3, { config: 4, manifest: 5, diffIds: [2] })],
  refs: ['docker.io/library/app:latest', { imageId: digest(3) }],
  buildCache: ['sha256:cachekey/COPY app.py', { result: { diffId: digest(2), state: { env: ['A=1'] } }, created: '2024-01-01T00:00:00Z', lastUsed: '2024-01-02T00:00:00Z' }],
  containers: ['c0ffee', { id: 'c0ffee', name: 'happy_turing', imageId: digest(3), created: '2024-01-01T00:00:00Z', writableLayer: { entries: [{ kind: 'whiteout', path: 'tmp/x' }] }, state: { status: 'exited', exitCode: 0 } }],
  meta: ['schema', { version: 1, settings: { theme: 'dark', builder: null, flags: [true, false] } }],
};

export function image(n: number, parts: { config: number; manifest: number; index?: number; diffIds: number[] }): ImageRecord {
  return {
    id: digest(n),
    configDigest: digest(parts.config),
    manifests: { 'linux/amd64': digest(parts.manifest) },
    ...(parts.index !== undefined ? { indexDigest: digest(parts.index) } : {}),
    diffIds: parts.diffIds.map(digest),
    created: '2024-01-01T00:00:00Z',
    size: 1000 * parts.diffIds.length,
  };
}

export type Dump = Record<StoreKind, [string, unknown][]>;

/** Everything in a store, for "the state is exactly what it was" assertions. */
export async function dumpStore(store: Store): Promise<Dump> {
  return store.read(async (tx) => {
    const dump = {} as Dump;
    for (const kind of STORE_KINDS) dump[kind] = await tx.list(kind);
    return dump;
  });
}

/** Puts every sample record in one transaction. */
export async function putSamples(store: Store): Promise<void> {
  await store.write(async (tx) => {
    for (const kind of STORE_KINDS) {
      const [key, value] = SAMPLES[kind];
      await tx.put(kind, key, value as never);
    }
  });
}

/** Resolves after a few turns of the event loop, letting other async work run meanwhile. */
export function settle(turns = 5): Promise<void> {
  return turns <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(() => void settle(turns - 1).then(resolve), 0));
}

export function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  if (a === undefined || a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
