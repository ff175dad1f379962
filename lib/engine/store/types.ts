/**
 * The store's record types and its transaction interface (DESIGN.md §3 "Store").
 * Every value is plain data — objects, arrays, strings, finite numbers, booleans, null and
 * Uint8Array — so the same record survives structured clone (IndexedDB) and JSON (the directory
 * store) unchanged. Opaque fields (`state`) belong to the sub-area that writes them.
 */

import type { Digest } from '@/lib/util';
import type { ChangeSet } from '../fs';

export type { Digest };

/** A layer recipe: the change set lib/engine/layer turns into tar bytes on demand. */
export interface LayerRecord {
  diffId: Digest;
  /** Layer size as Docker reports it: the sum of the file sizes the layer adds. */
  size: number;
  /** ChainID of the layers below (null for a base layer): which stack this recipe was built on. */
  parentChainId: Digest | null;
  /** The change set; the tar bytes are produced from it on demand (lib/engine/layer). */
  recipe: ChangeSet;
  /**
   * Set for a blob-backed layer: one loaded from an archive whose tar our writer would not
   * reproduce byte for byte (another tool's header fields or entry order). The original tar is
   * kept as the blob whose key is `diffId`, `size` bytes long; `docker save` streams it instead of
   * the recipe's tar, and GC keeps it while the layer is kept. The recipe still drives builds.
   */
  tarBlob?: { size: number };
  /**
   * Byte length of the layer's tar (its manifest descriptor size): the kept original's for a
   * blob-backed layer, else the recipe's tar. Recorded when the layer is written so a cached
   * build need not encode every tar header again; records written before it was kept lack it
   * and fall back to computing it from the recipe (`layerTarSize`, memoized per change set).
   */
  tarSize?: number;
}

export interface ImageRecord {
  /** Image ID = config digest (kept apart from configDigest so the record reads on its own). */
  id: Digest;
  configDigest: Digest;
  /** Manifest digest by platform, e.g. `{ 'linux/amd64': 'sha256:…' }`. */
  manifests: Record<string, Digest>;
  /** Digest of the image index, for images pulled or built for several platforms. */
  indexDigest?: Digest;
  /** The image's layers, base first: the recipes GC must keep (rootfs.diff_ids of the config). */
  diffIds: Digest[];
  /** ISO time from the config's `created`. */
  created: string;
  /** ISO time the image was last tagged (`docker image inspect` Metadata.LastTagTime). */
  lastTagTime?: string;
  /** Total size in bytes, as `docker images` shows it. */
  size: number;
}

/** A normalized reference (`docker.io/library/app:latest`, `name@sha256:…`) points at an image. */
export interface RefRecord {
  imageId: Digest;
}

export interface BuildCacheRecord {
  result: {
    /** The layer the step produced; null for a step that changes only the config (ENV, CMD, …). */
    diffId: Digest | null;
    /** The image a step resolved to (a FROM or a finished stage), kept alive with the record. */
    imageId?: Digest;
    /** The image state after the step (config, env, workdir…), opaque to the store. */
    state?: unknown;
  };
  created: string;
  lastUsed: string;
}

export interface ContainerRecord {
  id: string;
  name: string;
  imageId: Digest;
  created: string;
  /** The container's writable layer, as a change set over its image. */
  writableLayer: ChangeSet;
  /** Command, status, exit code…: owned by lib/engine/containers. */
  state?: unknown;
}

/** What each kind of record holds. Keys are strings; blob, layer and image keys are digests. */
export interface StoreRecords {
  blobs: Uint8Array;
  layers: LayerRecord;
  images: ImageRecord;
  refs: RefRecord;
  buildCache: BuildCacheRecord;
  containers: ContainerRecord;
  meta: unknown;
}

export type StoreKind = keyof StoreRecords;

export const STORE_KINDS: readonly StoreKind[] = ['blobs', 'layers', 'images', 'refs', 'buildCache', 'containers', 'meta'];

export interface ListOptions {
  /** Only keys that start with this string. */
  prefix?: string;
}

/** Reads inside a transaction. Keys and entries come back sorted by key (UTF-16 code units). */
export interface ReadTx {
  get<K extends StoreKind>(kind: K, key: string): Promise<StoreRecords[K] | undefined>;
  has(kind: StoreKind, key: string): Promise<boolean>;
  keys(kind: StoreKind, options?: ListOptions): Promise<string[]>;
  list<K extends StoreKind>(kind: K, options?: ListOptions): Promise<[string, StoreRecords[K]][]>;
}

/** A write transaction sees its own changes; nothing is visible to others until it commits. */
export interface WriteTx extends ReadTx {
  /**
   * Buffers `value` for the commit. Its structure is copied at once; byte arrays may be read only
   * when the write commits (IndexedDB and the directory copy or write them then, instead of once
   * more here), so leave them unchanged until `write` returns. Afterwards nothing the caller does
   * to them reaches the store.
   */
  put<K extends StoreKind>(kind: K, key: string, value: StoreRecords[K]): Promise<void>;
  /** Returns whether the record existed. */
  delete(kind: StoreKind, key: string): Promise<boolean>;
}

export interface Store {
  /** Runs `fn` over committed state; concurrent writes commit before or after it, never during. */
  read<T>(fn: (tx: ReadTx) => Promise<T>): Promise<T>;
  /**
   * Runs `fn`, then commits all of its changes at once, or none if `fn` throws or the commit
   * fails (a quota error rejects with EngineError 'quota'). Writes run one at a time, in call
   * order. Do not call `write` from inside `fn`: it would wait for itself.
   */
  write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T>;
  /** Shorthands for one-record reads. */
  get<K extends StoreKind>(kind: K, key: string): Promise<StoreRecords[K] | undefined>;
  list<K extends StoreKind>(kind: K, options?: ListOptions): Promise<[string, StoreRecords[K]][]>;
  close(): Promise<void>;
}
