import { EngineError } from '../errors';
import { walkPath } from './resolve-path';
import { type FsNode, type FsTree } from './types';

export interface WalkEntry {
  /** Tree path (`/usr/bin/env`); the start directory itself is not yielded. */
  readonly path: string;
  readonly node: FsNode;
}

/**
 * Every node under `start` in pre-order, children by name (Go's filepath.Walk order, which is
 * also the order of our layer tars). Symlinks are yielded, never followed; the start path itself
 * is resolved through symlinks, like `find dir/`.
 */
export function* walkTree(tree: FsTree, start = '/'): Generator<WalkEntry> {
  const at = walkPath(tree, start, true);
  if (at.kind === 'missing') throw new EngineError('not-found', `${start}: no such file or directory`);
  if (at.node.kind !== 'dir') return;
  const prefix = at.parts.length === 0 ? '' : `/${at.parts.join('/')}`;
  yield* walkDir(at.node, prefix);
}

function* walkDir(dir: FsNode & { kind: 'dir' }, prefix: string): Generator<WalkEntry> {
  for (const { name, node } of dir.children) {
    const path = `${prefix}/${name}`;
    yield { path, node };
    if (node.kind === 'dir') yield* walkDir(node, path);
  }
}

/** Number of nodes and total regular-file bytes under the root (for `du`-like views and tests). */
export function treeStats(tree: FsTree): { nodes: number; fileBytes: number } {
  let nodes = 0;
  let fileBytes = 0;
  for (const { node } of walkTree(tree)) {
    nodes += 1;
    if (node.kind === 'file') fileBytes += node.content.kind === 'bytes' ? node.content.bytes.length : node.content.size;
  }
  return { nodes, fileBytes };
}
