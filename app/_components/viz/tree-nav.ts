/**
 * Keyboard navigation for the two trees (the layer stack with its base groups, and the file
 * tree), following the WAI-ARIA tree pattern: the tree is flattened to its visible rows, and a
 * key maps to what to do next. Pure, so the behaviour is tested without a browser.
 */

export interface TreeRow {
  id: string;
  parent: string | null;
  /** aria-level: 1 for a root row. */
  level: number;
  /** aria-posinset / aria-setsize among its siblings. */
  position: number;
  setSize: number;
  expandable: boolean;
  expanded: boolean;
}

export interface TreeSource<N> {
  id(node: N): string;
  /** Children to show when expanded; undefined when a node has none to show (a leaf, or not loaded). */
  children(node: N): readonly N[] | undefined;
  expandable(node: N): boolean;
  isExpanded(id: string): boolean;
}

/** Visible rows of a tree in document order, each with its node. */
export function flattenTree<N>(roots: readonly N[], source: TreeSource<N>): (TreeRow & { node: N })[] {
  const rows: (TreeRow & { node: N })[] = [];
  const visit = (nodes: readonly N[], parent: string | null, level: number) => {
    nodes.forEach((node, i) => {
      const id = source.id(node);
      const expandable = source.expandable(node);
      const expanded = expandable && source.isExpanded(id);
      rows.push({ id, parent, level, position: i + 1, setSize: nodes.length, expandable, expanded, node });
      const children = expanded ? source.children(node) : undefined;
      if (children !== undefined) visit(children, id, level + 1);
    });
  };
  visit(roots, null, 1);
  return rows;
}

export type TreeAction =
  | { kind: 'focus'; id: string }
  | { kind: 'expand'; id: string }
  | { kind: 'collapse'; id: string }
  | { kind: 'activate'; id: string };

/** What `key` does on the row `current` (null: not a tree key, let the browser have it). */
export function treeKeyAction(rows: readonly TreeRow[], current: string | null, key: string): TreeAction | null {
  if (rows.length === 0) return null;
  const at = current === null ? -1 : rows.findIndex((r) => r.id === current);
  const first = rows[0] as TreeRow;
  const last = rows[rows.length - 1] as TreeRow;
  if (at < 0) return ['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(key) ? { kind: 'focus', id: key === 'End' || key === 'ArrowUp' ? last.id : first.id } : null;
  const row = rows[at] as TreeRow;
  switch (key) {
    case 'ArrowDown':
      return { kind: 'focus', id: (rows[at + 1] ?? row).id };
    case 'ArrowUp':
      return { kind: 'focus', id: (rows[at - 1] ?? row).id };
    case 'Home':
      return { kind: 'focus', id: first.id };
    case 'End':
      return { kind: 'focus', id: last.id };
    case 'ArrowRight': {
      if (!row.expandable) return { kind: 'focus', id: row.id };
      if (!row.expanded) return { kind: 'expand', id: row.id };
      const child = rows[at + 1];
      return { kind: 'focus', id: child !== undefined && child.parent === row.id ? child.id : row.id };
    }
    case 'ArrowLeft':
      if (row.expandable && row.expanded) return { kind: 'collapse', id: row.id };
      return { kind: 'focus', id: row.parent ?? row.id };
    case 'Enter':
    case ' ':
      return { kind: 'activate', id: row.id };
    default:
      return null;
  }
}

/** The row to keep focused after the rows changed (a collapse hid it): it, else its nearest shown ancestor, else the first. */
export function keepFocus(rows: readonly TreeRow[], current: string | null, parents: ReadonlyMap<string, string | null>): string | null {
  if (rows.length === 0) return null;
  const shown = new Set(rows.map((r) => r.id));
  for (let id = current; id !== null && id !== undefined; id = parents.get(id) ?? null) {
    if (shown.has(id)) return id;
  }
  return (rows[0] as TreeRow).id;
}
