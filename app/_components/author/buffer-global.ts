// isomorphic-git (the git export, through lib/workspace) uses Node's global `Buffer`; a page has
// none. Imported before lib/workspace by git-export.ts, and only by that lazily loaded chunk.
import { Buffer } from 'buffer';

(globalThis as { Buffer?: unknown }).Buffer ??= Buffer;
