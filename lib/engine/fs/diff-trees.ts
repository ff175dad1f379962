import { type ChangeEntry, type ChangeSet } from './change-set';
import { compareNames } from './compare-names';
import { sameContent } from './content';
import { type DirNode, type FsNode, type FsTree } from './types';

/**
 * The change set that turns `lower` into `upper`. Subtrees shared by identity are skipped without
 * being visited, so diffing a build step's snapshot against its parent costs O(changed paths).
 *
 * Shape, as containerd's ChangeWriter writes layers: every changed entry comes with its parent
 * directories (current attributes), deletions are one whiteout per deleted top path (never per
 * child), and a directory whose lower children are all gone and whose upper children are all new
 * (rm -rf + recreate) becomes dir + opaque marker + new children (docker-semantics §2e).
 * The root directory's own attributes are not part of a layer.
 */
export function diffTrees(lower: FsTree, upper: FsTree): ChangeSet {
  const entries: ChangeEntry[] = [];
  if (lower !== upper) diffDir(lower, upper, '', entries, true);
  return { entries };
}

function childPath(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

function sameAttrs(a: FsNode, b: FsNode): boolean {
  return a.mode === b.mode && a.uid === b.uid && a.gid === b.gid;
}

function diffDir(lower: DirNode, upper: DirNode, path: string, out: ChangeEntry[], isRoot: boolean): void {
  const start = out.length;
  const lowerKids = lower.children;
  const upperKids = upper.children;
  const removed: string[] = [];
  let anyShared = false;
  let anyDirPair = false;
  // One merge pass over both sorted child lists.
  for (let i = 0, j = 0; i < lowerKids.length || j < upperKids.length; ) {
    const l = lowerKids[i];
    const u = upperKids[j];
    const c = l === undefined ? 1 : u === undefined ? -1 : compareNames(l.name, u.name);
    if (c < 0) {
      removed.push((l as { name: string }).name);
      i++;
    } else if (c > 0) j++;
    else {
      const ln = (l as { node: FsNode }).node;
      const un = (u as { node: FsNode }).node;
      if (ln === un) anyShared = true;
      else if (ln.kind === 'dir' && un.kind === 'dir') anyDirPair = true;
      i++;
      j++;
    }
  }
  // Opaque only when something new fills the directory: an emptied directory keeps plain
  // whiteouts (deleting `usr/lib` is `usr/.wh.lib`, never an opaque `usr`).
  const opaque = !isRoot && removed.length > 0 && upperKids.length > 0 && !anyShared && !anyDirPair;
  if (opaque) {
    out.push({ kind: 'opaque', path });
    for (const { name, node } of upperKids) addSubtree(node, childPath(path, name), out);
  } else {
    for (const name of removed) out.push({ kind: 'whiteout', path: childPath(path, name) });
    let i = 0;
    for (const { name, node } of upperKids) {
      while (i < lowerKids.length && compareNames((lowerKids[i] as { name: string }).name, name) < 0) i++;
      const l = lowerKids[i];
      if (l !== undefined && l.name === name) diffNode(l.node, node, childPath(path, name), out);
      else addSubtree(node, childPath(path, name), out);
    }
  }
  // A directory is written when its attributes changed or anything inside it did (its parents
  // come along so the layer extracts on its own with the right modes, as containerd does).
  if (!isRoot && (out.length > start || !sameAttrs(lower, upper))) {
    out.splice(start, 0, { kind: 'dir', path, mode: upper.mode, uid: upper.uid, gid: upper.gid });
  }
}

function diffNode(lower: FsNode, upper: FsNode, path: string, out: ChangeEntry[]): void {
  if (lower === upper) return;
  if (lower.kind === 'dir' && upper.kind === 'dir') return diffDir(lower, upper, path, out, false);
  if (lower.kind === upper.kind && sameAttrs(lower, upper)) {
    if (lower.kind === 'file' && upper.kind === 'file' && sameContent(lower.content, upper.content)) return;
    if ((lower.kind === 'symlink' || lower.kind === 'hardlink') && lower.kind === upper.kind && lower.target === upper.target) return;
  }
  // Any other change replaces the node: applying a layer removes what is there and recreates it.
  addSubtree(upper, path, out);
}

/** `node` and everything under it, as added entries. */
export function addSubtree(node: FsNode, path: string, out: ChangeEntry[]): void {
  const attrs = { path, mode: node.mode, uid: node.uid, gid: node.gid };
  switch (node.kind) {
    case 'dir':
      out.push({ kind: 'dir', ...attrs });
      for (const child of node.children) addSubtree(child.node, childPath(path, child.name), out);
      return;
    case 'file':
      out.push({ kind: 'file', ...attrs, content: node.content });
      return;
    case 'symlink':
      out.push({ kind: 'symlink', ...attrs, target: node.target });
      return;
    case 'hardlink':
      out.push({ kind: 'hardlink', ...attrs, target: node.target.replace(/^\/+/, '') });
  }
}
