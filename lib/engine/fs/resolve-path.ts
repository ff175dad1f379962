import { EngineError } from '../errors';
import { searchSorted } from './compare-names';
import { splitTreePath } from './paths';
import { type DirNode, type FsNode, type FsTree } from './types';

/** Linux's MAXSYMLINKS: more links than this in one lookup is ELOOP. */
const MAX_SYMLINKS = 40;

export type WalkResult =
  /** `parts` are the canonical components (no symlinks, no `.`/`..`) of the node's path. */
  | { readonly kind: 'found'; readonly parts: readonly string[]; readonly node: FsNode }
  /** The directory `parts` exists but has no child `name`; `rest` is what followed `name`. */
  | { readonly kind: 'missing'; readonly parts: readonly string[]; readonly name: string; readonly rest: readonly string[] };

export const nameOf = (entry: { readonly name: string }): string => entry.name;

export function childOf(dir: DirNode, name: string): FsNode | undefined {
  const index = searchSorted(dir.children, name, nameOf);
  return index < 0 ? undefined : dir.children[index]?.node;
}

/**
 * Walks `path` from the root the way the kernel does inside a chroot: `..` is taken after
 * symlinks are resolved and clamps at `/`; absolute symlink targets restart at the image root,
 * so no path can ever leave the tree. The last component is followed only when `followLast`
 * (or the path ends in `/`). Throws `not-a-directory` when a non-directory is walked through.
 */
export function walkPath(root: FsTree, path: string, followLast: boolean): WalkResult {
  const queue = splitTreePath(path);
  // POSIX: a trailing slash means "this must be a directory", which also follows a final symlink.
  if (path.endsWith('/') && queue.length > 0) queue.push('.');
  const dirs: DirNode[] = [root];
  const names: string[] = [];
  let links = 0;
  while (queue.length > 0) {
    const part = queue.shift() as string;
    if (part === '.') continue;
    if (part === '..') {
      if (names.length > 0) {
        names.pop();
        dirs.pop();
      }
      continue;
    }
    const dir = dirs[dirs.length - 1] as DirNode;
    const node = childOf(dir, part);
    if (node === undefined) return { kind: 'missing', parts: names, name: part, rest: queue };
    if (node.kind === 'symlink' && (queue.length > 0 || followLast)) {
      links += 1;
      if (links > MAX_SYMLINKS) throw new EngineError('not-found', `${path}: too many levels of symbolic links`);
      if (node.target.startsWith('/')) {
        names.length = 0;
        dirs.length = 1;
      }
      queue.unshift(...splitTreePath(node.target));
      continue;
    }
    if (queue.length === 0) return { kind: 'found', parts: [...names, part], node };
    if (node.kind !== 'dir') throw new EngineError('not-a-directory', `${path}: not a directory`);
    dirs.push(node);
    names.push(part);
  }
  return { kind: 'found', parts: names, node: dirs[dirs.length - 1] as DirNode };
}

/** The tree path of canonical components. */
export function joinParts(parts: readonly string[]): string {
  return `/${parts.join('/')}`;
}
