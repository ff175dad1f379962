import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { StoreKind } from './types';

/**
 * The IndexedDB layout and its migrations (in the manner of tldraw's LocalIndexedDb: a versioned
 * database name, one upgrade function, a migration test per step).
 *
 * Two version numbers, for two kinds of change:
 * - DATABASE_EPOCH is part of the database name. Bumping it starts every workspace afresh in a new
 *   database — only for a change no migration can carry (then delete the old databases).
 * - SCHEMA_VERSION is IndexedDB's own version. Bump it and add a step to `upgradeSchema` for any
 *   change to object stores or to the shape of stored records; the test opens a database of every
 *   older version and checks the data came through.
 */
export const DATABASE_EPOCH = 'layerlab-v1';
export const SCHEMA_VERSION = 2;

/** One database per workspace, so resetting a workspace is deleting its database. */
export function databaseName(workspace: string): string {
  return `${DATABASE_EPOCH}/${workspace}`;
}

/** Object store per record kind (version 2 onwards). */
export const OBJECT_STORES: Readonly<Record<StoreKind, string>> = {
  blobs: 'blobs',
  layers: 'layers',
  images: 'images',
  refs: 'refs',
  buildCache: 'build-cache',
  containers: 'containers',
  meta: 'meta',
};

/**
 * Version 1 (the first prototype) had a `cache` store for build cache records and kept refs as
 * bare image ID strings. Version 2 renames `cache` to `build-cache` and stores refs as
 * `{ imageId }` records, so a ref can carry more than the ID later without another rewrite.
 */
export const V1_OBJECT_STORES = ['blobs', 'layers', 'images', 'refs', 'cache', 'containers', 'meta'] as const;

type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/**
 * idb's `upgrade` callback. It runs inside the versionchange transaction, which stays alive only
 * while IndexedDB requests are pending, so migrations await nothing but requests of `tx`. A failed
 * migration aborts the transaction: the database stays at its old version with its data.
 */
export function upgradeSchema(db: IDBPDatabase<unknown>, oldVersion: number, tx: UpgradeTx): void {
  if (oldVersion === 0) {
    for (const name of Object.values(OBJECT_STORES)) db.createObjectStore(name);
    return;
  }
  const steps: Promise<void>[] = [];
  if (oldVersion < 2) steps.push(migrateV1ToV2(db, tx));
  Promise.all(steps).catch(() => {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: openDB rejects with the transaction's error either way.
    }
  });
}

async function migrateV1ToV2(db: IDBPDatabase<unknown>, tx: UpgradeTx): Promise<void> {
  const buildCache = db.createObjectStore(OBJECT_STORES.buildCache);
  for (let cursor = await tx.objectStore('cache').openCursor(); cursor != null; cursor = await cursor.continue()) {
    await buildCache.put(cursor.value, cursor.key);
  }
  db.deleteObjectStore('cache');

  const refs = tx.objectStore(OBJECT_STORES.refs);
  for (let cursor = await refs.openCursor(); cursor != null; cursor = await cursor.continue()) {
    const value: unknown = cursor.value;
    if (typeof value === 'string') await cursor.update({ imageId: value });
  }
}
