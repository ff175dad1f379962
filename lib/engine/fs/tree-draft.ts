import { EngineError } from '../errors';
import { searchSorted } from './compare-names';
import { assertEntryName } from './paths';
import { joinParts, nameOf, walkPath, type WalkResult } from './resolve-path';
import { type DirEntry, type DirNode, type FileContent, type FsAttrs, type FsNode, type FsTree, DEFAULT_DIR_MODE, DEFAULT_FILE_MODE, SYMLINK_MODE } from './types';

type MutableDir = { kind: 'dir'; mode: number; uid: number; gid: number; children: DirEntry[] };
export type AttrsPatch = Partial<FsAttrs>;

/**
 * Copy-on-write editing of a persistent tree. A draft copies each directory on the way to a change
 * the first time it touches it (tracked in `owned`) and mutates its copies in place afterwards, so
 * a batch of N edits costs O(N · depth) plus one copy per touched directory, and everything not
 * touched stays shared with the source tree (a build step's snapshot costs O(changed paths)).
 * Once `root` is handed out, the draft must not be used again.
 */
export class TreeDraft {
  private readonly owned = new WeakSet<object>();
  root: FsTree;

  constructor(root: FsTree) {
    this.root = root;
  }

  walk(path: string, followLast: boolean): WalkResult {
    return walkPath(this.root, path, followLast);
  }

  /** The directory at canonical `parts`, owned by this draft (copying the spine as needed). */
  private ownDir(parts: readonly string[]): MutableDir {
    let dir = this.ownNode(this.root);
    this.root = dir;
    for (const name of parts) {
      const index = searchSorted(dir.children, name, nameOf);
      const child = dir.children[index]?.node;
      if (child?.kind !== 'dir') throw new EngineError('not-a-directory', `${joinParts(parts)}: not a directory`);
      const owned = this.ownNode(child);
      if (owned !== child) dir.children[index] = { name, node: owned };
      dir = owned;
    }
    return dir;
  }

  private ownNode(dir: DirNode): MutableDir {
    if (this.owned.has(dir)) return dir as MutableDir;
    const copy: MutableDir = { kind: 'dir', mode: dir.mode, uid: dir.uid, gid: dir.gid, children: [...dir.children] };
    this.owned.add(copy);
    return copy;
  }

  /** Sets (or with `undefined` removes) child `name` of the directory at canonical `parts`. */
  setChild(parts: readonly string[], name: string, node: FsNode | undefined): void {
    const dir = this.ownDir(parts);
    const index = searchSorted(dir.children, name, nameOf);
    if (node === undefined) {
      if (index >= 0) dir.children.splice(index, 1);
    } else if (index >= 0) dir.children[index] = { name, node };
    else dir.children.splice(-index - 1, 0, { name, node });
  }

  /** A new directory owned by the draft, so later edits inside it do not copy it again. */
  newDir(attrs: FsAttrs, children: DirEntry[] = []): DirNode {
    const dir: MutableDir = { kind: 'dir', mode: attrs.mode, uid: attrs.uid, gid: attrs.gid, children };
    this.owned.add(dir);
    return dir;
  }

  /** `mkdir -p`: walks through existing directories (and symlinks to them), creating the rest. */
  mkdirp(path: string, attrs: FsAttrs = { mode: DEFAULT_DIR_MODE, uid: 0, gid: 0 }): readonly string[] {
    for (;;) {
      const at = this.walk(path, true);
      if (at.kind === 'found') {
        if (at.node.kind !== 'dir') throw new EngineError('not-a-directory', `mkdir ${path}: not a directory`);
        return at.parts;
      }
      assertEntryName(at.name, path);
      this.setChild(at.parts, at.name, this.newDir(attrs));
    }
  }

  /** `mkdir` without -p: the parent must exist and the name must be free. */
  mkdir(path: string, attrs: FsAttrs): void {
    const at = this.walk(path, false);
    if (at.kind === 'found') throw new EngineError('already-exists', `mkdir ${path}: file exists`);
    if (at.rest.some((part) => part !== '.')) throw new EngineError('not-found', `mkdir ${path}: no such file or directory`);
    assertEntryName(at.name, path);
    this.setChild(at.parts, at.name, this.newDir(attrs));
  }

  /** Writes a regular file through symlinks and hard links; keeps the attributes of a file it overwrites. */
  writeFile(path: string, content: FileContent, attrs: AttrsPatch = {}, parents = false): void {
    const at = this.walk(path, true);
    if (at.kind === 'found') {
      const node = at.node;
      if (node.kind === 'dir') throw new EngineError('is-a-directory', `${path}: is a directory`);
      if (node.kind === 'hardlink') return this.writeFile(node.target, content, attrs);
      const [parts, name] = splitParts(at.parts);
      this.setChild(parts, name, { kind: 'file', mode: attrs.mode ?? node.mode, uid: attrs.uid ?? node.uid, gid: attrs.gid ?? node.gid, content });
      return;
    }
    let parentParts = at.parts;
    if (at.rest.length > 0) {
      if (!parents) throw new EngineError('not-found', `${path}: no such file or directory`);
      parentParts = this.mkdirp(parentOf(path));
      return this.writeFile(`${joinParts(parentParts)}/${baseOf(path)}`, content, attrs);
    }
    assertEntryName(at.name, path);
    this.setChild(parentParts, at.name, { kind: 'file', mode: attrs.mode ?? DEFAULT_FILE_MODE, uid: attrs.uid ?? 0, gid: attrs.gid ?? 0, content });
  }

  symlink(target: string, linkPath: string, attrs: AttrsPatch = {}): void {
    if (target.includes('\0')) throw new EngineError('path-escape', `invalid symlink target ${JSON.stringify(target)}`);
    const at = this.freeName(linkPath);
    this.setChild(at.parts, at.name, { kind: 'symlink', mode: SYMLINK_MODE, uid: attrs.uid ?? 0, gid: attrs.gid ?? 0, target });
  }

  /** A hard link to a regular file (links to a hard link point at its file, as inodes would). */
  hardlink(existingPath: string, linkPath: string): void {
    const source = this.walk(existingPath, true);
    if (source.kind !== 'found') throw new EngineError('not-found', `${existingPath}: no such file or directory`);
    const node = source.node;
    if (node.kind === 'dir') throw new EngineError('is-a-directory', `${existingPath}: hard link not allowed for directory`);
    const target = node.kind === 'hardlink' ? node.target : joinParts(source.parts);
    const at = this.freeName(linkPath);
    this.setChild(at.parts, at.name, { kind: 'hardlink', mode: node.mode, uid: node.uid, gid: node.gid, target });
  }

  /** Removes a node and everything under it; the last component is not followed (`rm` on a symlink removes the link). */
  remove(path: string, force = false): void {
    const at = this.walk(path, false);
    if (at.kind === 'missing') {
      if (force) return;
      throw new EngineError('not-found', `${path}: no such file or directory`);
    }
    if (at.parts.length === 0) throw new EngineError('path-escape', `refusing to remove '/'`);
    const [parts, name] = splitParts(at.parts);
    this.setChild(parts, name, undefined);
  }

  /** `rename(2)`: replaces a file, or an empty directory with a directory; never moves a directory into itself. */
  rename(from: string, to: string): void {
    const src = this.walk(from, false);
    if (src.kind === 'missing') throw new EngineError('not-found', `${from}: no such file or directory`);
    if (src.parts.length === 0) throw new EngineError('path-escape', `cannot move '/'`);
    const dst = this.walk(to, false);
    let dstParts: readonly string[];
    if (dst.kind === 'found') {
      if (dst.parts.join('/') === src.parts.join('/')) return;
      if (dst.node.kind === 'dir' && src.node.kind !== 'dir') throw new EngineError('is-a-directory', `cannot overwrite directory '${to}' with non-directory`);
      if (dst.node.kind !== 'dir' && src.node.kind === 'dir') throw new EngineError('not-a-directory', `cannot overwrite non-directory '${to}' with directory`);
      if (dst.node.kind === 'dir' && dst.node.children.length > 0) throw new EngineError('already-exists', `cannot move '${from}' to '${to}': Directory not empty`);
      dstParts = dst.parts;
    } else {
      if (dst.rest.some((part) => part !== '.')) throw new EngineError('not-found', `${to}: no such file or directory`);
      assertEntryName(dst.name, to);
      dstParts = [...dst.parts, dst.name];
    }
    if (dstParts.length > src.parts.length && src.parts.every((part, i) => dstParts[i] === part)) {
      throw new EngineError('path-escape', `cannot move '${from}' to a subdirectory of itself, '${to}'`);
    }
    const [srcDir, srcName] = splitParts(src.parts);
    this.setChild(srcDir, srcName, undefined);
    const [dstDir, dstName] = splitParts(dstParts);
    this.setChild(dstDir, dstName, src.node);
  }

  /** chmod/chown. Follows symlinks unless `follow` is false (`chown -h`); a hard link changes its file. */
  setAttrs(path: string, patch: AttrsPatch, follow = true): void {
    const at = this.walk(path, follow);
    if (at.kind === 'missing') throw new EngineError('not-found', `${path}: no such file or directory`);
    const node = at.node;
    if (node.kind === 'hardlink') return this.setAttrs(node.target, patch, true);
    const next = { ...node, mode: patch.mode ?? node.mode, uid: patch.uid ?? node.uid, gid: patch.gid ?? node.gid } as FsNode;
    if (at.parts.length === 0) {
      const root = this.ownDir([]);
      root.mode = next.mode;
      root.uid = next.uid;
      root.gid = next.gid;
      return;
    }
    const [parts, name] = splitParts(at.parts);
    this.setChild(parts, name, next.kind === 'dir' ? this.newDir(next, [...next.children]) : next);
  }

  private freeName(path: string): { parts: readonly string[]; name: string } {
    const at = this.walk(path, false);
    if (at.kind === 'found') throw new EngineError('already-exists', `${path}: file exists`);
    if (at.rest.some((part) => part !== '.')) throw new EngineError('not-found', `${path}: no such file or directory`);
    assertEntryName(at.name, path);
    return { parts: at.parts, name: at.name };
  }
}

function splitParts(parts: readonly string[]): [readonly string[], string] {
  return [parts.slice(0, -1), parts[parts.length - 1] as string];
}

function parentOf(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  return slash <= 0 ? '/' : trimmed.slice(0, slash);
}

function baseOf(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
