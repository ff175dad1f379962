import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isEngineError } from '../errors';
import { collectGarbage } from './collect-garbage';
import { databaseName, OBJECT_STORES, SCHEMA_VERSION, V1_OBJECT_STORES } from './idb-schema';
import { deleteIndexedDbStore, openIndexedDbStore } from './idb-store';
import { describeStoreContract } from './store-contract';
import { digest, dumpStore, image, putSamples } from './store-contract-fixtures';

/**
 * Fault injection: IndexedDB's put and delete throw a DOMException once armed, as Chrome's put
 * does synchronously when a value alone exceeds the quota. (A quota error found at commit time
 * arrives instead as the transaction's abort reason; both take the same path to EngineError.)
 */
let fault: { left: number; kind: 'quota' | 'io' } | undefined;
function injected(): void {
  if (fault === undefined || fault.left-- > 0) return;
  const { kind } = fault;
  fault = undefined;
  throw kind === 'quota' ? new DOMException('The quota has been exceeded.', 'QuotaExceededError') : new DOMException('injected', 'UnknownError');
}
const { put, delete: remove } = IDBObjectStore.prototype;
beforeAll(() => {
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    injected();
    return put.apply(this, args);
  });
  vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (this: IDBObjectStore, ...args) {
    injected();
    return remove.apply(this, args);
  });
});
afterAll(() => vi.restoreAllMocks());

describeStoreContract('IndexedDB (fake-indexeddb)', async () => {
  // A fresh factory per test: a private set of databases, nothing shared between tests.
  const factory = new IDBFactory();
  fault = undefined;
  const open = () => openIndexedDbStore({ indexedDB: factory, workspace: 'contract', estimate: async () => ({ usage: 9e6, quota: 1e7 }) });
  const harness = {
    store: await open(),
    reopen: async () => {
      await harness.store.close();
      return (harness.store = await open());
    },
    failNextCommit: (next: { index: number; kind: 'quota' | 'io' } | null) => {
      fault = next == null ? undefined : { left: next.index, kind: next.kind };
    },
  };
  return harness;
});

describe('IndexedDB store', () => {
  it('names the database by epoch and workspace, and keeps workspaces apart', async () => {
    const factory = new IDBFactory();
    const a = await openIndexedDbStore({ indexedDB: factory, workspace: 'lesson-1' });
    const b = await openIndexedDbStore({ indexedDB: factory, workspace: 'lesson-2' });
    await a.write((tx) => tx.put('meta', 'k', 'a'));
    expect(await b.get('meta', 'k')).toBeUndefined();
    expect((await factory.databases()).map((d) => [d.name, d.version]).sort()).toEqual([
      ['layerlab-v1/lesson-1', SCHEMA_VERSION],
      ['layerlab-v1/lesson-2', SCHEMA_VERSION],
    ]);
    await Promise.all([a.close(), b.close()]);
    await deleteIndexedDbStore({ indexedDB: factory, workspace: 'lesson-1' });
    expect((await factory.databases()).map((d) => d.name)).toEqual(['layerlab-v1/lesson-2']);
  });

  it('says how full the quota is, from navigator.storage.estimate', async () => {
    const store = await openIndexedDbStore({ indexedDB: new IDBFactory(), estimate: async () => ({ usage: 48_200_000, quota: 50_000_000 }) });
    fault = { left: 0, kind: 'quota' };
    const error = await store.write((tx) => tx.put('meta', 'k', 1)).catch((e: unknown) => e);
    expect(isEngineError(error, 'quota')).toBe(true);
    expect((error as Error).message).toBe("no space left on device: the browser's storage quota for this site is full (used 48.2MB of 50MB)");
    await store.close();
  });

  it('upgrades a version 1 database to the current schema with its data', async () => {
    const factory = new IDBFactory();
    await createV1Database(factory, databaseName('old'));
    const store = await openIndexedDbStore({ indexedDB: factory, workspace: 'old' });
    expect(await store.get('refs', 'docker.io/library/app:latest')).toEqual({ imageId: digest(1) });
    expect(await store.get('refs', 'docker.io/library/app:v1')).toEqual({ imageId: digest(1) });
    expect(await store.get('buildCache', 'key-1')).toEqual({ result: { diffId: digest(2) }, created: 't0', lastUsed: 't1' });
    expect(await store.get('images', digest(1))).toEqual(image(1, { config: 3, manifest: 4, diffIds: [2] }));
    expect(await store.get('blobs', digest(3))).toEqual(new Uint8Array([1, 2, 3]));
    expect(await store.get('meta', 'settings')).toEqual({ theme: 'dark' });
    // The upgraded database works as a current one, GC included.
    expect((await collectGarbage(store)).blobs).toEqual([digest(9)]);
    await putSamples(store);
    expect((await dumpStore(store)).refs).toHaveLength(2);
    await store.close();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(databaseName('old'));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect([db.version, [...db.objectStoreNames].sort()]).toEqual([SCHEMA_VERSION, Object.values(OBJECT_STORES).sort()]);
    db.close();
  });

  it('leaves a version 1 database untouched when its migration fails', async () => {
    const factory = new IDBFactory();
    await createV1Database(factory, databaseName('broken'));
    fault = { left: 0, kind: 'io' };
    await expect(openIndexedDbStore({ indexedDB: factory, workspace: 'broken' })).rejects.toSatisfy((e: unknown) => isEngineError(e, 'store'));
    expect((await factory.databases()).find((d) => d.name === databaseName('broken'))?.version).toBe(1);
    const store = await openIndexedDbStore({ indexedDB: factory, workspace: 'broken' });
    expect(await store.get('buildCache', 'key-1')).toBeDefined();
    await store.close();
  });

  it('makes a tab blocking a newer schema step aside instead of writing the old shape', async () => {
    const factory = new IDBFactory();
    const store = await openIndexedDbStore({ indexedDB: factory, workspace: 'tabs' });
    await new Promise<void>((resolve, reject) => {
      const request = factory.open(databaseName('tabs'), SCHEMA_VERSION + 1);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    await expect(store.get('meta', 'k')).rejects.toThrow(/upgraded by a newer Layerlab in another tab/);
  });
});

/** A database as version 1 (the first prototype schema, idb-schema.ts) wrote it. */
async function createV1Database(factory: IDBFactory, name: string): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => {
      for (const store of V1_OBJECT_STORES) request.result.createObjectStore(store);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction([...V1_OBJECT_STORES], 'readwrite');
  tx.objectStore('refs').put(digest(1), 'docker.io/library/app:latest');
  tx.objectStore('refs').put(digest(1), 'docker.io/library/app:v1');
  tx.objectStore('cache').put({ result: { diffId: digest(2) }, created: 't0', lastUsed: 't1' }, 'key-1');
  tx.objectStore('images').put(image(1, { config: 3, manifest: 4, diffIds: [2] }), digest(1));
  tx.objectStore('blobs').put(new Uint8Array([1, 2, 3]), digest(3));
  tx.objectStore('blobs').put(new Uint8Array([4]), digest(4));
  tx.objectStore('blobs').put(new Uint8Array([9]), digest(9));
  tx.objectStore('layers').put({ diffId: digest(2), size: 1, parentChainId: null, recipe: { entries: [] } }, digest(2));
  tx.objectStore('meta').put({ theme: 'dark' }, 'settings');
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

describe('IndexedDB store: listing', () => {
  it('lists a kind with one getAll, also inside a write that changed it, never one get per record', async () => {
    const store = await openIndexedDbStore({ indexedDB: new IDBFactory(), workspace: 'listing' });
    await store.write(async (tx) => {
      for (let i = 0; i < 50; i++) await tx.put('images', digest(i), image(i, { config: i, manifest: i, diffIds: [] }));
    });
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    try {
      expect(await store.list('images')).toHaveLength(50);
      const inWrite = await store.write(async (tx) => {
        await tx.delete('images', digest(0));
        await tx.put('images', digest(99), image(99, { config: 1, manifest: 1, diffIds: [] }));
        return tx.list('images');
      });
      expect(inWrite.map(([key]) => key)).toEqual([...Array.from({ length: 49 }, (_, i) => digest(i + 1)), digest(99)]);
      expect(inWrite.at(-1)?.[1].id).toBe(digest(99));
      expect(getAll).toHaveBeenCalledTimes(2);
      expect(get).not.toHaveBeenCalled();
    } finally {
      get.mockRestore();
      getAll.mockRestore();
      await store.close();
    }
  });
});
