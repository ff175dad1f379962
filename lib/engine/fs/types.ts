/**
 * The node and content types of an image file tree. Everything is plain data (no classes, no
 * Maps) so trees and change sets survive JSON and structured clone (IndexedDB keeps a layer's
 * change set as its recipe). Nodes are immutable once a tree is returned to a caller.
 */

/** Owner and permission bits. `mode` holds the permission bits plus setuid/setgid/sticky (07777), never the file type. */
export interface FsAttrs {
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
}

/**
 * File content: real bytes (context files, generated configs, small files), or synthetic bytes of
 * a given size produced on demand from `seed` (see synthetic-content.ts), so a 150 MB runtime
 * costs a few dozen bytes.
 */
export type FileContent =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'synthetic'; readonly size: number; readonly seed: string };

export interface DirNode extends FsAttrs {
  readonly kind: 'dir';
  /** Sorted by name in code-point order (= Go's byte order on UTF-8), no duplicates. */
  readonly children: readonly DirEntry[];
}
export interface FileNode extends FsAttrs {
  readonly kind: 'file';
  readonly content: FileContent;
}
export interface SymlinkNode extends FsAttrs {
  readonly kind: 'symlink';
  /** As written by `ln -s`; absolute targets resolve against the image root. */
  readonly target: string;
}
/**
 * A hard link names another regular file by its absolute image path (tar typeflag `1`). Reading it
 * reads the target. Unlike an inode it does not keep the target alive: removing the target
 * leaves the link dangling (documented simplification; hard links are rare in images).
 */
export interface HardlinkNode extends FsAttrs {
  readonly kind: 'hardlink';
  readonly target: string;
}

export type FsNode = DirNode | FileNode | SymlinkNode | HardlinkNode;
export type FsNodeKind = FsNode['kind'];

export interface DirEntry {
  readonly name: string;
  readonly node: FsNode;
}

/** A tree is its root directory. */
export type FsTree = DirNode;

export const DEFAULT_DIR_MODE = 0o755;
export const DEFAULT_FILE_MODE = 0o644;
export const SYMLINK_MODE = 0o777;
