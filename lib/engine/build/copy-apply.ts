import { isIgnored, type IgnoreFile } from '@/lib/dockerfile';
import { lookup, readFile, type FsNode, type FsTree, type TreeDraft } from '../fs';
import type { SelectedSource } from './copy-sources';

/**
 * Writing selected sources into the destination tree (BuildKit `fileop` copy with
 * `CopyDirContentsOnly`, `CreateDestPath`, `AllowWildcard`): a directory source copies its
 * contents, a file lands at the destination (or inside it when the destination is a directory),
 * parents are created 0755, `--chown`/`--chmod` override owner and mode of everything copied.
 */

export interface CopyAttrs {
  uid?: number;
  gid?: number;
  mode?: number;
  exclude: IgnoreFile | null;
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const join = (dir: string, name: string): string => (dir === '/' ? `/${name}` : `${dir}/${name}`);

function attrsOf(node: FsNode, opts: CopyAttrs): { mode: number; uid: number; gid: number } {
  return { mode: opts.mode ?? node.mode, uid: opts.uid ?? node.uid, gid: opts.gid ?? node.gid };
}

function isDirAt(draft: TreeDraft, path: string): boolean {
  const at = draft.walk(path, true);
  return at.kind === 'found' && at.node.kind === 'dir';
}

function parentDirs(draft: TreeDraft, path: string, opts: CopyAttrs): void {
  const parent = path.slice(0, path.lastIndexOf('/')) || '/';
  draft.mkdirp(parent, { mode: 0o755, uid: opts.uid ?? 0, gid: opts.gid ?? 0 });
}

/** Writes one non-directory node at `path`, replacing what is there. */
function putNode(draft: TreeDraft, srcTree: FsTree, srcPath: string, node: FsNode, path: string, opts: CopyAttrs): void {
  parentDirs(draft, path, opts);
  const attrs = attrsOf(node, opts);
  const existing = draft.walk(path, false);
  if (existing.kind === 'found' && existing.node.kind !== 'file') draft.remove(path, true);
  if (node.kind === 'symlink') {
    draft.remove(path, true);
    draft.symlink(node.target, path, attrs);
  } else {
    // A hard link from a --from filesystem is copied as the file it names.
    const content = node.kind === 'file' ? node.content : readFile(srcTree, srcPath);
    draft.writeFile(path, content, attrs, true);
  }
}

function copyTree(draft: TreeDraft, srcTree: FsTree, srcPath: string, dir: FsNode & { kind: 'dir' }, dest: string, rel: string, opts: CopyAttrs): void {
  for (const { name, node } of dir.children) {
    const childRel = rel === '' ? name : `${rel}/${name}`;
    if (opts.exclude !== null && isIgnored(childRel, opts.exclude)) continue;
    const target = join(dest, name);
    const childSrc = join(srcPath, name);
    if (node.kind === 'dir') {
      if (!isDirAt(draft, target)) {
        draft.remove(target, true);
        parentDirs(draft, target, opts);
        draft.mkdirp(target, attrsOf(node, opts));
      }
      copyTree(draft, srcTree, childSrc, node, target, childRel, opts);
    } else putNode(draft, srcTree, childSrc, node, target, opts);
  }
}

/**
 * Copies one selected source. `dest` is absolute; `intoDir` says the destination names a
 * directory (trailing `/`, several sources, or an existing directory).
 */
export function copySource(draft: TreeDraft, srcTree: FsTree, source: SelectedSource, dest: string, intoDir: boolean, opts: CopyAttrs): void {
  const node = source.node.kind === 'symlink' ? (lookup(srcTree, source.path) ?? source.node) : source.node;
  if (node.kind === 'dir') {
    if (!isDirAt(draft, dest)) {
      parentDirs(draft, dest, opts);
      draft.mkdirp(dest, attrsOf(node, opts));
    }
    copyTree(draft, srcTree, source.path, node, dest, '', opts);
    return;
  }
  if (opts.exclude !== null && isIgnored(baseName(source.path), opts.exclude)) return;
  const target = intoDir || isDirAt(draft, dest) ? join(dest, baseName(source.path)) : dest;
  putNode(draft, srcTree, source.path, node, target, opts);
}
