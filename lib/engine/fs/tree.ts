import { EngineError } from '../errors';
import { bytesContent, contentSize, readContent } from './content';
import { type AttrsPatch, TreeDraft } from './tree-draft';
import { joinParts, walkPath } from './resolve-path';
import { type FileContent, type FsAttrs, type FsNode, type FsNodeKind, type FsTree, DEFAULT_DIR_MODE } from './types';

/**
 * The public, functional face of file trees: every edit returns a new tree sharing all untouched
 * nodes with the old one. For many edits at once use `editTree`, which copies each touched
 * directory once instead of once per edit.
 */

export interface FsStat extends FsAttrs {
  /** Hard links report `file`: they are the file, as `stat(2)` would say. */
  readonly kind: Exclude<FsNodeKind, 'hardlink'>;
  /** Canonical tree path after resolving symlinks. */
  readonly path: string;
  /** Content size for files, target length for symlinks (as `ls -l` shows), 0 for directories. */
  readonly size: number;
  readonly target?: string;
}

export interface LookupOptions {
  /** Follow a final symlink (default true, like stat(2); false is lstat(2)). */
  readonly follow?: boolean;
}

export function createTree(attrs: Partial<FsAttrs> = {}): FsTree {
  return { kind: 'dir', mode: attrs.mode ?? DEFAULT_DIR_MODE, uid: attrs.uid ?? 0, gid: attrs.gid ?? 0, children: [] };
}

/** The node at `path`, or undefined when nothing is there (a non-directory in the middle also throws `not-a-directory`). */
export function lookup(tree: FsTree, path: string, options: LookupOptions = {}): FsNode | undefined {
  const at = walkPath(tree, path, options.follow ?? true);
  return at.kind === 'found' ? at.node : undefined;
}

/** The canonical path `path` resolves to, or undefined when it does not exist. */
export function realPath(tree: FsTree, path: string): string | undefined {
  const at = walkPath(tree, path, true);
  return at.kind === 'found' ? joinParts(at.parts) : undefined;
}

export function exists(tree: FsTree, path: string, options: LookupOptions = {}): boolean {
  try {
    return lookup(tree, path, options) !== undefined;
  } catch {
    return false;
  }
}

export function stat(tree: FsTree, path: string, options: LookupOptions = {}): FsStat {
  const at = walkPath(tree, path, options.follow ?? true);
  if (at.kind === 'missing') throw new EngineError('not-found', `stat ${path}: no such file or directory`);
  const node = resolveHardlink(tree, at.node, path);
  const base = { path: joinParts(at.parts), mode: node.mode, uid: node.uid, gid: node.gid };
  if (node.kind === 'dir') return { ...base, kind: 'dir', size: 0 };
  if (node.kind === 'symlink') return { ...base, kind: 'symlink', size: new TextEncoder().encode(node.target).length, target: node.target };
  return { ...base, kind: 'file', size: node.kind === 'file' ? contentSize(node.content) : 0 };
}

function resolveHardlink(tree: FsTree, node: FsNode, path: string): FsNode {
  if (node.kind !== 'hardlink') return node;
  const target = lookup(tree, node.target, { follow: false });
  if (target?.kind !== 'file') throw new EngineError('not-found', `${path}: hard link target ${node.target} is missing`);
  return target;
}

/** The content of the regular file at `path` (through symlinks and hard links). */
export function readFile(tree: FsTree, path: string): FileContent {
  const node = lookup(tree, path);
  if (node === undefined) throw new EngineError('not-found', `open ${path}: no such file or directory`);
  const file = resolveHardlink(tree, node, path);
  if (file.kind === 'dir') throw new EngineError('is-a-directory', `read ${path}: is a directory`);
  if (file.kind !== 'file') throw new EngineError('not-found', `open ${path}: no such file or directory`);
  return file.content;
}

/** The bytes of the file at `path` (synthetic content materialized; mind the size). */
export function readFileBytes(tree: FsTree, path: string): Uint8Array {
  return readContent(readFile(tree, path));
}

/** Runs several edits on one copy-on-write draft and returns the new tree. */
export function editTree(tree: FsTree, edit: (draft: TreeDraft) => void): FsTree {
  const draft = new TreeDraft(tree);
  edit(draft);
  return draft.root;
}

export interface WriteOptions extends AttrsPatch {
  /** Create missing parent directories (0755 root:root), like `COPY` does. */
  readonly parents?: boolean;
}

export function writeFile(tree: FsTree, path: string, content: FileContent | Uint8Array | string, options: WriteOptions = {}): FsTree {
  const data = typeof content === 'string' || content instanceof Uint8Array ? bytesContent(content) : content;
  return editTree(tree, (d) => d.writeFile(path, data, options, options.parents ?? false));
}

export interface MkdirOptions extends AttrsPatch {
  /** `mkdir -p`: create parents, and succeed when the directory exists. */
  readonly parents?: boolean;
}

export function mkdir(tree: FsTree, path: string, options: MkdirOptions = {}): FsTree {
  const attrs = { mode: options.mode ?? DEFAULT_DIR_MODE, uid: options.uid ?? 0, gid: options.gid ?? 0 };
  return editTree(tree, (d) => (options.parents ? d.mkdirp(path, attrs) : d.mkdir(path, attrs)));
}

/** Removes `path` and everything under it. `force` ignores a missing path (`rm -rf`). */
export function remove(tree: FsTree, path: string, options: { readonly force?: boolean } = {}): FsTree {
  return editTree(tree, (d) => d.remove(path, options.force ?? false));
}

export function rename(tree: FsTree, from: string, to: string): FsTree {
  return editTree(tree, (d) => d.rename(from, to));
}

export function symlink(tree: FsTree, target: string, linkPath: string, options: AttrsPatch = {}): FsTree {
  return editTree(tree, (d) => d.symlink(target, linkPath, options));
}

export function hardlink(tree: FsTree, existingPath: string, linkPath: string): FsTree {
  return editTree(tree, (d) => d.hardlink(existingPath, linkPath));
}

export function chmod(tree: FsTree, path: string, mode: number): FsTree {
  return editTree(tree, (d) => d.setAttrs(path, { mode: mode & 0o7777 }));
}

export function chown(tree: FsTree, path: string, uid: number, gid: number, options: LookupOptions = {}): FsTree {
  return editTree(tree, (d) => d.setAttrs(path, { uid, gid }, options.follow ?? true));
}
