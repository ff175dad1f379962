// The instructor's course in the browser: IndexedDB database `layerlab-author` (idb), one record
// per course file. Seeded once from the built-in course the page was exported with; after that
// the browser's copy is the course until "Reset to the built-in course". Writes that replace
// the whole course (an import, a reset) run in one transaction: a failure (a full quota) leaves
// the previous course as it was.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

import { AUTHOR_DB } from '../../_lib/database-names';
const VERSION = 1;

interface AuthorDb extends DBSchema {
  files: { key: string; value: string };
  meta: { key: string; value: string | number };
}

export interface CourseStore {
  /** Every course file, path → text. */
  load(): Promise<Map<string, string>>;
  put(path: string, text: string): Promise<void>;
  remove(path: string): Promise<void>;
  /** Replaces the whole course at once (import, reset, lesson rename). */
  replaceAll(files: ReadonlyMap<string, string>): Promise<void>;
  close(): void;
}

async function replaceIn(db: IDBPDatabase<AuthorDb>, files: ReadonlyMap<string, string>, seeded: boolean): Promise<void> {
  const tx = db.transaction(['files', 'meta'], 'readwrite');
  const store = tx.objectStore('files');
  await store.clear();
  for (const [path, text] of files) void store.put(text, path);
  if (seeded) void tx.objectStore('meta').put(Date.now(), 'seeded');
  await tx.done;
}

/** Opens the store; the first time (no `seeded` mark) it is filled with `seed`. */
export async function openCourseStore(seed: Readonly<Record<string, string>>, name: string = AUTHOR_DB): Promise<CourseStore> {
  const db = await openDB<AuthorDb>(name, VERSION, {
    upgrade(database) {
      database.createObjectStore('files');
      database.createObjectStore('meta');
    },
    // "Erase all my data" in another tab deletes this database: let it go rather than block it.
    blocking() {
      db.close();
    },
  });
  if ((await db.get('meta', 'seeded')) === undefined) await replaceIn(db, new Map(Object.entries(seed)), true);
  return {
    async load() {
      const tx = db.transaction('files');
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      await tx.done;
      return new Map(keys.map((key, i) => [key, values[i] ?? '']));
    },
    async put(path, text) {
      await db.put('files', text, path);
    },
    async remove(path) {
      await db.delete('files', path);
    },
    replaceAll: (files) => replaceIn(db, files, true),
    close: () => db.close(),
  };
}
