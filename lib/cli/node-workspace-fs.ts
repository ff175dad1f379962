/**
 * The student's workspace over a real directory, for `layerlab sh --workdir DIR`: lib/shell's
 * ShellFs on node:fs/promises. DIR appears at `mount` (default `/workspace`, where the browser's
 * terminal has it); the directories above it are read-only and hold nothing else, and nothing
 * outside DIR can be reached — not by `..` (shell paths are normalized before they get here)
 * nor by a symlink whose target resolves outside DIR (refused with EACCES).
 */
import { chmod, copyFile, lstat, mkdir, readdir, readFile, readlink, realpath, rename, rm, rmdir, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { FsError, type FileStat, type FsErrorCode, type ShellFs } from '@/lib/shell';

const CODES = new Set<FsErrorCode>(['ENOENT', 'EEXIST', 'ENOTDIR', 'EISDIR', 'ENOTEMPTY', 'EACCES', 'EPERM', 'EINVAL', 'ELOOP', 'EROFS']);
/** The student owns the workspace, whatever uid runs the CLI. */
const OWNER = 1000;

export async function createNodeWorkspaceFs(dir: string, options: { mount?: string } = {}): Promise<ShellFs> {
  const mount = (options.mount ?? '/workspace').replace(/\/+$/, '') || '/';
  await mkdir(dir, { recursive: true });
  const root = await realpath(dir);
  const within = (real: string) => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);

  /** The real path for a shell path, or 'virtual' for an ancestor of the mount point. */
  const locate = (path: string): string | 'virtual' | undefined => {
    let real: string | undefined;
    if (mount === '/') real = join(root, path);
    else if (path === mount || path.startsWith(`${mount}/`)) real = join(root, path.slice(mount.length));
    else if (mount.startsWith(path === '/' ? '/' : `${path}/`)) return 'virtual';
    // Paths come normalized; a `..` that slipped through must still not leave the directory.
    if (real !== undefined && !within(real)) throw new FsError('EACCES', path);
    return real;
  };
  /** Refuses paths whose existing part resolves outside the workspace (symlink escapes). */
  const confine = async (real: string, path: string, follow: boolean): Promise<void> => {
    // Without following, the last component may be a link: check the directory holding it.
    let probe = follow || real === root ? real : dirname(real);
    for (;;) {
      try {
        if (!within(await realpath(probe))) throw new FsError('EACCES', path);
        return;
      } catch (error) {
        if (error instanceof FsError) throw error;
        const code = (error as { code?: string }).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') throw translate(error, path);
        if (probe === root || dirname(probe) === probe) return;
        probe = dirname(probe);
      }
    }
  };
  /** Runs `op` on the real path of `path`; writes above the mount point are refused. */
  const at = async <T>(path: string, follow: boolean, op: (real: string) => Promise<T>, virtual?: () => T, write = false): Promise<T> => {
    const real = locate(path);
    // Outside the workspace there is nothing to read and nowhere to write (as for a non-root user in /).
    if (real === undefined) throw new FsError(write ? 'EACCES' : 'ENOENT', path);
    if (real === 'virtual') {
      if (virtual === undefined) throw new FsError('EACCES', path);
      return virtual();
    }
    await confine(real, path, follow);
    try {
      return await op(real);
    } catch (error) {
      throw translate(error, path);
    }
  };
  const virtualDir: FileStat = { type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 4096 };
  const toStat = (s: Awaited<ReturnType<typeof stat>>): FileStat => ({
    type: s.isDirectory() ? 'dir' : s.isSymbolicLink() ? 'symlink' : 'file',
    mode: Number(s.mode) & 0o7777,
    uid: OWNER,
    gid: OWNER,
    size: Number(s.size),
    mtime: Math.floor(Number(s.mtimeMs) / 1000),
  });

  return {
    stat: (path) => at(path, true, async (real) => toStat(await stat(real)), () => virtualDir),
    lstat: (path) => at(path, false, async (real) => toStat(await lstat(real)), () => virtualDir),
    readFile: (path) =>
      at(path, true, async (real) => {
        const data = await readFile(real);
        return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      }),
    writeFile: (path, data, options = {}) =>
      at(path, true, async (real) => {
        await writeFile(real, data, { flag: options.append ? 'a' : 'w', ...(options.mode !== undefined ? { mode: options.mode } : {}) });
      }, undefined, true),
    readdir: (path) =>
      at(
        path,
        true,
        async (real) => (await readdir(real)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
        () => [mount.slice(path === '/' ? 1 : path.length + 1).split('/')[0] as string],
      ),
    mkdir: (path, options = {}) =>
      at(path, false, async (real) => {
        await mkdir(real, { recursive: options.recursive ?? false, ...(options.mode !== undefined ? { mode: options.mode } : {}) });
      }, options.recursive ? () => undefined : undefined, true),
    rm: (path, options = {}) =>
      at(path, false, async (real) => {
        if (real === root) throw new FsError('EPERM', path);
        const s = await lstat(real).catch((error: unknown) => {
          if (options.force && (error as { code?: string }).code === 'ENOENT') return undefined;
          throw error;
        });
        if (s === undefined) return;
        if (s.isDirectory() && !options.recursive) await rmdir(real);
        else await rm(real, { recursive: options.recursive ?? false, force: options.force ?? false });
      }, undefined, true),
    rename: (from, to) => at(from, false, (realFrom) => at(to, false, (realTo) => rename(realFrom, realTo), undefined, true), undefined, true),
    symlink: (target, path) => at(path, false, (real) => symlink(target, real), undefined, true),
    readlink: (path) => at(path, false, (real) => readlink(real)),
    chmod: (path, mode) => at(path, true, (real) => chmod(real, mode), undefined, true),
    // Ownership is the student's by definition (see OWNER); chown only checks the path exists.
    chown: (path) => at(path, true, async (real) => void (await stat(real))),
    utimes: (path, mtime) => at(path, true, (real) => utimes(real, mtime, mtime), undefined, true),
    exists: async (path) => {
      try {
        await at(path, true, async (real) => void (await stat(real)), () => undefined);
        return true;
      } catch (error) {
        if (error instanceof FsError && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) return false;
        throw error;
      }
    },
    copyFile: (from, to) => at(from, true, (realFrom) => at(to, true, (realTo) => copyFile(realFrom, realTo), undefined, true)),
  };
}

function translate(error: unknown, path: string): unknown {
  if (error instanceof FsError) return error;
  const code = (error as { code?: string } | null)?.code;
  return code !== undefined && CODES.has(code as FsErrorCode) ? new FsError(code as FsErrorCode, path) : error;
}
