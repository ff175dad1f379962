// A student's progress, kept in localStorage for now: which of the material's examples they built
// in the playground. Issue 7 (exercises) adds answered questions and may move this into the
// engine's store; until then this small module is the one place that reads and writes it.
// Tiny on purpose: the home page and lesson pages import it, and must stay light.

export const PROGRESS_KEY = 'layerlab.progress.v1';

export interface Progress {
  /** Example ids (content/examples/<id>) built successfully at least once. */
  builtExamples: string[];
}

/** What localStorage-like storage we need (tests pass a Map-backed one). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

function storage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // Storage disabled (privacy settings): progress is simply not kept.
  }
}

export function readProgress(store: KeyValueStorage | null = storage()): Progress {
  try {
    const value: unknown = JSON.parse(store?.getItem(PROGRESS_KEY) ?? 'null');
    const built = (value as Partial<Progress> | null)?.builtExamples;
    return { builtExamples: Array.isArray(built) ? built.filter((id): id is string => typeof id === 'string') : [] };
  } catch {
    return { builtExamples: [] };
  }
}

/** Records a successful build of an example; returns the new progress. */
export function recordBuiltExample(id: string, store: KeyValueStorage | null = storage()): Progress {
  const progress = readProgress(store);
  if (progress.builtExamples.includes(id)) return progress;
  const next = { builtExamples: [...progress.builtExamples, id].sort() };
  try {
    store?.setItem(PROGRESS_KEY, JSON.stringify(next));
  } catch {
    // Quota or disabled storage: progress is a convenience, the build itself succeeded.
  }
  return next;
}

/** How many of a lesson's examples were built. */
export function lessonProgress(examples: readonly string[], progress: Progress): { built: number; total: number } {
  const built = new Set(progress.builtExamples);
  return { built: examples.filter((id) => built.has(id)).length, total: examples.length };
}
