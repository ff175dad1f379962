import { EngineError } from '../errors';
import type { DirectoryIo } from './directory-io';
import { decodeRecordFile, encodeRecordParts } from './record-codec';
import type { StoreKind } from './types';
import { recordBytes } from './values';

/**
 * The directory store's packs: the small record kinds (images, refs, containers, build cache,
 * meta) live in one file per kind, `<root>/<kind directory>.pack`, so listing 500 images is one
 * read instead of 500. A pack is the kind's record files back to back, each on a line of its own
 * after a line with its byte length:
 *
 *   layerlab-pack 1
 *   68
 *   {"key":"docker.io/library/app:latest","value":{"imageId":"sha256:…"}}
 *
 * (record-codec.ts: JSON, then the raw bytes of any Uint8Array inside the record). A record larger
 * than `INLINE_LIMIT` (a container whose writable layer holds megabytes) is not copied into every
 * rewrite of its pack: it keeps a file of its own in the kind's directory, in the format of blobs'
 * and layers' record files, and its entry in the pack is `{"key": …, "file": "<name>"}`. The pack
 * is replaced whole, through the journal, by every commit that changes its kind, so it is as
 * transactional as any record file; the encoded entries are kept, so a commit encodes only the
 * records it changes.
 */
export const PACKED_KINDS: ReadonlySet<StoreKind> = new Set<StoreKind>(['images', 'refs', 'buildCache', 'containers', 'meta']);

/** Records whose rough size (`recordBytes`) exceeds this get a file of their own. */
export const INLINE_LIMIT = 64 * 1024;

const HEADER = 'layerlab-pack 1\n';
const NEWLINE = 0x0a;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface Pack {
  /** Values by key. Shared with the cache: never mutate one, copy before handing it out. */
  readonly records: Map<string, unknown>;
  /** Keys of the records kept in their own file, and that file's name in the kind's directory. */
  readonly files: Map<string, string>;
  /** Every key's entry as it is written (length line, record, newline). */
  readonly entries: Map<string, Uint8Array[]>;
}

export const emptyPack = (): Pack => ({ records: new Map(), files: new Map(), entries: new Map() });

/** A pack to change: its own maps, the same (never mutated) values. */
export const copyPack = (pack: Pack): Pack => ({ records: new Map(pack.records), files: new Map(pack.files), entries: new Map(pack.entries) });

/** Sets (or with `value` undefined, removes) a key's record in `pack`, inline or named by `file`. */
export function setPackEntry(pack: Pack, key: string, entry: { value: unknown } | { file: string } | undefined): void {
  pack.records.delete(key);
  pack.files.delete(key);
  pack.entries.delete(key);
  if (entry === undefined) return;
  if ('file' in entry) pack.files.set(key, entry.file);
  else pack.records.set(key, entry.value);
  const parts = encodeRecordParts('file' in entry ? { key, file: entry.file } : { key, value: entry.value });
  const length = parts.reduce((n, part) => n + part.byteLength, 0);
  pack.entries.set(key, [encoder.encode(`${length}\n`), ...parts, NEWLINE_BYTES]);
}

const NEWLINE_BYTES = new Uint8Array([NEWLINE]);

export function encodePack(pack: Pack): Uint8Array[] {
  const parts: Uint8Array[] = [encoder.encode(HEADER)];
  for (const key of packKeys(pack)) parts.push(...(pack.entries.get(key) as Uint8Array[]));
  return parts;
}

export function decodePack(bytes: Uint8Array, path: string): Pack {
  const corrupt = (why: string, cause?: unknown) => new EngineError('store', `corrupt pack ${path}: ${why}`, cause === undefined ? undefined : { cause });
  const header = encoder.encode(HEADER);
  if (bytes.length < header.length || decoder.decode(bytes.subarray(0, header.length)) !== HEADER) {
    const first = decoder.decode(bytes.subarray(0, Math.min(bytes.length, 40))).split('\n')[0];
    if (first?.startsWith('layerlab-pack ')) throw new EngineError('store', `pack ${path} is "${first}": it was written by a newer Layerlab`);
    throw corrupt('no pack header');
  }
  const pack = emptyPack();
  for (let at = header.length; at < bytes.length; ) {
    const lineEnd = bytes.indexOf(NEWLINE, at);
    const text = decoder.decode(bytes.subarray(at, lineEnd < 0 ? bytes.length : lineEnd));
    const length = Number(text);
    const end = lineEnd + 1 + length;
    if (lineEnd < 0 || !/^\d{1,12}$/.test(text) || end >= bytes.length || bytes[end] !== NEWLINE) throw corrupt(`bad entry at byte ${at}`);
    let entry: { key?: unknown; value?: unknown; file?: unknown };
    try {
      entry = decodeRecordFile(bytes.subarray(lineEnd + 1, end)) as typeof entry;
    } catch (error) {
      throw corrupt(`entry at byte ${at}: ${error instanceof Error ? error.message : String(error)}`, error);
    }
    if (typeof entry.key !== 'string' || pack.entries.has(entry.key)) throw corrupt(`entry at byte ${at} has a bad or repeated key`);
    if (typeof entry.file === 'string') {
      if (entry.file === '' || entry.file.includes('/') || entry.file.startsWith('.')) throw corrupt(`bad file name ${JSON.stringify(entry.file)}`);
      pack.files.set(entry.key, entry.file);
    } else if ('value' in entry) {
      pack.records.set(entry.key, entry.value);
    } else {
      throw corrupt(`entry at byte ${at} has neither a value nor a file`);
    }
    pack.entries.set(entry.key, [bytes.subarray(at, end + 1)]);
    at = end + 1;
  }
  return pack;
}

export const fitsInline = (value: unknown): boolean => recordBytes(value) <= INLINE_LIMIT;

/** Every key of a pack, sorted (UTF-16 code units), memoized per pack (packs are not mutated once loaded). */
const sortedKeys = new WeakMap<Pack, string[]>();
export function packKeys(pack: Pack): string[] {
  let keys = sortedKeys.get(pack);
  if (keys === undefined) {
    keys = [...pack.entries.keys()].sort();
    sortedKeys.set(pack, keys);
  }
  return keys;
}

/**
 * Parsed packs, kept while the file on disk is the one they were read from: each use checks the
 * file's version (`io.fileVersion`: inode, size and times; a pack is only ever replaced by a
 * rename, never written in place), so a commit by another process is seen at once. Without
 * `fileVersion` every use reads the file again.
 */
export class PackCache {
  private readonly cached = new Map<StoreKind, { version: string; pack: Pack }>();

  constructor(
    private readonly io: DirectoryIo,
    private readonly pathOf: (kind: StoreKind) => string,
  ) {}

  async load(kind: StoreKind): Promise<Pack> {
    const path = this.pathOf(kind);
    // Read the version before the bytes: a replacement in between makes the next use re-read.
    const version = this.io.fileVersion === undefined ? undefined : ((await this.io.fileVersion(path)) ?? 'absent');
    const hit = this.cached.get(kind);
    if (version !== undefined && hit?.version === version) return hit.pack;
    const bytes = await this.io.readFile(path);
    const pack = bytes === undefined ? emptyPack() : decodePack(bytes, path);
    if (version !== undefined) this.cached.set(kind, { version, pack });
    return pack;
  }

  /** After a commit that wrote `pack` (under the lock, so nobody replaced it since). */
  async remember(kind: StoreKind, pack: Pack): Promise<void> {
    this.cached.delete(kind);
    const version = await this.io.fileVersion?.(this.pathOf(kind));
    if (version != null) this.cached.set(kind, { version, pack });
  }

  forget(): void {
    this.cached.clear();
  }
}
