import type { StorageState } from '@/app/_lib/engine/api';

/**
 * The browser's storage as the settings panel shows it, and "erase all my data": every IndexedDB
 * database Layerlab made. Engine stores are named `layerlab-v1/<name>` (lib/engine databaseName),
 * the lightning-fs file systems `layerlab-<name>`; all start with `layerlab`.
 */
export const DATABASE_PREFIX = 'layerlab';

/** The parts of `navigator.storage` the engine uses (`persist` exists only on a page, not in a worker). */
export interface StorageManagerLike {
  estimate?(): Promise<{ usage?: number; quota?: number }>;
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
}

export async function storageState(storage: StorageManagerLike | undefined): Promise<StorageState> {
  const [estimate, persisted] = await Promise.all([storage?.estimate?.().catch(() => undefined), storage?.persisted?.().catch(() => false)]);
  return { usage: estimate?.usage ?? 0, quota: estimate?.quota ?? 0, persisted: persisted ?? false };
}

/** The IndexedDB operations erasing needs (the worker's `indexedDB`, or fake-indexeddb in tests). */
export interface DatabasesLike {
  databases?(): Promise<{ name?: string }[]>;
  deleteDatabase(name: string): IDBOpenDBRequest;
}

/**
 * Deletes every Layerlab database: those the browser lists with our prefix, plus `known` ones
 * (for a browser without `indexedDB.databases()`). A database another tab still holds open is
 * deleted once that tab lets go (its store closes on `versionchange`).
 */
export async function deleteLayerlabDatabases(idb: DatabasesLike, known: readonly string[]): Promise<string[]> {
  const listed = (await idb.databases?.().catch(() => [])) ?? [];
  const names = [...new Set([...listed.map((db) => db.name ?? ''), ...known])].filter((name) => name.startsWith(DATABASE_PREFIX)).sort();
  for (const name of names) {
    await new Promise<void>((resolve, reject) => {
      const request = idb.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
    });
  }
  return names;
}
