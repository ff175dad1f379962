/**
 * The file operations the directory store needs, injected so the store stays pure (lib/cli gives
 * the node:fs implementation; tests give a Map and inject crashes). Paths use `/`.
 */
export interface DirectoryIo {
  /** A file's bytes, or undefined when it does not exist. */
  readFile(path: string): Promise<Uint8Array | undefined>;
  exists(path: string): Promise<boolean>;
  /**
   * A token that changes whenever the file is replaced (null when it does not exist): the store
   * keeps parsed packs while it stays the same. Optional: without it packs are read on every use.
   */
  fileVersion?(path: string): Promise<string | null>;
  /**
   * Creates or replaces a file with `data`, or with the pieces of `data` back to back (so a large
   * record is written without first being joined into one buffer). Not flushed: see `sync`.
   */
  writeFile(path: string, data: Uint8Array | readonly Uint8Array[]): Promise<void>;
  /**
   * Flushes these files to disk (fsync), all at once. The store calls it once per commit, for
   * every staged file and the journal, before the journal's rename makes the commit count. An io
   * without it (in memory, or a non-durable one) makes no durability promise.
   */
  sync?(paths: readonly string[]): Promise<void>;
  /** Atomically replaces `to` by `from` (POSIX rename). */
  rename(from: string, to: string): Promise<void>;
  /** Removes a file; a missing file is not an error. */
  remove(path: string): Promise<void>;
  /** Names of the entries of a directory; [] when it does not exist. */
  list(dir: string): Promise<string[]>;
  /** Creates a directory and its parents; an existing one is fine. */
  mkdir(dir: string): Promise<void>;
  /**
   * Takes the store's lock against other processes and returns its release. Without it, two
   * processes committing to one directory at once could sweep each other's staged files.
   */
  lock?(root: string): Promise<() => Promise<void>>;
}

/** An in-memory DirectoryIo: the directory store without a disk (tests, and the crash tests). */
export function createMemoryDirectoryIo(files = new Map<string, Uint8Array>()): DirectoryIo & { files: Map<string, Uint8Array> } {
  // Every write stores a new array (a rename moves it): its identity is the file's version.
  const versions = new WeakMap<Uint8Array, string>();
  let nextVersion = 0;
  return {
    files,
    async readFile(path) {
      return files.get(path)?.slice();
    },
    async exists(path) {
      return files.has(path);
    },
    async fileVersion(path) {
      const data = files.get(path);
      if (data === undefined) return null;
      let version = versions.get(data);
      if (version === undefined) versions.set(data, (version = String(nextVersion++)));
      return version;
    },
    async writeFile(path, data) {
      files.set(path, joinParts(data));
    },
    async rename(from, to) {
      const data = files.get(from);
      if (data === undefined) throw Object.assign(new Error(`ENOENT: no such file, rename '${from}'`), { code: 'ENOENT' });
      files.set(to, data);
      files.delete(from);
    },
    async remove(path) {
      files.delete(path);
    },
    async list(dir) {
      const prefix = `${dir}/`;
      const names = new Set<string>();
      for (const path of files.keys()) if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split('/')[0] ?? '');
      return [...names];
    },
    async mkdir() {},
  };
}

/** `data` as one fresh array. */
export function joinParts(data: Uint8Array | readonly Uint8Array[]): Uint8Array {
  if (data instanceof Uint8Array) return data.slice();
  let total = 0;
  for (const part of data) total += part.byteLength;
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of data) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

export interface FaultOptions {
  /** 'once' (default): only that call fails. 'crash': it and every later one, as if the process died. */
  mode?: 'once' | 'crash';
  /** The error to throw (default an EIO error). */
  error?: () => Error;
}

export type FaultyDirectoryIo = DirectoryIo & {
  /** Arms a failure of the mutating call (writeFile, sync, rename, remove) `count` calls from now. */
  failAfter(count: number, options?: FaultOptions): void;
  disarm(): void;
};

/** Wraps an io so a chosen mutating call fails: the directory store's fault injection. */
export function withFaults(io: DirectoryIo): FaultyDirectoryIo {
  let plan: (FaultOptions & { left: number }) | undefined;
  const sync = io.sync;
  const guard =
    <A extends unknown[]>(fn: (...args: A) => Promise<void>) =>
    async (...args: A): Promise<void> => {
      const armed = plan;
      if (armed !== undefined && armed.left-- <= 0) {
        if (armed.mode !== 'crash') plan = undefined;
        throw armed.error?.() ?? Object.assign(new Error('EIO: i/o error (injected)'), { code: 'EIO' });
      }
      await fn(...args);
    };
  return {
    ...io,
    failAfter(count, options = {}) {
      plan = { ...options, left: count };
    },
    disarm() {
      plan = undefined;
    },
    writeFile: guard((path: string, data: Uint8Array | readonly Uint8Array[]) => io.writeFile(path, data)),
    ...(sync !== undefined ? { sync: guard((paths: readonly string[]) => sync.call(io, paths)) } : {}),
    rename: guard((from: string, to: string) => io.rename(from, to)),
    remove: guard((path: string) => io.remove(path)),
  };
}
