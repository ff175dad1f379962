import { EngineError } from '../errors';
import { createBufferedStore, type StoreBackend, type StoreChange } from './buffered-store';
import { formatQuotaMessage, isQuotaError } from './quota';
import { STORE_KINDS, type Store, type StoreKind } from './types';
import { cloneRecord, recordBytes } from './values';

export interface MemoryStoreOptions {
  /** Bytes the store may hold (blobs exactly, records roughly); beyond it a commit fails with 'quota'. */
  maxBytes?: number;
  /** Fault injection for tests: called before each change of a commit is applied; a throw fails the commit. */
  beforeChange?: (change: StoreChange, index: number) => void;
}

interface Entry {
  value: unknown;
  bytes: number;
}

type Tables = Record<StoreKind, Map<string, Entry>>;

/**
 * The store for tests and for the engine's own scratch work. Commits are copy-on-write: changes
 * go into copies of the affected tables, swapped in only once every change has applied, so a
 * failure midway (a thrown hook, the quota) leaves the previous tables untouched.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): Store {
  let tables = Object.fromEntries(STORE_KINDS.map((kind) => [kind, new Map<string, Entry>()])) as Tables;
  let usedBytes = 0;

  const backend: StoreBackend = {
    async get(kind, key) {
      const entry = tables[kind].get(key);
      // Hand out copies: a caller mutating what it read must not change the store.
      return entry === undefined ? undefined : cloneRecord(kind, entry.value as never);
    },
    async has(kind, key) {
      return tables[kind].has(key);
    },
    async keys(kind, prefix) {
      return [...tables[kind].keys()].filter((key) => key.startsWith(prefix)).sort();
    },
    async entries(kind, prefix) {
      const table = tables[kind];
      return (await backend.keys(kind, prefix)).map((key) => [key, cloneRecord(kind, (table.get(key) as Entry).value as never)] as [string, unknown]);
    },
    async commit(changes) {
      const next: Tables = { ...tables };
      const copied = new Set<StoreKind>();
      let nextUsed = usedBytes;
      changes.forEach((change, index) => {
        try {
          options.beforeChange?.(change, index);
        } catch (error) {
          // An injected quota failure reads like a real one: same code, same words.
          if (isQuotaError(error)) throw new EngineError('quota', formatQuotaMessage('the in-memory store'), { cause: error });
          throw error;
        }
        if (!copied.has(change.kind)) {
          next[change.kind] = new Map(tables[change.kind]);
          copied.add(change.kind);
        }
        const table = next[change.kind];
        nextUsed -= table.get(change.key)?.bytes ?? 0;
        if (change.op === 'delete') {
          table.delete(change.key);
        } else {
          // The buffered transaction already cloned the value; nobody else holds it.
          const bytes = recordBytes(change.value);
          table.set(change.key, { value: change.value, bytes });
          nextUsed += bytes;
        }
      });
      if (options.maxBytes !== undefined && nextUsed > options.maxBytes && nextUsed > usedBytes) {
        throw new EngineError('quota', formatQuotaMessage('the in-memory store', { usage: usedBytes, quota: options.maxBytes }));
      }
      tables = next;
      usedBytes = nextUsed;
    },
    async close() {},
  };
  return createBufferedStore(backend);
}
