import { EngineError } from '../errors';
import { createBufferedStore, type StoreBackend, type StoreChange } from './buffered-store';
import type { DirectoryIo } from './directory-io';
import { formatQuotaMessage, isQuotaError } from './quota';
import { decodeRecordFile, encodeRecordParts, fileNameToKey, keyToFileName } from './record-codec';
import type { Store, StoreKind } from './types';

/**
 * The Node CLI's store: one file per record under `<root>/<kind>/` — blobs as raw bytes, other
 * records as `{"key", "value"}` JSON, followed by the raw bytes of any Uint8Array inside the
 * record (record-codec.ts) — so the state directory can be read with `ls` and `cat`, and a layer
 * recipe's file contents cost a write, not a base64 encoding.
 *
 * A commit is write-ahead:
 *   1. every new record is written to a staging file `<kind>/.tmp-<tx>-<n>`;
 *   2. the journal (which staging file replaces which record, which records go) is written to
 *      `.journal.tmp`; the staging files and the journal are flushed together (`io.sync`, one
 *      batch per commit), and the journal renamed to `journal.json` — the commit point, atomic
 *      by rename;
 *   3. the renames and removals are applied, and the journal removed.
 * Opening the store (and any call after a failed apply) replays a committed journal, then sweeps
 * leftover staging files. A crash before the commit point thus rolls back; after it, completes.
 */
export const KIND_DIRECTORIES: Readonly<Record<StoreKind, string>> = {
  blobs: 'blobs',
  layers: 'layers',
  images: 'images',
  refs: 'refs',
  buildCache: 'build-cache',
  containers: 'containers',
  meta: 'meta',
};

const JOURNAL = 'journal.json';
const JOURNAL_TMP = '.journal.tmp';

type JournalOp = { op: 'put'; path: string; staged: string } | { op: 'delete'; path: string };

export async function openDirectoryStore(io: DirectoryIo, root: string): Promise<Store> {
  const at = (...parts: string[]) => [root, ...parts].join('/');
  const fileOf = (kind: StoreKind, key: string) => at(KIND_DIRECTORIES[kind], keyToFileName(key) + (kind === 'blobs' ? '' : '.json'));
  const locked = async <T>(fn: () => Promise<T>): Promise<T> => {
    const release = await io.lock?.(root);
    try {
      return await fn();
    } finally {
      await release?.();
    }
  };
  let needsRecovery = true;
  const recovered = async () => {
    if (!needsRecovery) return;
    await locked(() => recover(io, root));
    needsRecovery = false;
  };

  try {
    for (const dir of Object.values(KIND_DIRECTORIES)) await io.mkdir(at(dir));
    await recovered();
  } catch (error) {
    throw translate(error, root, 'cannot open the image store');
  }

  const readRecord = async (kind: StoreKind, path: string): Promise<{ key: string; value: unknown } | undefined> => {
    const bytes = await io.readFile(path);
    if (bytes === undefined) return undefined;
    if (kind === 'blobs') return { key: fileNameToKey(path.slice(path.lastIndexOf('/') + 1)) ?? '', value: bytes };
    try {
      return decodeRecordFile(bytes) as { key: string; value: unknown };
    } catch (error) {
      throw new EngineError('store', `corrupt record ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  };

  const backend: StoreBackend = {
    async get(kind, key) {
      await recovered();
      const record = await readRecord(kind, fileOf(kind, key));
      // A hashed file name could in theory be shared by two long keys: the record names its own.
      return record !== undefined && (kind === 'blobs' || record.key === key) ? record.value : undefined;
    },
    async has(kind, key) {
      await recovered();
      // Only a hashed (`~`) file name needs the record read to know whose it is.
      const path = fileOf(kind, key);
      return path.slice(path.lastIndexOf('/') + 1).startsWith('~') ? (await backend.get(kind, key)) !== undefined : io.exists(path);
    },
    async keys(kind, prefix) {
      await recovered();
      const dir = at(KIND_DIRECTORIES[kind]);
      const keys: string[] = [];
      for (const name of await io.list(dir)) {
        if (name.startsWith('.')) continue; // staging files
        const base = kind === 'blobs' ? name : name.replace(/\.json$/, '');
        const key = fileNameToKey(base) ?? (await readRecord(kind, `${dir}/${name}`))?.key;
        if (key !== undefined && key.startsWith(prefix)) keys.push(key);
      }
      return keys.sort();
    },
    async commit(changes) {
      await recovered();
      await locked(async () => {
        const journal = await stage(changes);
        try {
          await io.writeFile(at(JOURNAL_TMP), new TextEncoder().encode(JSON.stringify({ version: 1, ops: journal })));
          await io.sync?.([...journal.flatMap((op) => (op.op === 'put' ? [op.staged] : [])), at(JOURNAL_TMP)]);
          await io.rename(at(JOURNAL_TMP), at(JOURNAL));
        } catch (error) {
          await discard([at(JOURNAL_TMP), ...journal.flatMap((op) => (op.op === 'put' ? [op.staged] : []))]);
          throw translate(error, root, 'failed to write to the image store');
        }
        // Committed. From here an error means "finish later", never "roll back": one retry for a
        // passing fault; if that fails too, every later call replays the journal before anything else.
        needsRecovery = true;
        await recover(io, root, false)
          .catch(() => recover(io, root, false))
          .catch((error: unknown) => {
            throw translate(error, root, 'the write was committed but not fully applied; it completes when the store is next used');
          });
        needsRecovery = false;
      });
    },
    async close() {},
  };

  const txId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  let txCount = 0;
  async function stage(changes: readonly StoreChange[]): Promise<JournalOp[]> {
    const tx = `${txId}-${txCount++}`;
    const ops: JournalOp[] = [];
    try {
      for (const [i, change] of changes.entries()) {
        const path = fileOf(change.kind, change.key);
        if (change.op === 'delete') {
          ops.push({ op: 'delete', path });
          continue;
        }
        const staged = at(KIND_DIRECTORIES[change.kind], `.tmp-${tx}-${i}`);
        ops.push({ op: 'put', path, staged });
        const data = change.kind === 'blobs' ? (change.value as Uint8Array) : encodeRecordParts({ key: change.key, value: change.value });
        await io.writeFile(staged, data);
      }
    } catch (error) {
      await discard(ops.flatMap((op) => (op.op === 'put' ? [op.staged] : [])));
      throw translate(error, root, 'failed to write to the image store');
    }
    return ops;
  }

  async function discard(paths: string[]): Promise<void> {
    // Best effort: whatever stays behind is swept at the next open.
    for (const path of paths) await io.remove(path).catch(() => undefined);
  }

  return createBufferedStore(backend);
}

/** Completes a committed journal, then (`sweep`) removes staging files of unfinished commits. Idempotent. */
async function recover(io: DirectoryIo, root: string, sweep = true): Promise<void> {
  const bytes = await io.readFile(`${root}/${JOURNAL}`);
  if (bytes !== undefined) {
    let ops: JournalOp[];
    try {
      ops = (JSON.parse(new TextDecoder().decode(bytes)) as { ops: JournalOp[] }).ops;
    } catch (error) {
      throw new EngineError('store', `corrupt journal ${root}/${JOURNAL}: remove it to roll back its write`, { cause: error });
    }
    for (const op of ops) {
      if (op.op === 'delete') await io.remove(op.path);
      // A missing staging file was renamed before the interruption.
      else if (await io.exists(op.staged)) await io.rename(op.staged, op.path);
    }
    await io.remove(`${root}/${JOURNAL}`);
  }
  if (!sweep) return;
  await io.remove(`${root}/${JOURNAL_TMP}`);
  for (const dir of Object.values(KIND_DIRECTORIES)) {
    for (const name of await io.list(`${root}/${dir}`)) if (name.startsWith('.tmp-')) await io.remove(`${root}/${dir}/${name}`);
  }
}

function translate(error: unknown, root: string, what: string): EngineError {
  if (isQuotaError(error)) return new EngineError('quota', formatQuotaMessage(`the disk holding ${root}`), { cause: error });
  if (error instanceof EngineError) return error;
  return new EngineError('store', `${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
