import { wrap, type IDBPDatabase } from 'idb';
import { EngineError } from '../errors';
import { createBufferedStore, type StoreBackend, type StoreChange } from './buffered-store';
import { databaseName, OBJECT_STORES, SCHEMA_VERSION, upgradeSchema } from './idb-schema';
import { formatQuotaMessage, isQuotaError, safeEstimate, type EstimateStorage, type StorageEstimate } from './quota';
import type { Store } from './types';

export interface IndexedDbStoreOptions {
  /** Workspace name: one database each (default 'default'). */
  workspace?: string;
  /** The IndexedDB factory (default `globalThis.indexedDB`); tests pass fake-indexeddb's. */
  indexedDB?: IDBFactory;
  /** Key ranges of the same implementation as `indexedDB` (default `globalThis.IDBKeyRange`). */
  keyRange?: typeof IDBKeyRange;
  /** Figures for the quota message (default `navigator.storage.estimate` when it exists). */
  estimate?: EstimateStorage;
}

const QUOTA_WHAT = "the browser's storage quota for this site";

/**
 * The browser's store: one object store per record kind, one readwrite transaction per commit
 * (IndexedDB makes it all-or-nothing; a quota error aborts it and becomes EngineError 'quota').
 */
export async function openIndexedDbStore(options: IndexedDbStoreOptions = {}): Promise<Store> {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  const keyRange = options.keyRange ?? globalThis.IDBKeyRange;
  if (factory == null || keyRange == null) throw new EngineError('store', 'IndexedDB is not available in this environment');
  const estimate = options.estimate ?? defaultEstimate();
  let unusable: string | undefined;

  let db: IDBPDatabase<unknown>;
  try {
    db = await openDatabase(factory, databaseName(options.workspace ?? 'default'), {
      // Another tab opens a newer schema: let it upgrade rather than block it, and make this
      // tab's store refuse work so it cannot write the old shape into the new database.
      blocking: () => {
        unusable = 'the image store was upgraded by a newer Layerlab in another tab: reload this tab';
        db.close();
      },
      terminated: () => {
        unusable = 'the browser closed the image store (storage cleared?): reload this tab';
      },
    });
  } catch (error) {
    if (isQuotaError(error)) throw new EngineError('quota', formatQuotaMessage(QUOTA_WHAT, await safeEstimate(estimate)), { cause: error });
    throw new EngineError('store', `cannot open the image store: ${messageOf(error)}`, { cause: error });
  }

  const usable = (): IDBPDatabase<unknown> => {
    if (unusable !== undefined) throw new EngineError('store', unusable);
    return db;
  };
  const range = (prefix: string) => prefixRange(keyRange, prefix);

  const backend: StoreBackend = {
    // IDBObjectStore.put clones the value as it is called; a view of part of a larger buffer would
    // be stored with all of that buffer, so only whole ones go uncopied.
    putBytes: 'whole',
    get: (kind, key) => usable().get(OBJECT_STORES[kind], key),
    has: async (kind, key) => (await usable().count(OBJECT_STORES[kind], key)) > 0,
    keys: async (kind, prefix) => (await usable().getAllKeys(OBJECT_STORES[kind], range(prefix))) as string[],
    async entries(kind, prefix) {
      // Keys and values from one transaction, so they line up even while another tab writes.
      const store = usable().transaction(OBJECT_STORES[kind]).objectStore(OBJECT_STORES[kind]);
      const [keys, values] = await Promise.all([store.getAllKeys(range(prefix)), store.getAll(range(prefix))]);
      return keys.map((key, i) => [key as string, values[i]] as [string, unknown]);
    },
    async commit(changes) {
      try {
        await commitChanges(usable(), changes);
      } catch (error) {
        if (isQuotaError(error)) throw new EngineError('quota', formatQuotaMessage(QUOTA_WHAT, await safeEstimate(estimate)), { cause: error });
        if (error instanceof EngineError) throw error;
        throw new EngineError('store', `failed to write to the browser's storage: ${messageOf(error)}`, { cause: error });
      }
    },
    async close() {
      db.close();
    },
  };
  return createBufferedStore(backend);
}

/** Deletes a workspace's database ("reset the sandbox"). Close its store first. */
export async function deleteIndexedDbStore(options: Pick<IndexedDbStoreOptions, 'workspace' | 'indexedDB'> = {}): Promise<void> {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  await wrap(factory.deleteDatabase(databaseName(options.workspace ?? 'default')));
}

async function commitChanges(db: IDBPDatabase<unknown>, changes: readonly StoreChange[]): Promise<void> {
  const names = [...new Set(changes.map((change) => OBJECT_STORES[change.kind]))];
  const tx = db.transaction(names, 'readwrite');
  const requests: Promise<unknown>[] = [];
  try {
    for (const change of changes) {
      const store = tx.objectStore(OBJECT_STORES[change.kind]);
      requests.push(change.op === 'put' ? store.put(change.value, change.key) : store.delete(change.key));
    }
  } catch (error) {
    // A request refused synchronously (DataCloneError, QuotaExceededError): undo what was queued.
    try {
      tx.abort();
    } catch {
      // The transaction has already ended.
    }
    await Promise.allSettled([...requests, tx.done]);
    throw error;
  }
  // Every request rejects when the transaction aborts; `tx.done` carries the reason.
  for (const request of requests) request.catch(() => undefined);
  await tx.done;
}

/** Keys starting with `prefix`: [prefix, prefix with its last code unit incremented). */
function prefixRange(keyRange: typeof IDBKeyRange, prefix: string): IDBKeyRange | undefined {
  let end = prefix;
  while (end.endsWith('\uffff')) end = end.slice(0, -1);
  if (prefix === '') return undefined;
  if (end === '') return keyRange.lowerBound(prefix);
  const upper = end.slice(0, -1) + String.fromCharCode(end.charCodeAt(end.length - 1) + 1);
  return keyRange.bound(prefix, upper, false, true);
}

/**
 * idb's `openDB` over an injected factory (idb's own uses the global `indexedDB`, which a browser
 * does not let us swap). Same wiring: upgrade inside the versionchange transaction, then the
 * `versionchange` and `close` events of the open connection.
 */
async function openDatabase(factory: IDBFactory, name: string, on: { blocking: () => void; terminated: () => void }): Promise<IDBPDatabase<unknown>> {
  const request = factory.open(name, SCHEMA_VERSION);
  request.addEventListener('upgradeneeded', (event) => {
    if (request.transaction == null) return;
    const tx = wrap(request.transaction);
    // A failed migration aborts: openDB reports it, so the transaction's own rejection is noise.
    tx.done.catch(() => undefined);
    upgradeSchema(wrap(request.result) as IDBPDatabase<unknown>, event.oldVersion, tx as never);
  });
  const db = (await wrap(request)) as IDBPDatabase<unknown>;
  db.addEventListener('versionchange', on.blocking);
  db.addEventListener('close', on.terminated);
  return db;
}

function defaultEstimate(): EstimateStorage | undefined {
  const storage = (globalThis as { navigator?: { storage?: { estimate?: () => Promise<StorageEstimate> } } }).navigator?.storage;
  return storage?.estimate != null ? () => storage.estimate!() : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
