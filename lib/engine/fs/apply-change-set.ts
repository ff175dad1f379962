import { EngineError } from '../errors';
import { type ChangeEntry, type ChangeSet } from './change-set';
import { assertEntryName, cleanLayerPath, layerToTreePath, splitLayerPath } from './paths';
import { joinParts } from './resolve-path';
import { TreeDraft } from './tree-draft';
import { type FsNode, type FsTree, DEFAULT_DIR_MODE } from './types';

const IMPLICIT_PARENT = { mode: DEFAULT_DIR_MODE, uid: 0, gid: 0 };

/**
 * `tree` with the layer `changeSet` applied on top, following image-spec layer.md and
 * docker-semantics §2e:
 * 1. whiteouts and opaque markers act first, and only on the lower tree, so they never hide
 *    entries of their own layer whatever their position in the tar;
 * 2. entries in order: dir over dir merges and takes the new attributes, anything else replaces
 *    what was there; missing parents are created 0755 root:root (as moby and containerd do);
 *    parent paths resolve through symlinks inside the root (containerd's fs.RootPath);
 * 3. hard links last, so a link may name a file that sorts after it.
 * Pure: on any error the input tree is untouched and nothing is returned half-applied.
 */
export function applyChangeSet(tree: FsTree, changeSet: ChangeSet): FsTree {
  for (const entry of changeSet.entries) validateEntry(entry);
  const draft = new TreeDraft(tree);
  for (const entry of changeSet.entries) {
    if (entry.kind === 'opaque') clearLowerChildren(draft, entry.path);
    else if (entry.kind === 'whiteout') removeLower(draft, entry.path);
  }
  const links: (ChangeEntry & { kind: 'hardlink' })[] = [];
  for (const entry of changeSet.entries) {
    switch (entry.kind) {
      case 'opaque':
      case 'whiteout':
        break;
      case 'hardlink':
        links.push(entry);
        break;
      case 'dir':
        putDir(draft, entry);
        break;
      case 'file':
        putNode(draft, entry.path, { kind: 'file', mode: entry.mode, uid: entry.uid, gid: entry.gid, content: entry.content });
        break;
      case 'symlink':
        putNode(draft, entry.path, { kind: 'symlink', mode: entry.mode, uid: entry.uid, gid: entry.gid, target: entry.target });
    }
  }
  for (const link of links) {
    const target = draft.walk(layerToTreePath(link.target), false);
    const file = target.kind === 'found' ? target.node : undefined;
    if (file === undefined || (file.kind !== 'file' && file.kind !== 'hardlink')) {
      throw new EngineError('not-found', `failed to create hard link ${link.path}: link target ${link.target} is not a regular file in the image`);
    }
    const targetPath = file.kind === 'hardlink' ? file.target : joinParts((target as { parts: readonly string[] }).parts);
    putNode(draft, link.path, { kind: 'hardlink', mode: file.mode, uid: file.uid, gid: file.gid, target: targetPath });
  }
  return draft.root;
}

function validateEntry(entry: ChangeEntry): void {
  const clean = cleanLayerPath(entry.path);
  if (clean !== entry.path) throw new EngineError('path-escape', `invalid path ${JSON.stringify(entry.path)} in change set: not clean`);
  if (entry.kind === 'opaque') return;
  if (clean === '') throw new EngineError('path-escape', `invalid ${entry.kind} entry for the root directory`);
  const [, base] = splitLayerPath(clean);
  if (entry.kind === 'whiteout') {
    if (base === '.' || base === '..') throw new EngineError('path-escape', `invalid whiteout ${entry.path}`);
    return;
  }
  assertEntryName(base, entry.path);
  if (entry.kind === 'hardlink') cleanLayerPath(entry.target);
}

function removeLower(draft: TreeDraft, path: string): void {
  try {
    draft.remove(layerToTreePath(path), true);
  } catch (error) {
    // Whiting out a path whose parent is not a directory below: there is nothing to hide.
    if (!(error instanceof EngineError && error.code === 'not-a-directory')) throw error;
  }
}

function clearLowerChildren(draft: TreeDraft, path: string): void {
  let at;
  try {
    at = draft.walk(layerToTreePath(path), false);
  } catch (error) {
    if (error instanceof EngineError && error.code === 'not-a-directory') return;
    throw error;
  }
  if (at.kind !== 'found' || at.node.kind !== 'dir') return;
  for (const { name } of at.node.children) draft.setChild(at.parts, name, undefined);
}

function parentParts(draft: TreeDraft, path: string): readonly string[] {
  const [dir] = splitLayerPath(path);
  return draft.mkdirp(layerToTreePath(dir), IMPLICIT_PARENT);
}

function putNode(draft: TreeDraft, path: string, node: FsNode): void {
  const parts = parentParts(draft, path);
  draft.setChild(parts, splitLayerPath(path)[1], node);
}

function putDir(draft: TreeDraft, entry: ChangeEntry & { kind: 'dir' }): void {
  const parts = parentParts(draft, entry.path);
  const name = splitLayerPath(entry.path)[1];
  const existing = draft.walk(`${joinParts(parts)}/${name}`, false);
  const attrs = { mode: entry.mode, uid: entry.uid, gid: entry.gid };
  if (existing.kind === 'found' && existing.node.kind === 'dir') {
    draft.setChild(parts, name, draft.newDir(attrs, [...existing.node.children]));
  } else draft.setChild(parts, name, draft.newDir(attrs));
}
