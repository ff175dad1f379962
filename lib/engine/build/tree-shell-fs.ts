import { FsError, type FileStat, type FsErrorCode, type ShellFs, type WriteOptions } from '@/lib/shell';
import { EngineError } from '../errors';
import { editTree, lookup, readContent, readFile, stat, syntheticContent, type FsTree } from '../fs';

/**
 * A RUN step's filesystem for lib/shell: a mutable holder of an immutable tree. Every write
 * replaces `tree` with a new version (sharing what it did not touch), so the step's layer is
 * simply `diffTrees(before, holder.tree)`. New files belong to the user the step runs as.
 * `copyFile` keeps synthetic content as a recipe, so `cp` of a 150 MB runtime stays cheap.
 */
export interface TreeShellFs extends ShellFs {
  readonly tree: FsTree;
  /**
   * Writes `size` bytes of synthetic content without materializing them: package commands
   * (lib/engine/packages) install hundreds of MB this way and detect the method by its presence.
   */
  writeSynthetic(path: string, size: number, seed: string, mode?: number): Promise<void>;
}

const CODES: Partial<Record<string, FsErrorCode>> = {
  'not-found': 'ENOENT',
  'not-a-directory': 'ENOTDIR',
  'is-a-directory': 'EISDIR',
  'already-exists': 'EEXIST',
  'path-escape': 'EINVAL',
};

function fsError(error: unknown, path: string): unknown {
  if (error instanceof EngineError) {
    if (/Directory not empty/.test(error.message)) return new FsError('ENOTEMPTY', path);
    return new FsError(CODES[error.code] ?? 'EINVAL', path);
  }
  return error;
}

export function createTreeShellFs(initial: FsTree, owner: { uid: number; gid: number }): TreeShellFs {
  let tree = initial;
  const guard = <T>(path: string, fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      throw fsError(error, path);
    }
  };
  const toStat = (path: string, follow: boolean): FileStat => {
    const s = stat(tree, path, { follow });
    return { type: s.kind, mode: s.mode, uid: s.uid, gid: s.gid, size: s.size, mtime: 0 };
  };
  const edit = (path: string, fn: Parameters<typeof editTree>[1]): void => {
    tree = guard(path, () => editTree(tree, fn));
  };
  const isFile = (path: string): boolean => guard(path, () => lookup(tree, path)?.kind === 'file');
  const exists = (path: string, follow = true): boolean => {
    try {
      return lookup(tree, path, { follow }) !== undefined;
    } catch {
      return false;
    }
  };

  return {
    get tree() {
      return tree;
    },
    stat: async (path) => guard(path, () => toStat(path, true)),
    lstat: async (path) => guard(path, () => toStat(path, false)),
    readFile: async (path) => guard(path, () => readContent(readFile(tree, path))),
    async writeFile(path, data, options: WriteOptions = {}) {
      const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
      const existed = exists(path) && isFile(path);
      let content = bytes;
      if (options.append === true && existed) {
        const old = guard(path, () => readContent(readFile(tree, path)));
        content = new Uint8Array(old.length + bytes.length);
        content.set(old);
        content.set(bytes, old.length);
      }
      const attrs = existed ? {} : { mode: options.mode ?? 0o644, uid: owner.uid, gid: owner.gid };
      edit(path, (d) => d.writeFile(path, { kind: 'bytes', bytes: content }, attrs));
    },
    readdir: async (path) =>
      guard(path, () => {
        const node = lookup(tree, path);
        if (node === undefined) throw new FsError('ENOENT', path);
        if (node.kind !== 'dir') throw new FsError('ENOTDIR', path);
        return node.children.map((c) => c.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      }),
    async mkdir(path, options = {}) {
      const attrs = { mode: options.mode ?? 0o755, uid: owner.uid, gid: owner.gid };
      edit(path, (d) => (options.recursive === true ? d.mkdirp(path, attrs) : d.mkdir(path, attrs)));
    },
    async rm(path, options = {}) {
      if (!exists(path, false)) {
        if (options.force === true) return;
        throw new FsError('ENOENT', path);
      }
      const node = lookup(tree, path, { follow: false });
      if (node?.kind === 'dir' && node.children.length > 0 && options.recursive !== true) throw new FsError('ENOTEMPTY', path);
      edit(path, (d) => d.remove(path, true));
    },
    rename: async (from, to) => edit(from, (d) => d.rename(from, to)),
    symlink: async (target, path) => edit(path, (d) => d.symlink(target, path, { uid: owner.uid, gid: owner.gid })),
    readlink: async (path) =>
      guard(path, () => {
        const node = lookup(tree, path, { follow: false });
        if (node === undefined) throw new FsError('ENOENT', path);
        if (node.kind !== 'symlink') throw new FsError('EINVAL', path);
        return node.target;
      }),
    chmod: async (path, mode) => edit(path, (d) => d.setAttrs(path, { mode: mode & 0o7777 })),
    chown: async (path, uid, gid) => edit(path, (d) => d.setAttrs(path, { uid, gid })),
    exists: async (path) => exists(path),
    async writeSynthetic(path, size, seed, mode = 0o644) {
      const attrs = exists(path) && isFile(path) ? { mode } : { mode, uid: owner.uid, gid: owner.gid };
      const content = guard(path, () => syntheticContent(size, seed));
      edit(path, (d) => d.writeFile(path, content, attrs));
    },
    async copyFile(from, to) {
      const content = guard(from, () => readFile(tree, from));
      const mode = guard(from, () => stat(tree, from).mode);
      const attrs = exists(to) ? { mode } : { mode, uid: owner.uid, gid: owner.gid };
      edit(to, (d) => d.writeFile(to, content, attrs));
    },
  };
}
