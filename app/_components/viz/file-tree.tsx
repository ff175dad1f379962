'use client';
// The dive-like file tree of one layer (what it adds, modifies, removes) or of the whole image
// (with the layers that wrote each path). Directories load one page at a time when opened.
import { useEffect, useEffectEvent, useId, useMemo, useState } from 'react';
import type { DirPage, FileEntry } from '@/lib/engine';
import { CHANGE_MARKS, emptyDir, FILE_PAGE_SIZE, fileRows, mergePage, type DirState, type FileRow } from './file-tree-model';
import { formatBytesExact, formatSize, layerList } from './format';
import { useTreeKeys } from './use-tree-keys';
import { errorMessage } from './view-state';
import viz from './viz.module.css';
import styles from './file-tree.module.css';

export type FileScope = 'layer' | 'image';

export interface FileTreeProps {
  /** Lists one page of a directory (the layer's changes or the image's tree). */
  list(dir: string, page: { offset: number; limit: number }): Promise<DirPage>;
  scope: FileScope;
  /** The layer in view (0-based): its changes, or in the image scope the paths it wrote. */
  layer: number;
  label: string;
  /** Every directory loaded so far, for "Export JSON". */
  onLoaded?(dirs: ReadonlyMap<string, DirState>): void;
}

function ChangeBadge({ entry }: { entry: FileEntry }) {
  const mark = CHANGE_MARKS[entry.change];
  return (
    <span className={`${viz.badge} ${viz[entry.change]}`} title={mark.word}>
      <span aria-hidden="true">{mark.symbol}</span>
      <span className={styles.changeWord}>{mark.word}</span>
    </span>
  );
}

export function FileTree({ list, scope, layer, label, onLoaded }: FileTreeProps) {
  const uid = useId();
  const [dirs, setDirs] = useState<ReadonlyMap<string, DirState>>(() => new Map([['/', emptyDir()]]));
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => fileRows(dirs, expanded), [dirs, expanded]);
  const domId = (id: string) => `${uid}-${encodeURIComponent(id)}`;

  const load = (dir: string, offset: number) => {
    setDirs((now) => new Map(now).set(dir, { ...(now.get(dir) ?? emptyDir()), loading: true, error: null }));
    list(dir, { offset, limit: FILE_PAGE_SIZE }).then(
      (page) => setDirs((now) => new Map(now).set(dir, mergePage(now.get(dir), page))),
      (error: unknown) => setDirs((now) => new Map(now).set(dir, { ...(now.get(dir) ?? emptyDir()), loading: false, error: errorMessage(error) })),
    );
  };
  const loadRoot = useEffectEvent(() => {
    list('/', { offset: 0, limit: FILE_PAGE_SIZE }).then(
      (page) => setDirs((now) => new Map(now).set('/', mergePage(undefined, page))),
      (error: unknown) => setDirs((now) => new Map(now).set('/', { entries: [], total: 0, loading: false, error: errorMessage(error) })),
    );
  });
  // The parent remounts this tree (a new key) for another layer or scope, so the root loads once.
  useEffect(() => {
    loadRoot();
  }, []);
  const reportLoaded = useEffectEvent(() => {
    onLoaded?.(dirs);
  });
  useEffect(() => {
    reportLoaded();
  }, [dirs]);

  const toggle = (entry: FileEntry) => {
    const open = expanded.has(entry.path);
    setExpanded((now) => {
      const next = new Set(now);
      if (open) next.delete(entry.path);
      else next.add(entry.path);
      return next;
    });
    if (!open && !dirs.has(entry.path)) load(entry.path, 0);
  };
  const activate = (row: FileRow) => {
    const { node } = row;
    if (node.kind === 'more' && !node.loading) load(node.dir, node.loaded);
    else if (node.kind === 'status' && node.error) load(node.dir, dirs.get(node.dir)?.entries.length ?? 0);
    else if (node.kind === 'entry' && row.expandable) toggle(node.entry);
  };
  const { active, focus, onKeyDown } = useTreeKeys(rows, {
    domId,
    activate,
    toggle: (row) => {
      if (row.node.kind === 'entry') toggle(row.node.entry);
    },
  });

  const root = dirs.get('/');
  if (root !== undefined && !root.loading && root.error === null && root.entries.length === 0) {
    return <p className={viz.empty}>{scope === 'layer' ? 'This layer changes no files (a metadata-only step or an empty layer).' : 'The image has no files.'}</p>;
  }
  return (
    <div className={styles.frame}>
      <div className={styles.headings} aria-hidden="true">
        <span>Name</span>
        <span>Change</span>
        <span className={styles.right}>Size</span>
        <span>Permissions</span>
        {scope === 'image' && <span>Layers</span>}
      </div>
      <ul role="tree" aria-label={label} className={styles.tree} onKeyDown={onKeyDown} data-scope={scope}>
        {rows.map((row) => {
          const { node } = row;
          const common = {
            id: domId(row.id),
            'aria-level': row.level,
            'aria-posinset': row.position,
            'aria-setsize': row.setSize,
            tabIndex: row.id === active ? 0 : -1,
            onFocus: () => focus(row.id),
            onClick: () => {
              focus(row.id);
              activate(row);
            },
            style: { paddingLeft: `${(row.level - 1) * 1.1 + 0.4}rem` },
          } as const;
          if (node.kind !== 'entry') {
            const text = node.kind === 'more' ? (node.loading ? 'Loading more…' : `Show more (${node.loaded} of ${node.total} shown)`) : node.error ? `${node.text} (Enter to try again)` : node.text;
            return (
              <li key={row.id} role="treeitem" aria-selected={row.id === active} {...common} className={`${styles.row} ${styles.more} ${node.kind === 'status' && node.error ? viz.removed : ''}`}>
                {text}
              </li>
            );
          }
          const { entry } = node;
          const mine = scope === 'image' && entry.layers?.includes(layer) === true;
          return (
            <li
              key={row.id}
              role="treeitem"
              aria-selected={row.id === active}
              {...common}
              aria-expanded={row.expandable ? row.expanded : undefined}
              className={`${styles.row} ${mine ? styles.mine : ''}`}
              data-change={entry.change}
              data-path={entry.path}
            >
              <span className={styles.name}>
                <span className={styles.chevron} aria-hidden="true">
                  {row.expandable ? (row.expanded ? '▾' : '▸') : ''}
                </span>
                <span className={entry.kind === 'dir' ? styles.dir : ''}>{entry.name}</span>
                {entry.kind !== 'file' && <span className={viz.srOnly}> {entry.kind === 'dir' ? 'directory' : entry.kind}</span>}
                {mine && <span className={viz.srOnly}>, written by this layer</span>}
                {entry.target !== undefined && <span className={styles.target}> → {entry.target}</span>}
                {entry.opaque === true && <span className={styles.target}> (opaque: hides what lower layers had)</span>}
              </span>
              <span>{(scope === 'layer' || entry.change === 'modified') && <ChangeBadge entry={entry} />}</span>
              <span className={styles.right} title={formatBytesExact(entry.size)}>
                {entry.kind === 'dir' || entry.kind === 'file' ? formatSize(entry.size) : ''}
              </span>
              <span className={styles.perm}>
                {entry.permissions} {entry.uid}:{entry.gid}
              </span>
              {scope === 'image' && <span className={styles.layers}>{entry.layers !== undefined && entry.layers.length > 0 ? layerList(entry.layers) : ''}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
