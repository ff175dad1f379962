// The IndexedDB databases the pages keep beside the engine's, named once: their owners open them,
// and "Erase all my data" (app/_worker/engine.ts) deletes them.

/** Answers, hints, built examples and review cards (app/_lib/progress). */
export const PROGRESS_DB = 'layerlab-progress';
/** The course being authored (app/_components/author). */
export const AUTHOR_DB = 'layerlab-author';
