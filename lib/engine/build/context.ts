import { createContextFilter, parseIgnore, type ContextFilter } from '@/lib/dockerfile';
import { bytesContent, createTree, editTree, type FsTree } from '../fs';
import type { BuildContext, ContextEntry } from './types';

/**
 * The build context as BuildKit's daemon side sees it: the `.dockerignore`d paths are not there
 * at all (fsutil filters them on the client), owners are root (files a COPY brings from the
 * context are 0:0 unless --chown), modes are kept. Loaded once per build into an immutable tree.
 */

export interface LoadedContext {
  tree: FsTree;
  /** Bytes transferred: the sizes of the files sent (`transferring context: 1.23kB`). */
  bytes: number;
  /** Bytes of the ignore file read (`load .dockerignore`). */
  ignoreBytes: number;
  /**
   * Bytes of the context as the legacy builder sends it: a tar (Go's archive/tar: a 512-byte
   * header per entry, content in 512-byte blocks, two zero blocks at the end; no record padding).
   */
  tarBytes: number;
}

const BLOCK = 512;

/** A header block, plus a PAX header and its block for names past ustar's 100 bytes. */
function tarHeaderBytes(entry: ContextEntry): number {
  const name = new TextEncoder().encode(entry.type === 'dir' ? `${entry.path}/` : entry.path).length;
  return name > 100 ? 3 * BLOCK : BLOCK;
}

const decoder = new TextDecoder();

/** BuildKit prefers `<Dockerfile>.dockerignore` beside the Dockerfile over `.dockerignore`. */
async function readIgnore(context: BuildContext, entries: readonly ContextEntry[], dockerfilePath: string): Promise<{ filter: ContextFilter | null; bytes: number }> {
  const files = new Set(entries.filter((e) => e.type === 'file').map((e) => e.path));
  for (const name of [`${dockerfilePath}.dockerignore`, '.dockerignore']) {
    if (!files.has(name)) continue;
    const bytes = await context.read(name);
    return { filter: createContextFilter(parseIgnore(decoder.decode(bytes)), { dockerfilePath }), bytes: bytes.length };
  }
  return { filter: null, bytes: 0 };
}

export async function loadContext(context: BuildContext, dockerfilePath: string): Promise<LoadedContext> {
  const entries = [...(await context.list())].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const { filter, bytes: ignoreBytes } = await readIgnore(context, entries, dockerfilePath);
  const sent: ContextEntry[] = [];
  for (const entry of entries) {
    const path = entry.path.replace(/^\.?\/+/, '').replace(/\/+$/, '');
    if (path === '' || path === '.') continue;
    if (filter !== null && !filter(path, entry.type === 'dir')) continue;
    sent.push({ ...entry, path });
  }
  const contents = await Promise.all(sent.map((e) => (e.type === 'file' ? context.read(e.path) : Promise.resolve(null))));
  let bytes = 0;
  let tarBytes = 2 * BLOCK;
  const tree = editTree(createTree(), (draft) => {
    sent.forEach((entry, i) => {
      tarBytes += tarHeaderBytes(entry);
      const attrs = { mode: entry.mode & 0o7777, uid: 0, gid: 0 };
      const path = `/${entry.path}`;
      if (entry.type === 'dir') draft.mkdirp(path, attrs);
      else if (entry.type === 'symlink') {
        draft.mkdirp(path.slice(0, path.lastIndexOf('/')) || '/');
        draft.symlink(entry.linkTarget ?? '', path, attrs);
      } else {
        const data = contents[i] ?? new Uint8Array();
        bytes += data.length;
        tarBytes += Math.ceil(data.length / BLOCK) * BLOCK;
        draft.writeFile(path, bytesContent(data), attrs, true);
      }
    });
  });
  return { tree, bytes, ignoreBytes, tarBytes };
}

/** An in-memory context for tests and the browser: `{ 'app.py': 'print(1)', 'bin/run': { data, mode } }`. */
export function createMemoryContext(
  files: Readonly<Record<string, string | Uint8Array | { data: string | Uint8Array; mode?: number; mtime?: number } | { symlink: string }>>,
): BuildContext {
  const entries: ContextEntry[] = [];
  const data = new Map<string, Uint8Array>();
  const dirs = new Set<string>();
  for (const [path, spec] of Object.entries(files)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
    if (typeof spec === 'object' && 'symlink' in spec) {
      entries.push({ path, type: 'symlink', mode: 0o777, uid: 0, gid: 0, size: spec.symlink.length, linkTarget: spec.symlink });
      continue;
    }
    const raw = typeof spec === 'string' || spec instanceof Uint8Array ? spec : spec.data;
    const bytes = typeof raw === 'string' ? new TextEncoder().encode(raw) : raw;
    const mode = typeof spec === 'object' && !(spec instanceof Uint8Array) ? (spec.mode ?? 0o644) : 0o644;
    const mtime = typeof spec === 'object' && !(spec instanceof Uint8Array) ? spec.mtime : undefined;
    data.set(path, bytes);
    entries.push({ path, type: 'file', mode, uid: 1000, gid: 1000, size: bytes.length, ...(mtime !== undefined ? { mtime } : {}) });
  }
  for (const dir of dirs) if (!data.has(dir)) entries.push({ path: dir, type: 'dir', mode: 0o755, uid: 1000, gid: 1000, size: 0 });
  return {
    list: async () => entries,
    read: async (path) => {
      const bytes = data.get(path);
      if (bytes === undefined) throw new Error(`open ${path}: no such file or directory`);
      return bytes;
    },
  };
}
