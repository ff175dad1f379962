import { EngineError } from '../errors';
import { createBufferedStore, type StoreBackend, type StoreChange } from './buffered-store';
import type { DirectoryIo } from './directory-io';
import { copyPack, encodePack, fitsInline, PACKED_KINDS, PackCache, packKeys, setPackEntry, type Pack } from './directory-pack';
import { formatQuotaMessage, isQuotaError } from './quota';
import { decodeRecordFile, encodeRecordParts, fileNameToKey, keyToFileName } from './record-codec';
import type { Store, StoreKind } from './types';
import { cloneRecord } from './values';

/**
 * The Node CLI's store, a directory anyone can read with `ls` and `cat`: blobs as raw bytes, one
 * file each; layer recipes as one record file each (`{"key", "value"}` JSON, followed by the raw
 * bytes of any Uint8Array inside the record: record-codec.ts), so a recipe's file contents cost a
 * write, not a base64 encoding; the small kinds (images, refs, containers, build cache, meta) as
 * one pack file per kind (directory-pack.ts), so a listing is one read, not one per record.
 *
 * A commit is write-ahead:
 *   1. every new file (record or rewritten pack) is written to a staging file `<kind>/.tmp-<tx>-<n>`;
 *   2. the journal (which staging file replaces which file, which files go) is written to
 *      `.journal.tmp`; the staging files and the journal are flushed together (`io.sync`, one
 *      batch per commit), and the journal renamed to `journal.json` — the commit point, atomic
 *      by rename;
 *   3. the renames and removals are applied, and the journal removed.
 * Opening the store (and any call after a failed apply) replays a committed journal, then sweeps
 * leftover staging files. A crash before the commit point thus rolls back; after it, completes.
 * Opening also moves record files of packed kinds that no pack names (a state directory written
 * before packs existed, one record file per record) into their pack, in one such commit.
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
  const fileName = (kind: StoreKind, key: string) => keyToFileName(key) + (kind === 'blobs' ? '' : '.json');
  const fileOf = (kind: StoreKind, key: string) => at(KIND_DIRECTORIES[kind], fileName(kind, key));
  const packs = new PackCache(io, (kind) => at(`${KIND_DIRECTORIES[kind]}.pack`));
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
    await locked(async () => void (await recover(io, root)));
    needsRecovery = false;
  };

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

  /** A record of an unpacked kind, or one a pack keeps in its own file. */
  const readOwnFile = async (kind: StoreKind, key: string, path: string): Promise<unknown> => {
    const record = await readRecord(kind, path);
    // A hashed file name could in theory be shared by two long keys: the record names its own.
    return record !== undefined && (kind === 'blobs' || record.key === key) ? record.value : undefined;
  };

  const packedValue = async (kind: StoreKind, pack: Pack, key: string): Promise<unknown> => {
    if (pack.records.has(key)) return cloneRecord(kind, pack.records.get(key) as never);
    const name = pack.files.get(key);
    return name === undefined ? undefined : readOwnFile(kind, key, at(KIND_DIRECTORIES[kind], name));
  };

  const backend: StoreBackend = {
    // A commit writes every put's bytes to a file and keeps none of them (packed values it keeps
    // are copied as they go into the pack, below).
    putBytes: 'any',
    async get(kind, key) {
      await recovered();
      if (PACKED_KINDS.has(kind)) return packedValue(kind, await packs.load(kind), key);
      return readOwnFile(kind, key, fileOf(kind, key));
    },
    async has(kind, key) {
      await recovered();
      if (PACKED_KINDS.has(kind)) {
        const pack = await packs.load(kind);
        return pack.records.has(key) || pack.files.has(key);
      }
      // Only a hashed (`~`) file name needs the record read to know whose it is.
      const path = fileOf(kind, key);
      return path.slice(path.lastIndexOf('/') + 1).startsWith('~') ? (await backend.get(kind, key)) !== undefined : io.exists(path);
    },
    async keys(kind, prefix) {
      await recovered();
      if (PACKED_KINDS.has(kind)) return packKeys(await packs.load(kind)).filter((key) => key.startsWith(prefix));
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
    async entries(kind, prefix) {
      await recovered();
      // One pack read for the small kinds; blobs and layers one file per key, as `get` reads them.
      const pack = PACKED_KINDS.has(kind) ? await packs.load(kind) : undefined;
      const entries: [string, unknown][] = [];
      for (const key of pack !== undefined ? packKeys(pack) : await backend.keys(kind, prefix)) {
        if (!key.startsWith(prefix)) continue;
        const value = pack !== undefined ? await packedValue(kind, pack, key) : await readOwnFile(kind, key, fileOf(kind, key));
        if (value !== undefined) entries.push([key, value]);
      }
      return entries;
    },
    async commit(changes) {
      await recovered();
      await locked(async () => {
        const next = new Map<StoreKind, Pack>();
        const journal = await stage(changes, next);
        await commitJournal(journal);
        for (const [kind, pack] of next) await packs.remember(kind, pack);
      });
    },
    async close() {
      packs.forget();
    },
  };

  const txId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  let txCount = 0;

  /**
   * Stages what `changes` write: a file per blob, layer and record too large for its pack, and a
   * new pack (built in `next`) per packed kind they touch. Returns the journal. Holds the lock.
   */
  async function stage(changes: readonly StoreChange[], next: Map<StoreKind, Pack>): Promise<JournalOp[]> {
    const tx = `${txId}-${txCount++}`;
    const ops: JournalOp[] = [];
    const unnamed: JournalOp[] = [];
    const write = async (dir: string, name: string, path: string, data: Uint8Array | Uint8Array[]) => {
      const staged = at(dir, `.tmp-${tx}-${name}`);
      ops.push({ op: 'put', path, staged });
      await io.writeFile(staged, data);
    };
    try {
      for (const [i, change] of changes.entries()) {
        const dir = KIND_DIRECTORIES[change.kind];
        if (!PACKED_KINDS.has(change.kind)) {
          const path = fileOf(change.kind, change.key);
          if (change.op === 'delete') ops.push({ op: 'delete', path });
          else await write(dir, String(i), path, change.kind === 'blobs' ? (change.value as Uint8Array) : encodeRecordParts({ key: change.key, value: change.value }));
          continue;
        }
        let pack = next.get(change.kind);
        if (pack === undefined) next.set(change.kind, (pack = copyPack(await packs.load(change.kind))));
        const previousFile = pack.files.get(change.key);
        if (change.op === 'delete') {
          setPackEntry(pack, change.key, undefined);
        } else if (fitsInline(change.value)) {
          setPackEntry(pack, change.key, { value: cloneRecord(change.kind, change.value as never) });
        } else {
          const name = fileName(change.kind, change.key);
          setPackEntry(pack, change.key, { file: name });
          await write(dir, String(i), at(dir, name), encodeRecordParts({ key: change.key, value: change.value }));
        }
        if (previousFile !== undefined && previousFile !== pack.files.get(change.key)) unnamed.push({ op: 'delete', path: at(dir, previousFile) });
      }
      // Packs after the record files they name, and before the removal of files they no longer
      // name, so a reader in another process never meets a pack naming a missing file.
      for (const [kind, pack] of next) await write(KIND_DIRECTORIES[kind], 'pack', at(`${KIND_DIRECTORIES[kind]}.pack`), encodePack(pack));
      ops.push(...unnamed);
    } catch (error) {
      await discard(ops.flatMap((op) => (op.op === 'put' ? [op.staged] : [])));
      throw translate(error, root, 'failed to write to the image store');
    }
    return ops;
  }

  /** Writes the journal (the commit point), then applies it. Holds the lock. */
  async function commitJournal(journal: JournalOp[]): Promise<void> {
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
  }

  /**
   * Record files of packed kinds that no pack names — a state directory from before packs, or
   * one an older Layerlab wrote to since — go into their packs (a file wins over the pack: it is
   * the newer), in one commit. Holds the lock.
   */
  async function adoptLooseRecords(listing: ReadonlyMap<string, readonly string[]>): Promise<void> {
    const changes: StoreChange[] = [];
    const next = new Map<StoreKind, Pack>();
    const adopted: string[] = [];
    for (const kind of PACKED_KINDS) {
      const dir = KIND_DIRECTORIES[kind];
      const names = (listing.get(dir) ?? []).filter((name) => !name.startsWith('.'));
      if (names.length === 0) continue;
      const pack = await packs.load(kind);
      const named = new Set(pack.files.values());
      for (const name of names) {
        if (named.has(name)) continue;
        const record = await readRecord(kind, at(dir, name));
        if (record === undefined || typeof record.key !== 'string') continue;
        if (fitsInline(record.value) || name !== fileName(kind, record.key)) {
          changes.push({ op: 'put', kind, key: record.key, value: record.value });
          adopted.push(at(dir, name));
          continue;
        }
        // A large record stays in its file: the pack only names it.
        let into = next.get(kind);
        if (into === undefined) next.set(kind, (into = copyPack(pack)));
        setPackEntry(into, record.key, { file: name });
      }
    }
    if (changes.length === 0 && next.size === 0) return;
    const journal = await stage(changes, next);
    // Removed once the packs holding them are in place (a reader in another process sees one or the other).
    const rewritten = new Set(journal.map((op) => op.path));
    for (const path of adopted) if (!rewritten.has(path)) journal.push({ op: 'delete', path });
    await commitJournal(journal);
    for (const [kind, pack] of next) await packs.remember(kind, pack);
  }

  async function discard(paths: string[]): Promise<void> {
    // Best effort: whatever stays behind is swept at the next open.
    for (const path of paths) await io.remove(path).catch(() => undefined);
  }

  try {
    for (const dir of Object.values(KIND_DIRECTORIES)) await io.mkdir(at(dir));
    await locked(async () => adoptLooseRecords(await recover(io, root)));
    needsRecovery = false;
  } catch (error) {
    throw translate(error, root, 'cannot open the image store');
  }

  return createBufferedStore(backend);
}

/**
 * Completes a committed journal, then (`sweep`) removes staging files of unfinished commits and
 * returns what is left in each kind's directory. Idempotent.
 */
async function recover(io: DirectoryIo, root: string, sweep = true): Promise<Map<string, string[]>> {
  const listing = new Map<string, string[]>();
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
  if (!sweep) return listing;
  await io.remove(`${root}/${JOURNAL_TMP}`);
  for (const dir of Object.values(KIND_DIRECTORIES)) {
    const names: string[] = [];
    for (const name of await io.list(`${root}/${dir}`)) {
      if (name.startsWith('.tmp-')) await io.remove(`${root}/${dir}/${name}`);
      else names.push(name);
    }
    listing.set(dir, names);
  }
  return listing;
}

function translate(error: unknown, root: string, what: string): EngineError {
  if (isQuotaError(error)) return new EngineError('quota', formatQuotaMessage(`the disk holding ${root}`), { cause: error });
  if (error instanceof EngineError) return error;
  return new EngineError('store', `${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
