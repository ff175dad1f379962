// isomorphic-git (lib/workspace, the terminal's `git`) uses Node's global `Buffer`; a worker has
// none. Imported first by engine.worker.ts, before anything that loads isomorphic-git.
import { Buffer } from 'buffer';

(globalThis as { Buffer?: unknown }).Buffer ??= Buffer;
