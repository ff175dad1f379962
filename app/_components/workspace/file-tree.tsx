'use client';
// The workspace's files as an ARIA tree (WAI-ARIA APG "tree view"): one tab stop, arrows move,
// Right/Left open and close folders, Enter opens a file, F2 renames, Delete deletes, Home/End jump.
// Creating, renaming and deleting go through small inline forms, never window.prompt/confirm.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { WorkspaceEntry } from '../../_lib/engine/api';
import { EntryForm, type EntryFormMode } from './entry-form';
import styles from './file-tree.module.css';
import { allFolders, GIT_MARKS, parentOf, toTree, visibleRows, type TreeNode } from './tree-model';

export interface FileTreeProps {
  entries: readonly WorkspaceEntry[];
  /** The file open in the editor. */
  selected: string | null;
  onOpen(path: string): void;
  onCreate(path: string, type: 'file' | 'dir'): Promise<void>;
  onRename(from: string, to: string): Promise<void>;
  onDelete(path: string): Promise<void>;
}

export function FileTree({ entries, selected, onOpen, onCreate, onRename, onDelete }: FileTreeProps) {
  const tree = useMemo(() => toTree(entries), [entries]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const expanded = useMemo(() => new Set(allFolders(tree).filter((p) => !collapsed.has(p))), [tree, collapsed]);
  const rows = useMemo(() => visibleRows(tree, expanded), [tree, expanded]);
  const [focused, setFocused] = useState<string | null>(null);
  const [form, setForm] = useState<EntryFormMode | null>(null);
  const rowRefs = useRef(new Map<string, HTMLLIElement>());
  const moveFocus = useRef(false);

  // The roving tab stop: the focused row if it still exists, else the open file, else the first.
  const current = rows.find((r) => r.path === focused) ?? rows.find((r) => r.path === selected) ?? rows[0] ?? null;
  useEffect(() => {
    if (moveFocus.current && current) rowRefs.current.get(current.path)?.focus();
    moveFocus.current = false;
  }, [current]);

  const focusRow = (node: TreeNode | undefined) => {
    if (!node) return;
    moveFocus.current = true;
    setFocused(node.path);
  };
  const setOpen = (path: string, open: boolean) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (open) next.delete(path);
      else next.add(path);
      return next;
    });
  const activate = (node: TreeNode) => {
    setFocused(node.path);
    if (node.type === 'dir') setOpen(node.path, !expanded.has(node.path));
    else onOpen(node.path);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!current) return;
    const index = rows.indexOf(current);
    const isOpenDir = current.type === 'dir' && expanded.has(current.path);
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusRow(rows[index + 1]),
      ArrowUp: () => focusRow(rows[index - 1]),
      Home: () => focusRow(rows[0]),
      End: () => focusRow(rows[rows.length - 1]),
      ArrowRight: () => (current.type !== 'dir' ? undefined : isOpenDir ? focusRow(current.children[0]) : setOpen(current.path, true)),
      ArrowLeft: () => (isOpenDir ? setOpen(current.path, false) : focusRow(rows.find((r) => r.path === parentOf(current.path) && r.type === 'dir'))),
      Enter: () => activate(current),
      ' ': () => activate(current),
      F2: () => setForm({ kind: 'rename', path: current.path }),
      Delete: () => setForm({ kind: 'delete', path: current.path }),
    };
    const action = keys[event.key];
    if (action && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      action();
    }
  };

  // New entries go into the focused folder (or the focused file's folder).
  const targetDir = current ? (current.type === 'dir' ? current.path : parentOf(current.path)) : '';
  const existing = useMemo(() => new Set(entries.map((e) => e.path)), [entries]);
  // After a form closes, focus returns to the tree: to the new or renamed entry once the refreshed
  // list shows it, else to the row that had it.
  const pendingFocus = useRef<string | null>(null);
  const closeForm = (focusPath?: string) => {
    setForm(null);
    pendingFocus.current = focusPath ?? current?.path ?? null;
    if (focusPath) setFocused(focusPath);
    moveFocus.current = true;
  };
  useEffect(() => {
    const path = pendingFocus.current;
    if (path === null) return;
    const row = rowRefs.current.get(path);
    if (row) {
      pendingFocus.current = null;
      row.focus();
    } else if (!form) {
      // Deleted: focus stays in the tree, on the row that takes its place.
      pendingFocus.current = null;
      if (current) rowRefs.current.get(current.path)?.focus();
    }
  }, [rows, form, current]);

  return (
    <div className={styles.explorer} data-testid="file-tree">
      <div className={styles.toolbar} role="toolbar" aria-label="Files" aria-controls="file-tree-list">
        <button type="button" onClick={() => setForm({ kind: 'create', type: 'file', parent: targetDir })}>
          New file
        </button>
        <button type="button" onClick={() => setForm({ kind: 'create', type: 'dir', parent: targetDir })}>
          New folder
        </button>
        <button type="button" disabled={!current} onClick={() => current && setForm({ kind: 'rename', path: current.path })}>
          Rename
        </button>
        <button type="button" disabled={!current} onClick={() => current && setForm({ kind: 'delete', path: current.path })}>
          Delete
        </button>
      </div>
      {form ? (
        <EntryForm mode={form} existing={existing} onCreate={onCreate} onRename={onRename} onDelete={onDelete} onDone={closeForm} />
      ) : null}
      {rows.length === 0 ? <p className={styles.empty}>No files yet. Create one with “New file”.</p> : null}
      <ul id="file-tree-list" className={styles.tree} role="tree" aria-label="Workspace files" onKeyDown={onKeyDown}>
        {rows.map((node) => (
          <TreeRow
            key={node.path}
            node={node}
            open={expanded.has(node.path)}
            selected={node.path === selected}
            tabbable={node === current}
            rowRef={(el) => {
              if (el) rowRefs.current.set(node.path, el);
              else rowRefs.current.delete(node.path);
            }}
            onClick={() => activate(node)}
            setSize={siblingsOf(tree, node).length}
            posInSet={siblingsOf(tree, node).indexOf(node) + 1}
          />
        ))}
      </ul>
    </div>
  );
}

function siblingsOf(tree: readonly TreeNode[], node: TreeNode): readonly TreeNode[] {
  const parent = parentOf(node.path);
  if (node.depth === 0) return tree;
  const find = (nodes: readonly TreeNode[]): readonly TreeNode[] | null => {
    for (const n of nodes) {
      if (n.path === parent) return n.children;
      const found = n.type === 'dir' ? find(n.children) : null;
      if (found) return found;
    }
    return null;
  };
  return find(tree) ?? [node];
}

interface TreeRowProps {
  node: TreeNode;
  open: boolean;
  selected: boolean;
  tabbable: boolean;
  setSize: number;
  posInSet: number;
  rowRef(el: HTMLLIElement | null): void;
  onClick(): void;
}

// Rows are a flat list with aria-level (a valid tree form) so the roving focus stays simple.
function TreeRow({ node, open, selected, tabbable, setSize, posInSet, rowRef, onClick }: TreeRowProps) {
  const mark = node.git ? GIT_MARKS[node.git] : undefined;
  const label = `${node.name}${node.type === 'dir' ? ', folder' : ''}${mark ? `, ${mark.label}` : ''}`;
  return (
    <li
      ref={rowRef}
      role="treeitem"
      aria-level={node.depth + 1}
      aria-setsize={setSize}
      aria-posinset={posInSet}
      aria-expanded={node.type === 'dir' ? open : undefined}
      aria-selected={selected}
      aria-label={label}
      tabIndex={tabbable ? 0 : -1}
      className={styles.row}
      data-path={node.path}
      data-git={node.git}
      style={{ paddingLeft: `${0.5 + node.depth * 1}rem` }}
      onClick={onClick}
    >
      <span className={styles.icon} aria-hidden="true">
        {node.type === 'dir' ? (open ? '▾' : '▸') : ''}
      </span>
      <span className={node.git === 'deleted' ? `${styles.name} ${styles.deleted}` : styles.name}>{node.name}</span>
      {mark ? (
        <span className={styles.mark} data-mark={node.git} title={mark.label} aria-hidden="true">
          {mark.letter}
        </span>
      ) : null}
    </li>
  );
}
