import { describe, expect, it } from 'vitest';
import type { DirPage, FileEntry } from '@/lib/engine';
import { CHANGE_MARKS, fileRows, isExpandable, loadedPages, mergePage, type DirState } from './file-tree-model';

const file = (path: string, change: FileEntry['change'], size: number): FileEntry => ({
  name: path.slice(path.lastIndexOf('/') + 1),
  path,
  kind: 'file',
  change,
  size,
  mode: 0o644,
  permissions: '-rw-r--r--',
  uid: 0,
  gid: 0,
});
const dir = (path: string, change: FileEntry['change'], children: number): FileEntry => ({ ...file(path, change, 10), kind: 'dir', permissions: 'drwxr-xr-x', children, files: children });
const pageOf = (path: string, entries: FileEntry[], total = entries.length, offset = 0): DirPage => ({ path, layer: 3, entries, total, offset });

describe('file tree state', () => {
  it('lists the root, then the children of an expanded directory once loaded', () => {
    const dirs = new Map<string, DirState>([['/', mergePage(undefined, pageOf('/', [dir('/app', 'added', 2), file('/b.txt', 'modified', 5)]))]]);
    expect(fileRows(dirs, new Set()).map((r) => r.id)).toEqual(['/app', '/b.txt']);
    // Expanded but not loaded yet: a loading row under it.
    dirs.set('/app', { entries: [], total: 0, loading: true, error: null });
    const loading = fileRows(dirs, new Set(['/app']));
    expect(loading.map((r) => (r.node.kind === 'status' ? r.node.text : r.id))).toEqual(['/app', 'Loading…', '/b.txt']);
    dirs.set('/app', mergePage(undefined, pageOf('/app', [file('/app/x', 'added', 1), file('/app/y', 'added', 2)])));
    const rows = fileRows(dirs, new Set(['/app']));
    expect(rows.map((r) => `${r.id}@${r.level}`)).toEqual(['/app@1', '/app/x@2', '/app/y@2', '/b.txt@1']);
    expect(rows[0]?.expanded).toBe(true);
  });

  it('pages a large directory: a "more" row until every entry is loaded', () => {
    const first = mergePage(undefined, pageOf('/', [file('/a', 'added', 1), file('/b', 'added', 1)], 3));
    const dirs = new Map([['/', first]]);
    const more = fileRows(dirs, new Set()).at(-1)?.node;
    expect(more?.kind === 'more' && [more.loaded, more.total]).toEqual([2, 3]);
    dirs.set('/', mergePage(first, pageOf('/', [file('/c', 'added', 1)], 3, 2)));
    expect(fileRows(dirs, new Set()).map((r) => r.id)).toEqual(['/a', '/b', '/c']);
  });

  it('shows a failed listing as an error row', () => {
    const dirs = new Map<string, DirState>([['/', { entries: [], total: 0, loading: false, error: 'layer 9 does not exist' }]]);
    const row = fileRows(dirs, new Set())[0]?.node;
    expect(row?.kind === 'status' && row.error && row.text).toBe('layer 9 does not exist');
  });

  it('does not expand a removed directory (one whiteout) or an empty one', () => {
    expect(isExpandable(dir('/var/cache', 'removed', 0))).toBe(false);
    expect(isExpandable({ ...dir('/var/cache', 'removed', 0), children: 4 })).toBe(false);
    expect(isExpandable(dir('/empty', 'added', 0))).toBe(false);
    expect(isExpandable(dir('/usr', 'unmodified', 3))).toBe(true);
    expect(isExpandable(file('/f', 'added', 1))).toBe(false);
  });

  it('marks changes with a symbol and a word, not colour alone', () => {
    expect(Object.values(CHANGE_MARKS).map((m) => `${m.symbol} ${m.word}`)).toEqual(['+ added', '~ modified', '− removed', '· unchanged']);
  });

  it('exports every loaded page in path order', () => {
    const dirs = new Map<string, DirState>([
      ['/usr', mergePage(undefined, pageOf('/usr', [file('/usr/x', 'added', 1)]))],
      ['/', mergePage(undefined, pageOf('/', [dir('/usr', 'added', 1)]))],
      ['/tmp', { entries: [], total: 0, loading: true, error: null }],
    ]);
    expect(loadedPages(dirs, 3).map((p) => [p.path, p.layer, p.entries.length])).toEqual([
      ['/', 3, 1],
      ['/usr', 3, 1],
    ]);
  });
});
