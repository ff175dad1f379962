import { compareNames, type DirEntry, type DirNode, type FsNode } from '../fs';

/**
 * One row of the dive-like file views (a layer's changes, or the whole image), plain data for the
 * UI and for JSON export. Directories carry totals so a view can show sizes before expanding them.
 */

export type FileChange = 'added' | 'modified' | 'removed' | 'unmodified';
export type FileEntryKind = 'dir' | 'file' | 'symlink' | 'hardlink';

export interface FileEntry {
  name: string;
  /** Tree path (`/usr/bin/python3`). */
  path: string;
  kind: FileEntryKind;
  change: FileChange;
  /**
   * Bytes: a file's size; for a directory the files under it in the view's scope (the layer view:
   * what the layer writes there, or for a removed directory what it hid; the image view: what the
   * image holds there). Links weigh 0, as in a layer tar.
   */
  size: number;
  /** Regular files under a directory, in the same scope as `size`. */
  files?: number;
  /** Permission bits (07777). */
  mode: number;
  /** `ls -l` style: `drwxr-xr-x`, `-rw-r--r--`, `lrwxrwxrwx`. */
  permissions: string;
  uid: number;
  gid: number;
  /** Symlink or hard-link target. */
  target?: string;
  /** A directory's entries in the view (for lazy expansion); 0 for an empty one. */
  children?: number;
  /** Layer view: the layer hides every lower child of this directory (an opaque whiteout). */
  opaque?: boolean;
  /** Image view: the last layer (0-based) whose change set names this path (for an implicit parent, the first that created something under it). */
  layer?: number;
  /** Image view: every layer that wrote this path; more than one means earlier copies are wasted. */
  layers?: number[];
}

export interface DirPage {
  /** The directory listed. */
  path: string;
  /** The layer listed (0-based), or null for the image view. */
  layer: number | null;
  entries: FileEntry[];
  /** All entries of the directory (the page is `entries`, from `offset`). */
  total: number;
  offset: number;
}

export interface PageOptions {
  offset?: number;
  /** Default 1000 entries. */
  limit?: number;
}

export const DEFAULT_PAGE_LIMIT = 1000;

export function permissionString(kind: FileEntryKind, mode: number): string {
  const type = kind === 'dir' ? 'd' : kind === 'symlink' ? 'l' : '-';
  const bit = (mask: number, ch: string) => ((mode & mask) !== 0 ? ch : '-');
  const special = (exec: number, flag: number, on: string) => {
    const x = (mode & exec) !== 0;
    if ((mode & flag) === 0) return x ? 'x' : '-';
    return x ? on : on.toUpperCase();
  };
  return (
    type +
    bit(0o400, 'r') + bit(0o200, 'w') + special(0o100, 0o4000, 's') +
    bit(0o040, 'r') + bit(0o020, 'w') + special(0o010, 0o2000, 's') +
    bit(0o004, 'r') + bit(0o002, 'w') + special(0o001, 0o1000, 't')
  );
}

const dirTotals = new WeakMap<DirNode, { bytes: number; files: number }>();

/** Bytes and regular files under a directory, memoized per (immutable, shared) node. */
export function dirStats(dir: DirNode): { bytes: number; files: number } {
  const known = dirTotals.get(dir);
  if (known !== undefined) return known;
  let bytes = 0;
  let files = 0;
  for (const { node } of dir.children) {
    if (node.kind === 'file') {
      bytes += node.content.kind === 'bytes' ? node.content.bytes.length : node.content.size;
      files += 1;
    } else if (node.kind === 'dir') {
      const sub = dirStats(node);
      bytes += sub.bytes;
      files += sub.files;
    }
  }
  const stats = { bytes, files };
  dirTotals.set(dir, stats);
  return stats;
}

/** Size of a node in the views: file bytes, a directory's total, 0 for links. */
export function nodeBytes(node: FsNode): number {
  if (node.kind === 'file') return node.content.kind === 'bytes' ? node.content.bytes.length : node.content.size;
  return node.kind === 'dir' ? dirStats(node).bytes : 0;
}

/** The child `name` of a directory (children are sorted by name), by binary search. */
export function childOf(dir: DirNode | undefined, name: string): FsNode | undefined {
  if (dir === undefined) return undefined;
  const items: readonly DirEntry[] = dir.children;
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareNames((items[mid] as DirEntry).name, name);
    if (c === 0) return (items[mid] as DirEntry).node;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** A row for a node of a tree (the image view and removed rows of the layer view). */
export function entryOfNode(name: string, path: string, node: FsNode, change: FileChange): FileEntry {
  const base = { name, path, kind: node.kind, change, mode: node.mode, permissions: permissionString(node.kind, node.mode), uid: node.uid, gid: node.gid };
  switch (node.kind) {
    case 'dir': {
      const stats = dirStats(node);
      return { ...base, size: stats.bytes, files: stats.files, children: node.children.length };
    }
    case 'file':
      return { ...base, size: nodeBytes(node) };
    case 'symlink':
    case 'hardlink':
      return { ...base, size: 0, target: node.target };
  }
}

export function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

/** `/a/b/` and `a/b` → `/a/b`; `` → `/`. */
export function cleanDirPath(path: string): string {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  return `/${parts.join('/')}`;
}

export function page<T>(items: readonly T[], options: PageOptions): { slice: T[]; offset: number } {
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_PAGE_LIMIT));
  return { slice: items.slice(offset, offset + limit), offset };
}
