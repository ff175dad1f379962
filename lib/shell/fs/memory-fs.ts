import { FsError, type FileStat, type ShellFs, type WriteOptions } from './shell-fs';
import { baseName, dirName, joinPath, normalizePath } from './paths';

/**
 * An in-memory ShellFs for tests and the headless CLI. It follows symlinks like Linux (40 hops,
 * then ELOOP) and does not check permissions: RUN steps run as root unless the engine says
 * otherwise, and permission checks belong to whoever owns the real tree.
 */
type Node =
  | { type: 'file'; data: Uint8Array; mode: number; uid: number; gid: number; mtime: number }
  | { type: 'dir'; entries: Map<string, Node>; mode: number; uid: number; gid: number; mtime: number }
  | { type: 'symlink'; target: string; mode: number; uid: number; gid: number; mtime: number };

type Dir = Extract<Node, { type: 'dir' }>;

export interface MemoryFsSeed {
  /** path → file content (string or bytes); parents are created. A trailing `/` makes a directory. */
  [path: string]: string | Uint8Array | { symlink: string } | { content: string | Uint8Array; mode: number };
}

export interface MemoryFsOptions {
  /**
   * The clock (ms since the epoch) that stamps what is written, as a kernel does; without one,
   * and for the seed, every time is the epoch (tests and builds stay reproducible).
   */
  now?: () => number;
  /** The root directory's mode (0o1777 for a tmpfs mounted on /tmp); 0o755 by default. */
  rootMode?: number;
}

const encoder = new TextEncoder();
const MAX_HOPS = 40;

export function createMemoryFs(seed: MemoryFsSeed = {}, options: MemoryFsOptions = {}): ShellFs {
  const root: Dir = { type: 'dir', entries: new Map(), mode: options.rootMode ?? 0o755, uid: 0, gid: 0, mtime: 0 };
  let seeding = true;
  const stamp = (): number => (seeding || options.now === undefined ? 0 : Math.floor(options.now() / 1000));

  /** Walks to a node; `follow` decides whether a symlink in the last component is followed. */
  function lookup(path: string, follow: boolean, hops = 0): Node | undefined {
    if (hops > MAX_HOPS) throw new FsError('ELOOP', path);
    const parts = normalizePath(path).split('/').filter(Boolean);
    let node: Node = root;
    let here = '/';
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i] as string;
      if (node.type !== 'dir') throw new FsError('ENOTDIR', path);
      const next = node.entries.get(name);
      if (next === undefined) return undefined;
      const last = i === parts.length - 1;
      if (next.type === 'symlink' && (!last || follow)) {
        const target = next.target.startsWith('/') ? next.target : joinPath(here, next.target);
        const rest = parts.slice(i + 1).join('/');
        return lookup(rest === '' ? target : `${target}/${rest}`, follow, hops + 1);
      }
      node = next;
      here = joinPath(here, name);
    }
    return node;
  }

  function need(path: string, follow = true): Node {
    const node = lookup(path, follow);
    if (node === undefined) throw new FsError('ENOENT', path);
    return node;
  }

  /** The directory that will hold `path`'s last component (parent symlinks followed). */
  function parentOf(path: string): { dir: Dir; name: string } {
    const norm = normalizePath(path);
    if (norm === '/') throw new FsError('EEXIST', path);
    const parent = lookup(dirName(norm), true);
    if (parent === undefined) throw new FsError('ENOENT', path);
    if (parent.type !== 'dir') throw new FsError('ENOTDIR', path);
    return { dir: parent, name: baseName(norm) };
  }

  /** Synchronous so seeding can build the tree before the first await. */
  function mkdirSync(path: string, recursive: boolean, mode = 0o755): void {
    const norm = normalizePath(path);
    if (recursive) {
      let here = '/';
      for (const part of norm.split('/').filter(Boolean)) {
        here = joinPath(here, part);
        const node = lookup(here, true);
        if (node === undefined) mkdirSync(here, false, mode);
        else if (node.type !== 'dir') throw new FsError('ENOTDIR', here);
      }
      return;
    }
    const { dir, name } = parentOf(norm);
    if (dir.entries.has(name)) throw new FsError('EEXIST', path);
    dir.entries.set(name, { type: 'dir', entries: new Map(), mode, uid: 0, gid: 0, mtime: stamp() });
  }

  function statOf(node: Node): FileStat {
    const size = node.type === 'file' ? node.data.length : node.type === 'symlink' ? node.target.length : 4096;
    return { type: node.type, mode: node.mode, uid: node.uid, gid: node.gid, size, mtime: node.mtime };
  }

  const fs: ShellFs = {
    async stat(path) {
      return statOf(need(path));
    },
    async lstat(path) {
      return statOf(need(path, false));
    },
    async readFile(path) {
      const node = need(path);
      if (node.type === 'dir') throw new FsError('EISDIR', path);
      if (node.type !== 'file') throw new FsError('EINVAL', path);
      return node.data.slice();
    },
    async writeFile(path, data, write: WriteOptions = {}) {
      const bytes = typeof data === 'string' ? encoder.encode(data) : data;
      const existing = lookup(path, true);
      if (existing !== undefined) {
        if (existing.type === 'dir') throw new FsError('EISDIR', path);
        if (existing.type === 'file') {
          existing.data = write.append ? concat(existing.data, bytes) : bytes.slice();
          existing.mtime = stamp();
          return;
        }
      }
      // A dangling symlink is written through to its target, as open(O_CREAT) does.
      const link = lookup(path, false);
      const target = link?.type === 'symlink' ? resolveLink(path, link.target) : path;
      const { dir, name } = parentOf(target);
      dir.entries.set(name, { type: 'file', data: bytes.slice(), mode: write.mode ?? 0o644, uid: 0, gid: 0, mtime: stamp() });
    },
    async readdir(path) {
      const node = need(path);
      if (node.type !== 'dir') throw new FsError('ENOTDIR', path);
      return [...node.entries.keys()].sort(compareCodeUnits);
    },
    async mkdir(path, options = {}) {
      mkdirSync(path, options.recursive ?? false, options.mode);
    },
    async rm(path, options = {}) {
      const node = lookup(path, false);
      if (node === undefined) {
        if (options.force) return;
        throw new FsError('ENOENT', path);
      }
      if (node.type === 'dir' && node.entries.size > 0 && !options.recursive) throw new FsError('ENOTEMPTY', path);
      if (node === root) throw new FsError('EPERM', path);
      parentOf(path).dir.entries.delete(baseName(normalizePath(path)));
    },
    async rename(from, to) {
      const node = need(from, false);
      const src = parentOf(from);
      const dst = parentOf(to);
      const there = dst.dir.entries.get(dst.name);
      if (there?.type === 'dir' && node.type !== 'dir') throw new FsError('EISDIR', to);
      if (there?.type === 'dir' && there.entries.size > 0) throw new FsError('ENOTEMPTY', to);
      if (node.type === 'dir' && `${normalizePath(to)}/`.startsWith(`${normalizePath(from)}/`)) throw new FsError('EINVAL', to);
      src.dir.entries.delete(src.name);
      dst.dir.entries.set(dst.name, node);
    },
    async symlink(target, path) {
      const { dir, name } = parentOf(path);
      if (dir.entries.has(name)) throw new FsError('EEXIST', path);
      dir.entries.set(name, { type: 'symlink', target, mode: 0o777, uid: 0, gid: 0, mtime: stamp() });
    },
    async readlink(path) {
      const node = need(path, false);
      if (node.type !== 'symlink') throw new FsError('EINVAL', path);
      return node.target;
    },
    async chmod(path, mode) {
      need(path).mode = mode & 0o7777;
    },
    async chown(path, uid, gid) {
      const node = need(path);
      node.uid = uid;
      node.gid = gid;
    },
    async utimes(path, mtime) {
      need(path).mtime = mtime;
    },
    async exists(path) {
      try {
        return lookup(path, true) !== undefined;
      } catch {
        return false;
      }
    },
  };

  function resolveLink(path: string, target: string): string {
    return target.startsWith('/') ? target : joinPath(dirName(normalizePath(path)), target);
  }

  for (const [rawPath, value] of Object.entries(seed)) {
    const path = normalizePath(rawPath);
    mkdirSync(rawPath.endsWith('/') ? path : dirName(path), true);
    if (rawPath.endsWith('/')) continue;
    const { dir, name } = parentOf(path);
    dir.entries.set(name, seedNode(value));
  }
  seeding = false;
  return fs;
}

function seedNode(value: MemoryFsSeed[string]): Node {
  if (typeof value === 'string' || value instanceof Uint8Array) {
    const data = typeof value === 'string' ? encoder.encode(value) : value;
    return { type: 'file', data, mode: 0o644, uid: 0, gid: 0, mtime: 0 };
  }
  if ('symlink' in value) return { type: 'symlink', target: value.symlink, mode: 0o777, uid: 0, gid: 0, mtime: 0 };
  const data = typeof value.content === 'string' ? encoder.encode(value.content) : value.content;
  return { type: 'file', data, mode: value.mode, uid: 0, gid: 0, mtime: 0 };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
