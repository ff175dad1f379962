import { FsError, normalizePath, type FileStat, type ShellFs } from '@/lib/shell';

/**
 * isomorphic-git's `fs` client (its "promise fs" shape: `{ promises: { readFile, … } }`) over a
 * lib/shell `ShellFs`, so git runs over whatever the terminal runs over: the memory fs in tests,
 * the Node directory fs in the CLI, lightning-fs behind a ShellFs in the browser.
 *
 * Errors keep ShellFs's errno `code` (ENOENT, EEXIST, ENOTDIR, ENOTEMPTY…), which is what
 * isomorphic-git tests for.
 *
 * Change detection: a ShellFs has no reliable change time (the memory fs reports 0 for every
 * file, and a file rewritten within the same second with the same size looks unchanged), and
 * isomorphic-git trusts an index entry whose stat matches. So every stat of a regular file
 * carries a fresh `ctime`: git never trusts its stat cache and hashes the file's content
 * instead. Correct at the cost of hashing the workspace on each `status`, which is small.
 */
export interface GitFsClient {
  readonly promises: GitPromiseFs;
}

export interface GitStats {
  readonly type: 'file' | 'dir' | 'symlink';
  readonly mode: number;
  readonly size: number;
  readonly uid: number;
  readonly gid: number;
  readonly ino: number;
  readonly dev: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

type Encoding = string | { encoding?: string | null; mode?: number } | undefined;

export interface GitPromiseFs {
  readFile(path: string, options?: Encoding): Promise<Uint8Array | string>;
  writeFile(path: string, data: Uint8Array | string, options?: Encoding): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  mkdir(path: string, mode?: number | { mode?: number }): Promise<void>;
  rmdir(path: string): Promise<void>;
  stat(path: string): Promise<GitStats>;
  lstat(path: string): Promise<GitStats>;
  readlink(path: string, options?: Encoding): Promise<string>;
  symlink(target: string, path: string): Promise<void>;
  chmod(path: string, mode: number): Promise<void>;
}

const TYPE_BITS: Record<FileStat['type'], number> = { file: 0o100000, dir: 0o040000, symlink: 0o120000 };

let changeCounter = 1;

function toGitStats(stat: FileStat): GitStats {
  const mtimeMs = Math.floor((stat.mtime ?? 0) * 1000);
  // See the header: a fresh ctime per stat of a file makes isomorphic-git re-hash its content.
  const ctimeMs = stat.type === 'file' ? changeCounter++ : mtimeMs;
  return {
    type: stat.type,
    mode: TYPE_BITS[stat.type] | (stat.mode & 0o7777),
    size: stat.size,
    uid: stat.uid,
    gid: stat.gid,
    ino: 0,
    dev: 0,
    mtimeMs,
    ctimeMs,
    isFile: () => stat.type === 'file',
    isDirectory: () => stat.type === 'dir',
    isSymbolicLink: () => stat.type === 'symlink',
  };
}

function encodingOf(options: Encoding): string | undefined {
  if (typeof options === 'string') return options;
  return options?.encoding ?? undefined;
}

function path(p: unknown): string {
  if (typeof p !== 'string' || p === '') throw new FsError('ENOENT', String(p));
  return normalizePath(p);
}

const decoder = new TextDecoder();

export function createGitFs(fs: ShellFs): GitFsClient {
  const promises: GitPromiseFs = {
    // Every method is async, so a bad argument rejects instead of throwing: isomorphic-git probes
    // `readFile()` with no argument to tell a promise fs from a callback fs.
    async readFile(p, options) {
      const bytes = await fs.readFile(path(p));
      return encodingOf(options) === 'utf8' ? decoder.decode(bytes) : bytes;
    },
    async writeFile(p, data, options) {
      const target = path(p);
      const mode = typeof options === 'object' && options !== null ? options.mode : undefined;
      await fs.writeFile(target, data, mode === undefined ? {} : { mode: mode & 0o7777 });
      // A ShellFs keeps an existing file's mode on overwrite; git's checkout sets it.
      if (mode !== undefined) await fs.chmod(target, mode & 0o7777);
    },
    async unlink(p) {
      const target = path(p);
      const stat = await fs.lstat(target);
      if (stat.type === 'dir') throw new FsError('EISDIR', target);
      await fs.rm(target);
    },
    async readdir(p) {
      return fs.readdir(path(p));
    },
    async mkdir(p, mode) {
      const m = typeof mode === 'number' ? mode : mode?.mode;
      await fs.mkdir(path(p), m === undefined ? {} : { mode: m & 0o7777 });
    },
    async rmdir(p) {
      const target = path(p);
      const stat = await fs.lstat(target);
      if (stat.type !== 'dir') throw new FsError('ENOTDIR', target);
      if ((await fs.readdir(target)).length > 0) throw new FsError('ENOTEMPTY', target);
      await fs.rm(target);
    },
    async stat(p) {
      return toGitStats(await fs.stat(path(p)));
    },
    async lstat(p) {
      return toGitStats(await fs.lstat(path(p)));
    },
    async readlink(p) {
      return fs.readlink(path(p));
    },
    async symlink(target, p) {
      await fs.symlink(target, path(p));
    },
    async chmod(p, mode) {
      await fs.chmod(path(p), mode & 0o7777);
    },
  };
  return { promises };
}
