/**
 * The filesystem the shell runs over. The engine adapts a layer's tree to it for RUN, the
 * workspace adapts the student's files for the terminal, and tests use `createMemoryFs`.
 * Paths are always absolute and normalized (the shell resolves `cwd`, `.` and `..` first);
 * methods reject with `FsError` so commands can print the errno text a real tool would.
 */
export type FileType = 'file' | 'dir' | 'symlink';

export interface FileStat {
  type: FileType;
  /** Permission bits only (0o7777), as `chmod` sets them. */
  mode: number;
  uid: number;
  gid: number;
  /** Bytes; for symlinks the length of the target, as lstat reports. */
  size: number;
  /** Seconds since the epoch; optional because layers use a fixed time. */
  mtime?: number;
}

export interface WriteOptions {
  mode?: number;
  append?: boolean;
}

export interface ShellFs {
  /** Follows symlinks. */
  stat(path: string): Promise<FileStat>;
  /** Does not follow a symlink in the last component. */
  lstat(path: string): Promise<FileStat>;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array | string, options?: WriteOptions): Promise<void>;
  /** Entry names, sorted by code unit (the order `ls` and globbing want). */
  readdir(path: string): Promise<string[]>;
  mkdir(path: string, options?: { recursive?: boolean; mode?: number }): Promise<void>;
  rm(path: string, options?: { recursive?: boolean; force?: boolean }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  symlink(target: string, path: string): Promise<void>;
  readlink(path: string): Promise<string>;
  chmod(path: string, mode: number): Promise<void>;
  chown(path: string, uid: number, gid: number): Promise<void>;
  utimes?(path: string, mtime: number): Promise<void>;
  exists(path: string): Promise<boolean>;
  /**
   * Optional fast copy of one regular file (content, mode). The engine supplies it so `cp` of a
   * large synthetic file keeps its recipe instead of materializing the bytes.
   */
  copyFile?(from: string, to: string): Promise<void>;
}

export type FsErrorCode = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EACCES' | 'EPERM' | 'EINVAL' | 'ELOOP' | 'EROFS';

/** strerror(3) texts, so commands print what coreutils would. */
const STRERROR: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EINVAL: 'Invalid argument',
  ELOOP: 'Too many levels of symbolic links',
  EROFS: 'Read-only file system',
};

export class FsError extends Error {
  override readonly name = 'FsError';
  readonly code: FsErrorCode;
  readonly path: string;

  constructor(code: FsErrorCode, path: string) {
    super(STRERROR[code]);
    this.code = code;
    this.path = path;
  }
}

export function isFsError(value: unknown, code?: FsErrorCode): value is FsError {
  return value instanceof FsError && (code === undefined || value.code === code);
}

/** The strerror text of any error a ShellFs threw (foreign errors keep their message). */
export function errorText(error: unknown): string {
  if (error instanceof FsError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
