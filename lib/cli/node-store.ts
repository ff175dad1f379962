/**
 * The `layerlab` CLI's image store: the engine's directory store over node:fs (DESIGN.md §4,
 * `--state DIR`). Only Node faces import this file; the engine itself stays free of Node.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { EngineError, openDirectoryStore, type DirectoryIo, type Store } from '@/lib/engine';

export interface NodeDirectoryOptions {
  /**
   * fsync what a commit writes (default true), all of its files in one batch before the commit
   * point: a power cut then cannot lose or tear a committed write.
   */
  durable?: boolean;
  /** How long to wait for another process's lock on the state directory (default 10 s). */
  lockTimeoutMs?: number;
}

/** Opens (creating it if needed) the store under `dir`, replaying an interrupted write. */
export function createDirectoryStore(dir: string, options: NodeDirectoryOptions = {}): Promise<Store> {
  return openDirectoryStore(createNodeDirectoryIo(options), dir);
}

export function createNodeDirectoryIo(options: NodeDirectoryOptions = {}): DirectoryIo {
  const durable = options.durable ?? true;
  return {
    // Reads, renames, removals and listings are synchronous: a CLI process has nothing to
    // interleave with them, and a thread-pool round trip each made `docker system df` (hundreds
    // of layer records) and every store open several times slower on a busy machine. Writes and
    // flushes, which can be large, stay asynchronous.
    async readFile(path) {
      try {
        const data = readFileSync(path);
        // A view, not a copy: the Buffer is ours alone, and blobs can be megabytes.
        return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      } catch (error) {
        if (codeOf(error) === 'ENOENT') return undefined;
        throw error;
      }
    },
    async exists(path) {
      return statSync(path, { throwIfNoEntry: false }) !== undefined;
    },
    async fileVersion(path) {
      // The store only replaces a pack by renaming a new file over it: a new inode, new times.
      try {
        const s = statSync(path, { bigint: true });
        return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
      } catch (error) {
        if (codeOf(error) === 'ENOENT') return null;
        throw error;
      }
    },
    async writeFile(path, data) {
      const handle = await open(path, 'w');
      try {
        await writeAll(handle, data instanceof Uint8Array ? [data] : data);
      } finally {
        await handle.close();
      }
    },
    ...(durable
      ? {
          // In parallel: the disk sees one batch of flushes per commit instead of one wait per file.
          async sync(paths: readonly string[]) {
            await Promise.all(paths.map(syncFile));
          },
        }
      : {}),
    rename: async (from, to) => renameSync(from, to),
    remove: async (path) => rmSync(path, { force: true }),
    async list(path) {
      try {
        return readdirSync(path);
      } catch (error) {
        if (codeOf(error) === 'ENOENT') return [];
        throw error;
      }
    },
    mkdir: async (path) => void mkdirSync(path, { recursive: true }),
    lock: (root) => lockDirectory(`${root}/lock`, options.lockTimeoutMs ?? 10_000),
  };
}

/** Writes the pieces back to back: writev in batches (no joined copy), finishing short writes. */
async function writeAll(handle: FileHandle, parts: readonly Uint8Array[]): Promise<void> {
  const BATCH = 512; // below every platform's IOV_MAX
  for (let i = 0; i < parts.length; i += BATCH) {
    const batch = parts.slice(i, i + BATCH).filter((part) => part.byteLength > 0);
    const total = batch.reduce((sum, part) => sum + part.byteLength, 0);
    if (total === 0) continue;
    let written = (await handle.writev(batch)).bytesWritten;
    for (const part of batch) {
      if (written >= part.byteLength) {
        written -= part.byteLength;
        continue;
      }
      for (let at = written; at < part.byteLength; ) at += (await handle.write(part, at, part.byteLength - at)).bytesWritten;
      written = 0;
    }
  }
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * A lock file created exclusively, holding the owner's pid. A lock whose process is gone (it
 * crashed mid-commit) is stale and taken over; the journal then repairs what it left. (Two
 * processes taking over the same stale lock at the same instant could both win: rare enough for
 * a learning tool's CLI, and the journal still keeps every commit whole.)
 */
async function lockDirectory(path: string, timeoutMs: number): Promise<() => Promise<void>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return async () => rmSync(path, { force: true });
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') throw error;
    }
    const owner = Number(readOrEmpty(path).trim());
    if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) {
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new EngineError('conflict', `the state directory ${path.slice(0, -'/lock'.length)} is locked by another layerlab process (pid ${owner || 'unknown'})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return codeOf(error) === 'EPERM';
  }
}

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}
