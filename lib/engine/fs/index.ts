/**
 * engine/fs — immutable image file trees and the change sets between them.
 *
 * Trees: `createTree`, `lookup`/`stat`/`realPath`/`exists` (symlinks resolve inside the root, `..`
 * clamps at `/`), `readFile`/`readFileBytes`, and edits that return a new tree sharing everything
 * untouched: `writeFile`, `mkdir` (-p), `remove` (recursive), `rename`, `symlink`, `hardlink`,
 * `chmod`, `chown`; `editTree` batches edits on one copy-on-write `TreeDraft`; `walkTree` lists
 * nodes in sorted pre-order. Content is real bytes or synthetic (`syntheticContent(size, seed)`),
 * read with `contentSlices`/`readContent`.
 * Change sets (a layer's recipe): `diffTrees(lower, upper)`, `applyChangeSet(tree, cs)` with
 * OCI whiteouts and opaque directories, `changeSetSize` (Docker's layer size), `fingerprint`
 * (cheap identity for memoizing diffIDs). Paths: tree paths `/a/b`, layer paths `a/b`; invalid
 * ones throw `EngineError('path-escape')`.
 */
export { applyChangeSet } from './apply-change-set';
export { changeSetSize, compareChangeEntries, sortChangeEntries, EMPTY_CHANGE_SET, type ChangeEntry, type ChangeKind, type ChangeSet } from './change-set';
export { compareNames } from './compare-names';
export { bytesContent, contentSize, contentSlices, readContent, sameContent, syntheticContent } from './content';
export { diffTrees } from './diff-trees';
export { contentDigest, fingerprint } from './fingerprint';
export { cleanLayerPath, splitLayerPath, symlinkStaysInRoot, OPAQUE_MARKER, WHITEOUT_PREFIX } from './paths';
export { readSynthetic } from './synthetic-content';
export {
  chmod,
  chown,
  createTree,
  editTree,
  exists,
  hardlink,
  lookup,
  mkdir,
  readFile,
  readFileBytes,
  realPath,
  remove,
  rename,
  stat,
  symlink,
  writeFile,
  type FsStat,
  type LookupOptions,
  type MkdirOptions,
  type WriteOptions,
} from './tree';
export { TreeDraft, type AttrsPatch } from './tree-draft';
export { treeStats, walkTree, type WalkEntry } from './walk-tree';
export {
  DEFAULT_DIR_MODE,
  DEFAULT_FILE_MODE,
  SYMLINK_MODE,
  type DirEntry,
  type DirNode,
  type FileContent,
  type FileNode,
  type FsAttrs,
  type FsNode,
  type FsNodeKind,
  type FsTree,
  type HardlinkNode,
  type SymlinkNode,
} from './types';
