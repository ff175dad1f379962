/**
 * The dive-like file tree: directories are listed one page at a time (`listLayerFiles` /
 * `listImageFiles`) and only when expanded, so a layer of 100k files costs what is on screen.
 * This module keeps what was loaded and turns it into visible rows; the component does the IO.
 */
import type { DirPage, FileChange, FileEntry } from '@/lib/engine';
import { flattenTree, type TreeRow } from './tree-nav';

export const FILE_PAGE_SIZE = 200;

export interface DirState {
  entries: FileEntry[];
  /** Entries the directory has in all (more pages may follow). */
  total: number;
  loading: boolean;
  error: string | null;
}

export type FileNode =
  | { kind: 'entry'; id: string; entry: FileEntry }
  /** "Show more" after a partly loaded directory. */
  | { kind: 'more'; id: string; dir: string; loaded: number; total: number; loading: boolean }
  | { kind: 'status'; id: string; dir: string; text: string; error: boolean };

export type FileRow = TreeRow & { node: FileNode };

export function emptyDir(): DirState {
  return { entries: [], total: 0, loading: true, error: null };
}

/** A page merged into what was loaded (a page at offset 0 replaces, later ones append). */
export function mergePage(previous: DirState | undefined, page: DirPage): DirState {
  const kept = page.offset === 0 || previous === undefined ? [] : previous.entries.slice(0, page.offset);
  return { entries: [...kept, ...page.entries], total: page.total, loading: false, error: null };
}

/** A removed directory is one whiteout: there is nothing under it to list in that layer. */
export function isExpandable(entry: FileEntry): boolean {
  return entry.kind === 'dir' && entry.change !== 'removed' && (entry.children ?? 0) > 0;
}

function childNodes(dir: string, state: DirState | undefined): FileNode[] | undefined {
  if (state === undefined) return undefined;
  const nodes: FileNode[] = state.entries.map((entry) => ({ kind: 'entry', id: entry.path, entry }));
  if (state.error !== null) nodes.push({ kind: 'status', id: `${dir}\u0000status`, dir, text: state.error, error: true });
  else if (state.loading && state.entries.length === 0) nodes.push({ kind: 'status', id: `${dir}\u0000status`, dir, text: 'Loading…', error: false });
  else if (state.entries.length < state.total) {
    nodes.push({ kind: 'more', id: `${dir}\u0000more`, dir, loaded: state.entries.length, total: state.total, loading: state.loading });
  }
  return nodes;
}

/** Visible rows below `root`: loaded entries, expanded directories' children, and "more" rows. */
export function fileRows(dirs: ReadonlyMap<string, DirState>, expanded: ReadonlySet<string>, root = '/'): FileRow[] {
  const roots = childNodes(root, dirs.get(root)) ?? [];
  return flattenTree<FileNode>(roots, {
    id: (n) => n.id,
    expandable: (n) => n.kind === 'entry' && isExpandable(n.entry),
    isExpanded: (id) => expanded.has(id),
    children: (n) => (n.kind === 'entry' ? childNodes(n.entry.path, dirs.get(n.entry.path)) : undefined),
  });
}

/** The mark of a change: a symbol and a word, so it never rests on colour alone. */
export const CHANGE_MARKS: Readonly<Record<FileChange, { symbol: string; word: string }>> = {
  added: { symbol: '+', word: 'added' },
  modified: { symbol: '~', word: 'modified' },
  removed: { symbol: '−', word: 'removed' },
  unmodified: { symbol: '·', word: 'unchanged' },
};

/** Every loaded page, for "Export JSON" of what the tree shows. */
export function loadedPages(dirs: ReadonlyMap<string, DirState>, layer: number | null): DirPage[] {
  return [...dirs.entries()]
    .filter(([, state]) => !state.loading || state.entries.length > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, state]) => ({ path, layer, entries: state.entries, total: state.total, offset: 0 }));
}
