/**
 * engine/store — where images live: one `Store` interface, three implementations, one contract.
 *
 * Records by kind (types.ts): `blobs` (bytes by digest: configs, manifests, small files),
 * `layers` (LayerRecord: a layer's change set by diffID; only a blob-backed layer — loaded from
 * another tool's archive, `tarBlob` set — also has its original tar, as the blob keyed by its
 * diffID), `images`
 * (ImageRecord by image ID), `refs` (normalized `name:tag` / `name@digest` → `{ imageId }`),
 * `buildCache` (cache key → BuildCacheRecord), `containers` (ContainerRecord by ID) and `meta`
 * (any plain value by name). Values are plain data plus Uint8Array; others are refused.
 *
 *   const image = await store.get('images', id);
 *   await store.write(async (tx) => {       // all of it commits, or none of it
 *     await tx.put('images', id, record);
 *     await tx.put('refs', 'docker.io/library/app:latest', { imageId: id });
 *   });
 *   const tags = await store.read((tx) => tx.keys('refs', { prefix: 'docker.io/library/app:' }));
 *
 * `read`/`write` run a function over a transaction (`get`, `has`, `keys`, `list`; writes add `put`
 * and `delete`). Writes run one at a time; a write's changes are buffered and committed at once
 * when its function returns, so it may await anything in between. A throw, a full quota
 * (EngineError 'quota', "no space left on device: …") or a crash leaves the previous state.
 *
 * Implementations: `createMemoryStore` (tests), `openIndexedDbStore` (the browser's worker;
 * versioned schema with migrations), `openDirectoryStore(io, dir)` (the Node CLI, over the
 * DirectoryIo that lib/cli/node-store.ts provides; write-ahead journal; one pack file per small
 * kind, so listing images is one read). `collectGarbage` removes
 * blobs and layer recipes that no image, cache record or extra root needs.
 */
export { collectGarbage, collectGarbageIn, type GarbageReport, type GarbageRoots } from './collect-garbage';
export type { DirectoryIo } from './directory-io';
export { KIND_DIRECTORIES, openDirectoryStore } from './directory-store';
export { DATABASE_EPOCH, databaseName, SCHEMA_VERSION } from './idb-schema';
export { deleteIndexedDbStore, openIndexedDbStore, type IndexedDbStoreOptions } from './idb-store';
export { createMemoryStore, type MemoryStoreOptions } from './memory-store';
export { formatQuotaMessage, type EstimateStorage, type StorageEstimate } from './quota';
export {
  STORE_KINDS,
  type BuildCacheRecord,
  type ContainerRecord,
  type ImageRecord,
  type LayerRecord,
  type ListOptions,
  type ReadTx,
  type RefRecord,
  type Store,
  type StoreKind,
  type StoreRecords,
  type WriteTx,
} from './types';
