import { readContent, type LayerRecord } from '@/lib/engine';

type ChangeEntry = LayerRecord['recipe']['entries'][number];
type FileEntry = Extract<ChangeEntry, { kind: 'file' }>;

/**
 * A layer's own files as overlay2 keeps them in `overlay2/<cache-id>/diff`: the change set laid
 * out as a directory tree. A whiteout (`.wh.name` in the tar) is what overlayfs stores, a 0:0
 * character device named `name`; a ShellFs has no device files, so it shows as an empty file
 * with mode `---------` under the deleted name. An opaque directory is a plain directory (its
 * marker is an xattr, invisible to `ls`). Hard links read as their target.
 */
export type LayerNode =
  | { kind: 'dir'; mode: number; uid: number; gid: number; children: Map<string, LayerNode> }
  | { kind: 'file'; mode: number; uid: number; gid: number; size: number; read: () => Uint8Array }
  | { kind: 'symlink'; mode: number; uid: number; gid: number; target: string };

const EMPTY = new Uint8Array(0);

export function layerTree(entries: readonly ChangeEntry[]): LayerNode {
  const root: LayerNode = { kind: 'dir', mode: 0o755, uid: 0, gid: 0, children: new Map() };
  const files = new Map<string, FileEntry>();
  for (const entry of entries) if (entry.kind === 'file') files.set(entry.path, entry);
  const dirFor = (parts: readonly string[]): Map<string, LayerNode> => {
    let dir = root;
    for (const part of parts) {
      let next = dir.children.get(part);
      // A parent the change set does not list (or a file the layer replaced by a directory).
      if (next === undefined || next.kind !== 'dir') {
        next = { kind: 'dir', mode: 0o755, uid: 0, gid: 0, children: new Map() };
        dir.children.set(part, next);
      }
      dir = next;
    }
    return dir.children;
  };
  for (const entry of entries) {
    const parts = entry.path.split('/').filter(Boolean);
    const name = parts.pop();
    if (entry.kind === 'opaque') {
      if (name !== undefined) dirFor([...parts, name]);
      continue;
    }
    if (name === undefined) continue;
    const parent = dirFor(parts);
    switch (entry.kind) {
      case 'dir': {
        const existing = parent.get(name);
        parent.set(name, { kind: 'dir', mode: entry.mode, uid: entry.uid, gid: entry.gid, children: existing?.kind === 'dir' ? existing.children : new Map() });
        break;
      }
      case 'file': {
        const content = entry.content;
        const size = content.kind === 'bytes' ? content.bytes.length : content.size;
        parent.set(name, { kind: 'file', mode: entry.mode, uid: entry.uid, gid: entry.gid, size, read: () => readContent(content) });
        break;
      }
      case 'hardlink': {
        const target = files.get(entry.target.replace(/^\/+/, ''));
        const size = target === undefined ? 0 : target.content.kind === 'bytes' ? target.content.bytes.length : target.content.size;
        parent.set(name, { kind: 'file', mode: entry.mode, uid: entry.uid, gid: entry.gid, size, read: () => (target === undefined ? EMPTY : readContent(target.content)) });
        break;
      }
      case 'symlink':
        parent.set(name, { kind: 'symlink', mode: 0o777, uid: entry.uid, gid: entry.gid, target: entry.target });
        break;
      case 'whiteout':
        parent.set(name, { kind: 'file', mode: 0, uid: 0, gid: 0, size: 0, read: () => EMPTY });
        break;
    }
  }
  return root;
}

/** The node at `parts` below `root`, without following symlinks. */
export function findNode(root: LayerNode, parts: readonly string[]): LayerNode | undefined {
  let node: LayerNode | undefined = root;
  for (const part of parts) {
    if (node?.kind !== 'dir') return undefined;
    node = node.children.get(part);
  }
  return node;
}
