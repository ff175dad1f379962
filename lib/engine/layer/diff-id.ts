import { type Digest, type Sha256Factory, wasmSha256 } from '@/lib/util';
import { EngineError } from '../errors';
import { type ChangeSet, contentSize, fingerprint } from '../fs';
import { tarPieces, type TarOptions } from './change-set-to-tar';
import { oneShotOf, type OneShotSha256 } from './one-shot-sha256';

/** sha256 of an empty layer tar (two zero blocks, 1024 bytes): the diffID every empty layer shares. */
export const EMPTY_LAYER_DIFF_ID: Digest = 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef';

export interface HashOptions extends TarOptions {
  readonly signal?: AbortSignal;
}

export interface LayerDigest {
  readonly diffId: Digest;
  /** Byte length of the uncompressed tar. */
  readonly tarSize: number;
}

/** Gives the event loop a turn so a worker stays responsive while a big layer hashes. */
function macrotask(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}

const YIELD_EVERY_MS = 50;

/**
 * Streams the layer tar through the hasher: memory stays flat whatever the layer's size. When the
 * factory carries a one-shot hasher (`withOneShotSha256`) and the tar fits its bounds, the tar is
 * laid out in one buffer and hashed in one call instead (WebCrypto in the browser: faster).
 */
/** The bytes of a change set's files: the tar's size without headers. */
function contentBytes(changeSet: ChangeSet): number {
  let content = 0;
  for (const entry of changeSet.entries) if (entry.kind === 'file') content += contentSize(entry.content);
  return content;
}

/** More than the tar can weigh: headers are at most 3 KiB an entry. */
function tarSizeBound(changeSet: ChangeSet, content = contentBytes(changeSet)): number {
  return content + changeSet.entries.length * 3072;
}

export async function hashLayer(changeSet: ChangeSet, factory: Sha256Factory = wasmSha256, options: HashOptions = {}): Promise<LayerDigest> {
  const oneShot = oneShotOf(factory);
  if (oneShot !== undefined) {
    // Bounds from the content bytes alone: encoding every header twice would cost more.
    const content = contentBytes(changeSet);
    if (content >= (oneShot.minBytes ?? 1 << 20) && tarSizeBound(changeSet, content) <= oneShot.maxBytes) return hashInOneShot(changeSet, oneShot, options);
  }
  const hasher = await factory();
  let tarSize = 0;
  let lastYield = performance.now();
  for (const piece of tarPieces(changeSet, options)) {
    hasher.update(piece);
    tarSize += piece.length;
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await macrotask();
      checkCancelled(options);
      lastYield = performance.now();
    }
  }
  return { diffId: hasher.digest(), tarSize };
}

function checkCancelled(options: HashOptions): void {
  if (options.signal?.aborted) throw new EngineError('cancelled', 'context canceled', { cause: options.signal.reason });
}

async function hashInOneShot(changeSet: ChangeSet, oneShot: OneShotSha256, options: HashOptions): Promise<LayerDigest> {
  // Pieces are views (synthetic pages of a shared pool): listing them copies nothing.
  const pieces = [...tarPieces(changeSet, options)];
  let size = 0;
  for (const piece of pieces) size += piece.length;
  const tar = new Uint8Array(size);
  let at = 0;
  let lastYield = performance.now();
  for (const piece of pieces) {
    tar.set(piece, at);
    at += piece.length;
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await macrotask();
      checkCancelled(options);
      lastYield = performance.now();
    }
  }
  pieces.length = 0;
  const diffId = await oneShot.digest(tar);
  checkCancelled(options);
  return { diffId, tarSize: size };
}

/** DiffID = sha256 of the uncompressed layer tar (image-spec config.md, docker-semantics §2e). */
export async function diffIdOf(changeSet: ChangeSet, factory: Sha256Factory = wasmSha256, options: HashOptions = {}): Promise<Digest> {
  return (await hashLayer(changeSet, factory, options)).diffId;
}

/**
 * ChainIDs per image-spec config.md: ChainID(L0) = DiffID(L0), ChainID(L0..n) =
 * sha256(ChainID(L0..n-1) + " " + DiffID(n)), hashing the `sha256:<hex>` strings as ASCII.
 */
export async function chainIds(diffIds: readonly Digest[], factory: Sha256Factory = wasmSha256): Promise<Digest[]> {
  const out: Digest[] = [];
  const encoder = new TextEncoder();
  for (const diffId of diffIds) {
    const previous = out[out.length - 1];
    if (previous === undefined) out.push(diffId);
    else {
      const hasher = await factory();
      hasher.update(encoder.encode(`${previous} ${diffId}`));
      out.push(hasher.digest());
    }
  }
  return out;
}

/** The chainID of the whole stack (the last of `chainIds`), or undefined for no layers. */
export async function chainIdOf(diffIds: readonly Digest[], factory: Sha256Factory = wasmSha256): Promise<Digest | undefined> {
  return (await chainIds(diffIds, factory)).at(-1);
}

export interface DiffIdMemo {
  /** The layer's diffID and tar size, hashed at most once per change-set fingerprint. */
  hashLayer(changeSet: ChangeSet, options?: HashOptions): Promise<LayerDigest>;
  diffIdOf(changeSet: ChangeSet, options?: HashOptions): Promise<Digest>;
  /** Seeds a known result (e.g. loaded from the store). */
  remember(fingerprint: Digest, mtime: number, digest: LayerDigest): void;
  /** `loaded`: results read from the persistence instead of hashing. */
  readonly stats: { hits: number; misses: number; loaded: number };
}

/**
 * Where a memo keeps its results beyond the process (the browser's IndexedDB store), so a reload
 * never hashes a layer again. Keys are `<fingerprint>@<mtime>`. Failures are ignored: it is a cache.
 */
export interface DiffIdPersistence {
  load(key: string): Promise<LayerDigest | undefined>;
  save(key: string, digest: LayerDigest): Promise<void>;
  /** Only results of tars at least this big are saved (default 1 MiB: smaller ones hash in a few ms). */
  readonly minTarSize?: number;
}

export interface DiffIdMemoOptions {
  readonly maxEntries?: number;
  readonly persistence?: DiffIdPersistence;
}

function isLayerDigest(value: unknown): value is LayerDigest {
  const v = value as Partial<LayerDigest> | undefined;
  return typeof v === 'object' && v !== null && typeof v.diffId === 'string' && /^sha256:[0-9a-f]{64}$/.test(v.diffId) && typeof v.tarSize === 'number';
}

/**
 * Memoizes diffIDs by the change set's fingerprint (DESIGN.md §3: rebuilding the same change
 * never hashes it again). Concurrent requests for the same change set share one hashing run.
 * The key includes the mtime because it is part of the tar bytes. At most `maxEntries` results
 * are kept, the least recently used dropped first, so a memo may outlive many builds. With a
 * persistence, a miss first looks there, and a hashed result is saved there.
 */
export function createDiffIdMemo(factory: Sha256Factory = wasmSha256, options: DiffIdMemoOptions = {}): DiffIdMemo {
  const { maxEntries = 4096, persistence } = options;
  const minSaved = persistence?.minTarSize ?? 1 << 20;
  const cache = new Map<string, Promise<LayerDigest>>();
  const stats = { hits: 0, misses: 0, loaded: 0 };
  const put = (key: string, value: Promise<LayerDigest>): void => {
    cache.set(key, value);
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
  };
  const compute = async (key: string, changeSet: ChangeSet, hashOptions: HashOptions): Promise<LayerDigest> => {
    // Only layers of minSaved bytes or more are saved: a smaller one is not worth a store read.
    if (persistence !== undefined && tarSizeBound(changeSet) >= minSaved) {
      const saved = await persistence.load(key).catch(() => undefined);
      if (isLayerDigest(saved)) {
        stats.loaded += 1;
        return saved;
      }
    }
    const digest = await hashLayer(changeSet, factory, hashOptions);
    if (persistence !== undefined && digest.tarSize >= minSaved) {
      await persistence.save(key, digest).catch(() => undefined);
    }
    return digest;
  };
  const memo: DiffIdMemo = {
    stats,
    async hashLayer(changeSet, hashOptions = {}) {
      const key = `${await fingerprint(changeSet, factory)}@${hashOptions.mtime ?? 0}`;
      const hit = cache.get(key);
      if (hit) {
        stats.hits += 1;
        // Least recently used goes first when the memo is full.
        cache.delete(key);
        cache.set(key, hit);
        // A memo shared between builds: another build's cancellation must not fail this one.
        return hit.catch((error: unknown) => {
          if (hashOptions.signal?.aborted === true || !(error instanceof EngineError && error.code === 'cancelled')) throw error;
          return memo.hashLayer(changeSet, hashOptions);
        });
      }
      stats.misses += 1;
      const pending = compute(key, changeSet, hashOptions);
      put(key, pending);
      pending.catch(() => cache.delete(key));
      return pending;
    },
    async diffIdOf(changeSet, hashOptions) {
      return (await memo.hashLayer(changeSet, hashOptions)).diffId;
    },
    remember(fp, mtime, digest) {
      put(`${fp}@${mtime}`, Promise.resolve(digest));
    },
  };
  return memo;
}
