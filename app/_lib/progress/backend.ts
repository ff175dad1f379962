// Where progress is kept: the IndexedDB database `layerlab-progress` (through idb), or, when the
// browser refuses IndexedDB (private modes, disabled storage), a small in-memory copy that lasts
// as long as the tab. Both take the same calls; every write is one transaction, so a quota error
// leaves what was stored before exactly as it was.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { ProgressError, type Attempt, type HintRecord, type ProgressData } from './types';

import { PROGRESS_DB } from '../database-names';
const VERSION = 1;

export interface ProgressBackend {
  readonly kind: 'indexeddb' | 'memory';
  /** Stores a new attempt; moves `at` forward by a millisecond while the key is taken. */
  addAttempt(attempt: Attempt): Promise<Attempt>;
  /** Attempts in the order they were made, of one exercise or of all. */
  attempts(exerciseId?: string): Promise<Attempt[]>;
  /** Replaces a stored attempt (same exerciseId and at). */
  putAttempt(attempt: Attempt): Promise<void>;
  hints(exerciseId?: string): Promise<HintRecord[]>;
  putHints(record: HintRecord): Promise<void>;
  examples(): Promise<string[]>;
  /** Adds the examples not there yet; returns how many were new. */
  addExamples(ids: readonly string[]): Promise<number>;
  /** Adds what is not there yet, in one transaction: attempts by key, hints by maximum, examples by id. */
  merge(data: ProgressData): Promise<{ attempts: number; hints: number; examples: number }>;
  clear(): Promise<void>;
  close(): void;
}

interface ProgressSchema extends DBSchema {
  attempts: { key: [string, number]; value: Attempt; indexes: { exerciseId: string; at: number } };
  hints: { key: string; value: HintRecord };
  examples: { key: string; value: { id: string } };
}

const byTime = (a: Attempt, b: Attempt) => a.at - b.at || a.exerciseId.localeCompare(b.exerciseId);

/** The browser's words for a write it refused, turned into ours. */
export function toProgressError(error: unknown): ProgressError {
  if (error instanceof ProgressError) return error;
  for (let e = error, depth = 0; e != null && typeof e === 'object' && depth < 5; depth++) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    if (name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message))) {
      return new ProgressError(
        'quota',
        'Your browser’s storage for this site is full, so this was not saved. Everything saved before is still there. Export your progress or free space under Storage in the playground, then try again.',
        { cause: error },
      );
    }
    e = (e as { cause?: unknown }).cause;
  }
  const text = error instanceof Error ? error.message : String(error);
  return new ProgressError('storage', `Progress could not be saved: ${text}`, { cause: error });
}

async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw toProgressError(error);
  }
}

/** Opens the database; `onClosed` runs when another tab deletes or upgrades it (the caller reopens). */
export async function openIndexedDbBackend(onClosed: () => void = () => {}): Promise<ProgressBackend> {
  if (typeof indexedDB === 'undefined' || indexedDB == null) throw new ProgressError('storage', 'IndexedDB is not available');
  const db: IDBPDatabase<ProgressSchema> = await openDB<ProgressSchema>(PROGRESS_DB, VERSION, {
    upgrade(database) {
      const attempts = database.createObjectStore('attempts', { keyPath: ['exerciseId', 'at'] });
      attempts.createIndex('exerciseId', 'exerciseId');
      attempts.createIndex('at', 'at');
      database.createObjectStore('hints', { keyPath: 'exerciseId' });
      database.createObjectStore('examples', { keyPath: 'id' });
    },
    // Another tab deletes or upgrades the database ("erase all my data"): let it, reopen on the next call.
    blocking() {
      db.close();
      onClosed();
    },
    terminated: onClosed,
  });

  type StoreName = 'attempts' | 'hints' | 'examples';
  type Tx = IDBPTransaction<ProgressSchema, StoreName[], 'readwrite'>;
  /** One readwrite transaction; any failure aborts it, so a write is all or nothing. */
  const write = <T>(stores: StoreName[], body: (tx: Tx) => Promise<T>): Promise<T> =>
    guarded(async () => {
      const tx = db.transaction(stores, 'readwrite');
      try {
        const result = await body(tx);
        await tx.done;
        return result;
      } catch (error) {
        try {
          tx.abort();
        } catch {
          // Already finished or aborted by the browser (a quota failure aborts it).
        }
        await tx.done.catch(() => undefined);
        throw error;
      }
    });

  return {
    kind: 'indexeddb',
    addAttempt: (attempt) =>
      write(['attempts'], async (tx) => {
        const store = tx.objectStore('attempts');
        let at = attempt.at;
        while ((await store.getKey([attempt.exerciseId, at])) !== undefined) at += 1;
        const stored = { ...attempt, at };
        await store.add(stored);
        return stored;
      }),
    async attempts(exerciseId) {
      const list = exerciseId === undefined ? await db.getAllFromIndex('attempts', 'at') : await db.getAllFromIndex('attempts', 'exerciseId', exerciseId);
      return list.sort(byTime);
    },
    putAttempt: (attempt) => write(['attempts'], async (tx) => void (await tx.objectStore('attempts').put(attempt))),
    async hints(exerciseId) {
      if (exerciseId === undefined) return db.getAll('hints');
      const record = await db.get('hints', exerciseId);
      return record ? [record] : [];
    },
    putHints: (record) => write(['hints'], async (tx) => void (await tx.objectStore('hints').put(record))),
    async examples() {
      return (await db.getAllKeys('examples')).sort();
    },
    addExamples: (ids) =>
      write(['examples'], async (tx) => {
        const store = tx.objectStore('examples');
        let added = 0;
        for (const id of new Set(ids)) {
          if ((await store.getKey(id)) !== undefined) continue;
          await store.add({ id });
          added += 1;
        }
        return added;
      }),
    merge: (data) =>
      write(['attempts', 'hints', 'examples'], async (tx) => {
        const counts = { attempts: 0, hints: 0, examples: 0 };
        const attempts = tx.objectStore('attempts');
        for (const attempt of data.attempts) {
          if ((await attempts.getKey([attempt.exerciseId, attempt.at])) !== undefined) continue;
          await attempts.add(attempt);
          counts.attempts += 1;
        }
        const hints = tx.objectStore('hints');
        for (const record of data.hints) {
          const current = await hints.get(record.exerciseId);
          if (current && current.hintsShown >= record.hintsShown) continue;
          await hints.put(record);
          counts.hints += 1;
        }
        const examples = tx.objectStore('examples');
        for (const id of new Set(data.examples)) {
          if ((await examples.getKey(id)) !== undefined) continue;
          await examples.add({ id });
          counts.examples += 1;
        }
        return counts;
      }),
    clear: () =>
      write(['attempts', 'hints', 'examples'], async (tx) => {
        await Promise.all([tx.objectStore('attempts').clear(), tx.objectStore('hints').clear(), tx.objectStore('examples').clear()]);
      }),
    close: () => db.close(),
  };
}

/** Progress kept in this tab only, for browsers without IndexedDB. */
export function createMemoryBackend(): ProgressBackend {
  const attempts = new Map<string, Attempt>();
  const hints = new Map<string, HintRecord>();
  const examples = new Set<string>();
  const key = (exerciseId: string, at: number) => JSON.stringify([exerciseId, at]);
  const copy = <T>(value: T): T => structuredClone(value);
  return {
    kind: 'memory',
    async addAttempt(attempt) {
      let at = attempt.at;
      while (attempts.has(key(attempt.exerciseId, at))) at += 1;
      const stored = { ...copy(attempt), at };
      attempts.set(key(stored.exerciseId, at), stored);
      return copy(stored);
    },
    async attempts(exerciseId) {
      return [...attempts.values()].filter((a) => exerciseId === undefined || a.exerciseId === exerciseId).sort(byTime).map(copy);
    },
    async putAttempt(attempt) {
      attempts.set(key(attempt.exerciseId, attempt.at), copy(attempt));
    },
    async hints(exerciseId) {
      return [...hints.values()].filter((h) => exerciseId === undefined || h.exerciseId === exerciseId).map(copy);
    },
    async putHints(record) {
      hints.set(record.exerciseId, copy(record));
    },
    async examples() {
      return [...examples].sort();
    },
    async addExamples(ids) {
      const before = examples.size;
      for (const id of ids) examples.add(id);
      return examples.size - before;
    },
    async merge(data) {
      const counts = { attempts: 0, hints: 0, examples: 0 };
      for (const attempt of data.attempts) {
        if (attempts.has(key(attempt.exerciseId, attempt.at))) continue;
        attempts.set(key(attempt.exerciseId, attempt.at), copy(attempt));
        counts.attempts += 1;
      }
      for (const record of data.hints) {
        if ((hints.get(record.exerciseId)?.hintsShown ?? -1) >= record.hintsShown) continue;
        hints.set(record.exerciseId, copy(record));
        counts.hints += 1;
      }
      counts.examples = await this.addExamples(data.examples);
      return counts;
    },
    async clear() {
      attempts.clear();
      hints.clear();
      examples.clear();
    },
    close() {},
  };
}
