import LightningFS from '@isomorphic-git/lightning-fs';
import { FsError, joinPath, normalizePath, type FileStat, type FsErrorCode, type ShellFs } from '@/lib/shell';
import { guardLightningFs } from './lightning-fs-guard';

/**
 * The browser's workspace: lib/shell's `ShellFs` over @isomorphic-git/lightning-fs (files in
 * IndexedDB, one database per name). The engine worker mounts the student's files at
 * `/workspace` and each other host's files at `/`; git (createGitFs), the terminal and the build
 * context all run over it.
 *
 * lightning-fs is a thin cache over a superblock (the directory tree) and keeps none of POSIX's
 * checks: it lets a child be added under a file, `unlink` a directory, `rename` a directory into
 * itself, and it recurses forever on a symlink loop. So paths are resolved here, one component
 * at a time, following symlinks as Linux does (40 hops, then ELOOP; absolute targets are shell
 * paths, so they go through the mount), and lightning-fs only ever sees symlink-free paths of
 * entries whose parents exist. Across tabs lightning-fs itself takes a Web Lock per database while
 * it is active (its superblock is reloaded whenever the lock is taken again), so two tabs' writes
 * do not overwrite each other's tree.
 */
export interface LightningShellFs extends ShellFs {
  /** The lightning-fs name (its IndexedDB database). */
  readonly name: string;
  /** Writes the directory tree now instead of on lightning-fs's 500 ms debounce. */
  flush(): Promise<void>;
  /** Saves the tree and releases the database (the next call opens it again). */
  close(): Promise<void>;
}

export interface LightningFsOptions {
  /** Where the files appear in the shell (default `/`); the directories above it are read-only and empty. */
  mount?: string;
  /** Start from an empty file system (deletes what the database held). */
  wipe?: boolean;
  /** Owner of new files and directories (default 1000:1000, the student). */
  uid?: number;
  gid?: number;
}

type Lfs = InstanceType<typeof LightningFS>['promises'];
type RawStat = { type: 'file' | 'dir' | 'symlink'; mode: number; size: number; mtimeMs?: number; uid: number; gid: number; target?: string };

/** Where a shell path lives: a real lightning-fs path, an ancestor of the mount, or nowhere. */
type Place = { kind: 'real'; real: string } | { kind: 'virtual' } | { kind: 'outside' };

/** A resolved path: symlink-free shell path of the entry (or of where it would be created). */
interface Resolved {
  path: string;
  place: Place;
  /** null when the last component does not exist (its parent does). */
  stat: RawStat | null;
}

const MAX_HOPS = 40;
const CODES = new Set<string>(['ENOENT', 'EEXIST', 'ENOTDIR', 'EISDIR', 'ENOTEMPTY', 'EACCES', 'EPERM', 'EINVAL', 'ELOOP', 'EROFS']);
const VIRTUAL_DIR: FileStat = { type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 4096 };

export function openLightningFs(name: string, options: LightningFsOptions = {}): LightningShellFs {
  const uid = options.uid ?? 1000;
  const gid = options.gid ?? 1000;
  const lfs: Lfs = new LightningFS(name, { wipe: options.wipe ?? false, uid, gid, defer: true }).promises;
  const guard = guardLightningFs(lfs);
  const mount = normalizePath(options.mount ?? '/');
  let writes = 0;

  const placeOf = (path: string): Place => {
    if (mount === '/') return { kind: 'real', real: path };
    if (path === mount) return { kind: 'real', real: '/' };
    if (path.startsWith(`${mount}/`)) return { kind: 'real', real: path.slice(mount.length) };
    if (path === '/' || mount.startsWith(`${path}/`)) return { kind: 'virtual' };
    return { kind: 'outside' };
  };

  /** lightning-fs call on a real path, its errors turned into FsError for the shell path. */
  const call = async <T>(path: string, op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (error) {
      throw translate(error, path);
    }
  };

  const rawLstat = async (real: string): Promise<RawStat | null> => {
    try {
      const stat = (await lfs.lstat(real)) as unknown as RawStat;
      // lightning-fs's Stat drops the link's target; lstat's size is the target's length.
      return stat.type === 'symlink' ? { ...stat, target: await lfs.readlink(real) } : stat;
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return null;
      throw error;
    }
  };

  /** Walks `path` component by component; `follow` decides for a symlink in the last one. */
  const resolve = async (path: string, follow: boolean, hops = 0): Promise<Resolved> => {
    if (hops > MAX_HOPS) throw new FsError('ELOOP', path);
    const parts = normalizePath(path).split('/').filter(Boolean);
    let here = '/';
    let place = placeOf('/');
    let stat: RawStat | null = place.kind === 'real' ? await call(path, () => rawLstat('/')) : null;
    for (let i = 0; i < parts.length; i++) {
      if (place.kind === 'real' && stat === null) throw new FsError('ENOENT', path);
      if (place.kind === 'real' && stat !== null && stat.type !== 'dir') throw new FsError('ENOTDIR', path);
      const last = i === parts.length - 1;
      const next = joinPath(here, parts[i] as string);
      const nextPlace = placeOf(next);
      if (nextPlace.kind === 'outside') {
        if (!last) throw new FsError('ENOENT', path);
        return { path: next, place: nextPlace, stat: null };
      }
      const nextStat = nextPlace.kind === 'real' ? await call(path, () => rawLstat(nextPlace.real)) : null;
      if (nextStat?.type === 'symlink' && (!last || follow)) {
        const target = nextStat.target ?? '';
        const base = target.startsWith('/') ? target : joinPath(here, target);
        const rest = parts.slice(i + 1).join('/');
        return resolve(rest === '' ? base : `${base}/${rest}`, follow, hops + 1);
      }
      here = next;
      place = nextPlace;
      stat = nextStat;
    }
    return { path: here, place, stat: place.kind === 'virtual' ? { type: 'dir', mode: 0o755, size: 0, uid: 0, gid: 0 } : stat };
  };

  /** The real path of a resolved entry, or EACCES where nothing may be written. */
  const writable = (r: Resolved, path: string): string => {
    if (r.place.kind !== 'real') throw new FsError('EACCES', path);
    return r.place.real;
  };
  const existing = (r: Resolved, path: string): RawStat => {
    if (r.stat === null) throw new FsError('ENOENT', path);
    return r.stat;
  };
  const toStat = (r: Resolved, raw: RawStat): FileStat => {
    if (r.place.kind === 'virtual') return { ...VIRTUAL_DIR };
    const stat: FileStat = { type: raw.type, mode: raw.type === 'symlink' ? 0o777 : raw.mode & 0o7777, uid: raw.uid, gid: raw.gid, size: raw.type === 'dir' ? 4096 : raw.type === 'symlink' ? (raw.target ?? '').length : raw.size };
    if (raw.mtimeMs !== undefined) stat.mtime = Math.floor(raw.mtimeMs / 1000);
    return stat;
  };
  const sortedNames = async (path: string, real: string) => (await call(path, () => lfs.readdir(real))).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const removeTree = async (path: string, real: string, type: RawStat['type']): Promise<void> => {
    if (type !== 'dir') return call(path, () => lfs.unlink(real));
    for (const name of await sortedNames(path, real)) {
      const child = real === '/' ? `/${name}` : `${real}/${name}`;
      const stat = await call(path, () => rawLstat(child));
      if (stat !== null) await removeTree(joinPath(path, name), child, stat.type);
    }
    return call(path, () => lfs.rmdir(real));
  };

  const mkdirOne = async (path: string, mode: number | undefined): Promise<void> => {
    const r = await resolve(path, false);
    const real = writable(r, path);
    if (r.stat !== null) throw new FsError('EEXIST', path);
    await call(path, () => lfs.mkdir(real, { mode: mode ?? 0o755 }));
  };

  const fs: LightningShellFs = {
    name,
    flush: () => lfs.flush(),
    async close() {
      guard.closing();
      await lfs.flush().catch(() => undefined);
      // lightning-fs lets go of its database (and its Web Lock) after 500 ms idle; a reset or an
      // erase must not wait for that, nor find the tree saved again after it deleted the database.
      const internals = lfs as unknown as {
        _initPromise?: Promise<void>;
        _activationPromise?: unknown;
        _deactivate?: () => Promise<void>;
        _backend?: { _idb?: { close?: () => Promise<void> } };
      };
      await internals._initPromise;
      // Its IndexedDB connection opens with the instance, not on first use: close it either way,
      // or deleting the database ("erase all my data") waits for it forever.
      if (internals._activationPromise != null) await internals._deactivate?.();
      else await internals._backend?._idb?.close?.();
    },
    async stat(path) {
      const r = await resolve(path, true);
      return toStat(r, existing(r, path));
    },
    async lstat(path) {
      const r = await resolve(path, false);
      return toStat(r, existing(r, path));
    },
    async readFile(path) {
      const r = await resolve(path, true);
      const stat = existing(r, path);
      if (stat.type === 'dir') throw new FsError('EISDIR', path);
      const data = await call(path, () => lfs.readFile((r.place as { real: string }).real));
      return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    },
    async writeFile(path, data, options = {}) {
      // A dangling symlink is written through to its target, as open(O_CREAT) does.
      const r = await resolve(path, true);
      if (r.stat?.type === 'dir') throw new FsError('EISDIR', path);
      const real = writable(r, path);
      let bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
      if (options.append && r.stat !== null) {
        const before = await call(path, () => lfs.readFile(real));
        const joined = new Uint8Array(before.byteLength + bytes.byteLength);
        joined.set(before);
        joined.set(bytes, before.byteLength);
        bytes = joined;
      }
      // An existing file keeps its mode and owner (open(2) ignores the mode then); a new one gets 0644.
      const mode = r.stat === null ? (options.mode ?? 0o644) : r.stat.mode & 0o7777;
      // lightning-fs records the new size before it stores the bytes, so a failed store (a full
      // quota) would leave the tree describing bytes that are not there. Write a temporary entry
      // instead and move it over the file only once its bytes are stored: a failure keeps the
      // old file whole.
      const temp = `${real === '/' ? '' : real.slice(0, real.lastIndexOf('/'))}/.lightning-write-${++writes}`;
      try {
        await lfs.writeFile(temp, bytes, { mode });
      } catch (error) {
        await lfs.unlink(temp).catch(() => undefined);
        throw translate(error, path);
      }
      if (r.stat !== null) {
        if (r.stat.uid !== uid || r.stat.gid !== gid) await call(path, () => lfs.chown(temp, r.stat?.uid ?? uid, r.stat?.gid ?? gid));
        await call(path, () => lfs.unlink(real));
      }
      await call(path, () => lfs.rename(temp, real));
    },
    async readdir(path) {
      const r = await resolve(path, true);
      const stat = existing(r, path);
      if (stat.type !== 'dir') throw new FsError('ENOTDIR', path);
      if (r.place.kind === 'virtual') return [mount.slice(r.path === '/' ? 1 : r.path.length + 1).split('/')[0] as string];
      return sortedNames(path, (r.place as { real: string }).real);
    },
    async mkdir(path, options = {}) {
      if (!options.recursive) return mkdirOne(path, options.mode);
      let here = '/';
      for (const part of normalizePath(path).split('/').filter(Boolean)) {
        here = joinPath(here, part);
        const r = await resolve(here, true);
        if (r.stat === null) await mkdirOne(here, options.mode);
        else if (r.stat.type !== 'dir') throw new FsError('ENOTDIR', here);
      }
    },
    async rm(path, options = {}) {
      const r = await resolve(path, false);
      if (r.stat === null) {
        if (options.force && r.place.kind !== 'outside') return;
        throw new FsError('ENOENT', path);
      }
      if (r.place.kind !== 'real' || r.place.real === '/') throw new FsError(r.place.kind === 'real' ? 'EPERM' : 'EACCES', path);
      const real = r.place.real;
      if (r.stat.type === 'dir' && !options.recursive && (await call(path, () => lfs.readdir(real))).length > 0) throw new FsError('ENOTEMPTY', path);
      await removeTree(r.path, real, r.stat.type);
    },
    async rename(from, to) {
      const src = await resolve(from, false);
      const srcStat = existing(src, from);
      const srcReal = writable(src, from);
      const dst = await resolve(to, false);
      const dstReal = writable(dst, to);
      if (srcReal === '/') throw new FsError('EPERM', from);
      if (src.path === dst.path) return;
      if (srcStat.type === 'dir' && `${dst.path}/`.startsWith(`${src.path}/`)) throw new FsError('EINVAL', to);
      if (dst.stat !== null) {
        if (dst.stat.type === 'dir' && srcStat.type !== 'dir') throw new FsError('EISDIR', to);
        if (dst.stat.type !== 'dir' && srcStat.type === 'dir') throw new FsError('ENOTDIR', to);
        if (dst.stat.type === 'dir' && (await call(to, () => lfs.readdir(dstReal))).length > 0) throw new FsError('ENOTEMPTY', to);
        // Replace the old entry (lightning-fs would leave its content behind in IndexedDB).
        await removeTree(dst.path, dstReal, dst.stat.type);
      }
      await call(from, () => lfs.rename(srcReal, dstReal));
    },
    async symlink(target, path) {
      const r = await resolve(path, false);
      const real = writable(r, path);
      if (r.stat !== null) throw new FsError('EEXIST', path);
      await call(path, () => lfs.symlink(target, real));
    },
    async readlink(path) {
      const r = await resolve(path, false);
      if (existing(r, path).type !== 'symlink') throw new FsError('EINVAL', path);
      return call(path, () => lfs.readlink((r.place as { real: string }).real));
    },
    async chmod(path, mode) {
      const r = await resolve(path, true);
      existing(r, path);
      const real = writable(r, path);
      await call(path, () => lfs.chmod(real, mode & 0o7777));
    },
    async chown(path, owner, group) {
      const r = await resolve(path, true);
      existing(r, path);
      const real = writable(r, path);
      await call(path, () => lfs.chown(real, owner, group));
    },
    async utimes(path, mtime) {
      const r = await resolve(path, true);
      existing(r, path);
      const real = writable(r, path);
      await call(path, () => lfs.utimes(real, mtime, mtime));
    },
    async exists(path) {
      try {
        return (await resolve(path, true)).stat !== null;
      } catch (error) {
        if (error instanceof FsError && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) return false;
        throw error;
      }
    },
  };
  return fs;
}

function translate(error: unknown, path: string): unknown {
  if (error instanceof FsError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CODES.has(code) ? new FsError(code as FsErrorCode, path) : error;
}
