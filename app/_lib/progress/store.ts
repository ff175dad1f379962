// The one open progress store of this page: IndexedDB when the browser allows it, else memory.
// Opening it also copies the example progress the playground keeps in localStorage into it (the
// localStorage key stays, so nothing is lost and older pages still read it).
import { createMemoryBackend, openIndexedDbBackend, type ProgressBackend } from './backend';
import { readProgress } from './examples';

let opening: Promise<ProgressBackend> | null = null;

async function open(): Promise<ProgressBackend> {
  let backend: ProgressBackend;
  try {
    backend = await openIndexedDbBackend(() => {
      opening = null;
    });
  } catch (error) {
    console.info('Layerlab keeps progress in memory only: IndexedDB is not available.', error);
    backend = createMemoryBackend();
  }
  await syncBuiltExamples(backend);
  return backend;
}

/** The progress store, opened on first use. */
export function progressBackend(): Promise<ProgressBackend> {
  opening ??= open();
  return opening;
}

/** Copies examples recorded in localStorage into the store; returns how many were new. */
export async function syncBuiltExamples(backend: ProgressBackend): Promise<number> {
  const { builtExamples } = readProgress();
  if (builtExamples.length === 0) return 0;
  try {
    return await backend.addExamples(builtExamples);
  } catch {
    return 0; // A full disk: the ids are still in localStorage and are read from there.
  }
}

/** Where progress is kept: `memory` means it is gone when the tab closes. */
export async function progressStorageKind(): Promise<ProgressBackend['kind']> {
  return (await progressBackend()).kind;
}

/** Closes the store so the next call opens it again (tests, and after the database was deleted). */
export async function closeProgressStore(): Promise<void> {
  const current = opening;
  opening = null;
  (await current?.catch(() => null))?.close();
}
