import { EngineError, isEngineError } from '../errors';
import { StoreLock } from './store-lock';
import { STORE_KINDS, type ListOptions, type Store, type StoreKind, type StoreRecords, type WriteTx } from './types';
import { assertKey, cloneRecord, type ByteSharing } from './values';

/** One change of a commit. A commit holds at most one change per (kind, key). */
export type StoreChange = { op: 'put'; kind: StoreKind; key: string; value: unknown } | { op: 'delete'; kind: StoreKind; key: string };

/**
 * What an implementation provides. The transaction logic lives once, in `createBufferedStore`:
 * a write transaction buffers its changes in memory and hands them to `commit` in one call, so a
 * caller may await anything between two puts (hashing, the hub) — an IndexedDB transaction would
 * auto-commit across such an await — and the backend needs only an all-or-nothing `commit`.
 */
export interface StoreBackend {
  /** A value the caller may keep and mutate (a fresh copy), or undefined. */
  get(kind: StoreKind, key: string): Promise<unknown>;
  has(kind: StoreKind, key: string): Promise<boolean>;
  /** Sorted keys starting with `prefix`. */
  keys(kind: StoreKind, prefix: string): Promise<string[]>;
  /** Sorted entries starting with `prefix`, when the backend can read them faster than one by one. */
  entries?(kind: StoreKind, prefix: string): Promise<[string, unknown][]>;
  /** Applies every change or none; rejects (preferably with an EngineError) on failure. */
  commit(changes: readonly StoreChange[]): Promise<void>;
  /**
   * Byte arrays a put may hand to `commit` uncopied (values.ts `ByteSharing`), because the commit
   * copies or writes them out before it returns and keeps no reference (default `copy`).
   */
  readonly putBytes?: ByteSharing;
  close(): Promise<void>;
}

export function createBufferedStore(backend: StoreBackend): Store {
  const lock = new StoreLock();
  let closed = false;
  const assertOpen = () => {
    if (closed) throw new EngineError('store', 'the image store is closed');
  };

  const store: Store = {
    async read(fn) {
      assertOpen();
      return lock.shared(async () => {
        const tx = new BufferedTx(backend, false);
        try {
          return await fn(tx);
        } finally {
          tx.seal();
        }
      });
    },
    async write(fn) {
      assertOpen();
      return lock.serializeWrite(async () => {
        assertOpen();
        const tx = new BufferedTx(backend, true);
        let result;
        try {
          result = await fn(tx);
        } finally {
          // A transaction leaked out of `fn` must not keep writing into a buffer nobody commits.
          tx.seal();
        }
        const changes = tx.changes();
        if (changes.length > 0) await lock.exclusive(() => commitOrWrap(backend, changes));
        return result;
      });
    },
    get(kind, key) {
      return store.read((tx) => tx.get(kind, key));
    },
    list(kind, options) {
      return store.read((tx) => tx.list(kind, options));
    },
    async close() {
      if (closed) return;
      closed = true;
      await lock.serializeWrite(() => backend.close());
    },
  };
  return store;
}

async function commitOrWrap(backend: StoreBackend, changes: readonly StoreChange[]): Promise<void> {
  try {
    await backend.commit(changes);
  } catch (error) {
    if (isEngineError(error)) throw error;
    throw new EngineError('store', `failed to write to the image store: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

type Pending = { value: unknown } | null;

class BufferedTx implements WriteTx {
  private readonly pending = new Map<StoreKind, Map<string, Pending>>();
  private sealed = false;

  constructor(
    private readonly backend: StoreBackend,
    private readonly writable: boolean,
  ) {}

  seal(): void {
    this.sealed = true;
  }

  changes(): StoreChange[] {
    const out: StoreChange[] = [];
    for (const [kind, byKey] of this.pending) {
      for (const [key, entry] of byKey) out.push(entry == null ? { op: 'delete', kind, key } : { op: 'put', kind, key, value: entry.value });
    }
    return out;
  }

  async get<K extends StoreKind>(kind: K, key: string): Promise<StoreRecords[K] | undefined> {
    this.check(kind, key);
    const entry = this.pending.get(kind)?.get(key);
    if (entry !== undefined) return entry == null ? undefined : cloneRecord(kind, entry.value as StoreRecords[K]);
    return (await this.backend.get(kind, key)) as StoreRecords[K] | undefined;
  }

  async has(kind: StoreKind, key: string): Promise<boolean> {
    this.check(kind, key);
    const entry = this.pending.get(kind)?.get(key);
    return entry !== undefined ? entry != null : this.backend.has(kind, key);
  }

  async keys(kind: StoreKind, options?: ListOptions): Promise<string[]> {
    this.check(kind);
    const prefix = options?.prefix ?? '';
    const committed = await this.backend.keys(kind, prefix);
    const byKey = this.pending.get(kind);
    if (byKey == null || byKey.size === 0) return committed;
    const keys = new Set(committed);
    for (const [key, entry] of byKey) {
      if (!key.startsWith(prefix)) continue;
      if (entry == null) keys.delete(key);
      else keys.add(key);
    }
    // Default sort compares UTF-16 code units, the order IndexedDB keeps keys in.
    return [...keys].sort();
  }

  async list<K extends StoreKind>(kind: K, options?: ListOptions): Promise<[string, StoreRecords[K]][]> {
    this.check(kind);
    const prefix = options?.prefix ?? '';
    const byKey = this.pending.get(kind);
    if (this.backend.entries != null) {
      // One backend read (one getAll, one pack), with this transaction's own changes laid over it.
      const committed = (await this.backend.entries(kind, prefix)) as [string, StoreRecords[K]][];
      if (byKey == null || byKey.size === 0) return committed;
      const merged = new Map(committed);
      for (const [key, entry] of byKey) {
        if (!key.startsWith(prefix)) continue;
        if (entry == null) merged.delete(key);
        else merged.set(key, cloneRecord(kind, entry.value as StoreRecords[K]));
      }
      return [...merged].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    }
    const entries: [string, StoreRecords[K]][] = [];
    for (const key of await this.keys(kind, options)) {
      const value = await this.get(kind, key);
      if (value !== undefined) entries.push([key, value]);
    }
    return entries;
  }

  async put<K extends StoreKind>(kind: K, key: string, value: StoreRecords[K]): Promise<void> {
    this.check(kind, key);
    this.byKind(kind).set(key, { value: cloneRecord(kind, value, this.backend.putBytes) });
  }

  async delete(kind: StoreKind, key: string): Promise<boolean> {
    const existed = await this.has(kind, key);
    this.byKind(kind).set(key, null);
    return existed;
  }

  private byKind(kind: StoreKind): Map<string, Pending> {
    if (this.sealed) throw new EngineError('store', 'this store transaction has already finished');
    if (!this.writable) throw new EngineError('store', 'cannot write in a read transaction');
    let byKey = this.pending.get(kind);
    if (byKey == null) this.pending.set(kind, (byKey = new Map()));
    return byKey;
  }

  private check(kind: StoreKind, key?: string): void {
    if (this.sealed) throw new EngineError('store', 'this store transaction has already finished');
    if (!STORE_KINDS.includes(kind)) throw new EngineError('store', `unknown record kind ${JSON.stringify(kind)}`);
    if (key !== undefined) assertKey(kind, key);
  }
}
