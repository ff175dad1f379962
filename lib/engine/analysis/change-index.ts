import { compareNames, type ChangeEntry, type ChangeSet } from '../fs';

/**
 * A layer's change set as a tree of its paths, for listing one directory of a layer at a time:
 * every entry under its parent, parents the tar leaves implicit created on the way, opaque
 * markers as a flag on their directory, and per directory the bytes and files the layer writes
 * under it. Built once per layer in one pass (O(entries)).
 */
export interface IndexNode {
  name: string;
  /** Tree path (`/usr/bin`); `/` for the root. */
  path: string;
  /** The layer's own entry for this path (a whiteout included), null for an implicit parent. */
  entry: Exclude<ChangeEntry, { kind: 'opaque' }> | null;
  /** The layer hides every lower child of this directory (`.wh..wh..opq`). */
  opaque: boolean;
  children: Map<string, IndexNode>;
  /** Bytes of the regular files this layer writes at or under this path. */
  bytes: number;
  files: number;
  /** Whiteouts at or under this path. */
  removed: number;
}

export interface ChangeIndex {
  root: IndexNode;
  /** Every node by tree path. */
  byPath: Map<string, IndexNode>;
}

export function buildChangeIndex(changeSet: ChangeSet): ChangeIndex {
  const root = newNode('', '/');
  const byPath = new Map<string, IndexNode>([['/', root]]);
  const nodeAt = (layerPath: string): IndexNode => {
    const path = `/${layerPath}`;
    const found = byPath.get(layerPath === '' ? '/' : path);
    if (found !== undefined) return found;
    const slash = layerPath.lastIndexOf('/');
    const parent = nodeAt(slash < 0 ? '' : layerPath.slice(0, slash));
    const node = newNode(layerPath.slice(slash + 1), path);
    parent.children.set(node.name, node);
    byPath.set(path, node);
    return node;
  };
  for (const entry of changeSet.entries) {
    const node = nodeAt(entry.path);
    if (entry.kind === 'opaque') node.opaque = true;
    else node.entry = entry;
  }
  aggregate(root);
  return { root, byPath };
}

function newNode(name: string, path: string): IndexNode {
  return { name, path, entry: null, opaque: false, children: new Map(), bytes: 0, files: 0, removed: 0 };
}

function aggregate(node: IndexNode): void {
  const entry = node.entry;
  if (entry?.kind === 'file') {
    node.bytes = entry.content.kind === 'bytes' ? entry.content.bytes.length : entry.content.size;
    node.files = 1;
  } else if (entry?.kind === 'whiteout') node.removed = 1;
  for (const child of node.children.values()) {
    aggregate(child);
    node.bytes += child.bytes;
    node.files += child.files;
    node.removed += child.removed;
  }
}

/** Child names in tree order (Go's byte order, as `ls` in a container and the tar show them). */
export function sortedChildNames(node: IndexNode): string[] {
  return [...node.children.keys()].sort(compareNames);
}
