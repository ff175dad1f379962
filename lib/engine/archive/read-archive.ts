import { createTarDecoder } from 'modern-tar';
import { iterableToStream, type Digest, type Sha256Factory } from '@/lib/util';
import { EngineError } from '../errors';
import { type ChangeSet } from '../fs';
import { diffIdOf, tarToChangeSet, type TarReadLimits } from '../layer';

/**
 * Reads a `docker save` archive (hostile until proven otherwise) into its files. Small files
 * (JSON documents, tiny or empty layers) are buffered; a file that starts like a tar is a layer
 * and is parsed into a change set while it streams by, hashed on the way, so a large layer never
 * sits in memory as bytes for longer than its own parse. Which layers matter is only known from
 * manifest.json, which sorts after the blobs, hence this one-pass shape.
 *
 * The store keeps layers as recipes and writes tars itself; a layer another tool wrote (GNU tar
 * headers with mtimes and user names, another entry order) would not come out of our writer with
 * the same bytes, so its diffID would not survive a save. Each layer is therefore re-encoded from
 * its change set (hashed, not written) as soon as it is parsed: when that gives another digest,
 * the original bytes are kept (`original`) for the store to keep as a blob. Names that leave the archive (`../x`, `/x`) and
 * links pointing outside it are refused, as moby refuses a tar breakout.
 */
export type ArchiveFile =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'layer'; readonly diffId: Digest; readonly changeSet: ChangeSet; readonly original?: Uint8Array }
  | { readonly kind: 'link'; readonly target: string }
  | { readonly kind: 'refused'; readonly error: EngineError };

export interface ArchiveLimits extends TarReadLimits {
  /** Largest non-layer file buffered (default 64 MiB). */
  readonly maxDocumentBytes?: number;
  /** Most entries in the outer archive (default 100,000). */
  readonly maxArchiveEntries?: number;
  /**
   * Largest layer whose original bytes are kept when our writer would not reproduce them
   * (default 1 GiB): they are held in memory while the layer is checked.
   */
  readonly maxOriginalLayerBytes?: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const TAR_MAGIC = [0x75, 0x73, 0x74, 0x61, 0x72]; // "ustar" at offset 257

export function outsideArchive(name: string): EngineError {
  return new EngineError('path-escape', `invalid archive: ${JSON.stringify(name)} is outside of the archive`);
}

/** A clean archive path (`blobs/sha256/x`), or a path-escape error for absolute or climbing names. */
export function cleanArchivePath(name: string, base = ''): string {
  if (name.startsWith('/')) throw outsideArchive(name);
  const parts = base === '' ? [] : base.split('/');
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) throw outsideArchive(name);
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

export async function readArchive(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, sha256: Sha256Factory, limits: ArchiveLimits = {}): Promise<Map<string, ArchiveFile>> {
  const maxDocumentBytes = limits.maxDocumentBytes ?? 64 * MiB;
  const maxEntries = limits.maxArchiveEntries ?? 100_000;
  const files = new Map<string, ArchiveFile>();
  const reader = iterableToStream(source).pipeThrough(createTarDecoder({ strict: true })).getReader();
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      const { header, body } = next.value;
      if (files.size >= maxEntries) throw new EngineError('too-large', `invalid archive: more than ${maxEntries} entries`);
      const name = cleanArchivePath(header.name);
      if (header.type === 'symlink' || header.type === 'link') {
        await body.cancel();
        const target = header.linkname ?? '';
        // Docker writes identical layers once and links the others; a link may not leave the archive.
        if (target.startsWith('/')) throw new EngineError('path-escape', `invalid archive: link ${JSON.stringify(header.name)} -> ${JSON.stringify(target)} is absolute`);
        const dir = header.type === 'symlink' ? name.split('/').slice(0, -1).join('/') : '';
        try {
          files.set(name, { kind: 'link', target: cleanArchivePath(target, dir) });
        } catch {
          throw new EngineError('path-escape', `invalid archive: link ${JSON.stringify(header.name)} -> ${JSON.stringify(target)} points outside of the archive`);
        }
        continue;
      }
      if (header.type !== 'file' && header.type !== undefined) {
        await body.cancel();
        continue;
      }
      files.set(name, await readFileBody(name, header.size, body, sha256, maxDocumentBytes, limits));
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    if (error instanceof EngineError) throw error;
    throw new EngineError('invalid-archive', `invalid archive: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return files;
}

async function readFileBody(name: string, size: number, body: ReadableStream<Uint8Array>, sha256: Sha256Factory, maxDocumentBytes: number, limits: ArchiveLimits): Promise<ArchiveFile> {
  const reader = body.getReader();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  while (headBytes < 262) {
    const next = await reader.read();
    if (next.done) break;
    head.push(next.value);
    headBytes += next.value.length;
  }
  const first = concat(head, headBytes);
  if (!TAR_MAGIC.every((byte, i) => first[257 + i] === byte)) {
    if (size > maxDocumentBytes) {
      await reader.cancel();
      throw new EngineError('too-large', `invalid archive: ${name} is ${size} bytes (limit ${maxDocumentBytes})`);
    }
    const rest: Uint8Array[] = [first];
    let total = first.length;
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      rest.push(next.value);
      total += next.value.length;
    }
    return { kind: 'bytes', bytes: concat(rest, total) };
  }
  const hasher = await sha256();
  hasher.update(first);
  // The raw bytes, kept (as views: the decoder hands out views of our input chunks) until the
  // layer is known to be reproducible; past the limit only their digest is kept.
  const maxKept = limits.maxOriginalLayerBytes ?? GiB;
  let kept: Uint8Array[] | null = size <= maxKept ? [first] : null;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield first;
    for (;;) {
      const next = await reader.read();
      if (next.done) return;
      hasher.update(next.value);
      kept?.push(next.value);
      yield next.value;
    }
  }
  const iterator = chunks();
  try {
    const changeSet = await tarToChangeSet({ [Symbol.asyncIterator]: () => iterator }, limits);
    // The layer's end-of-archive blocks and any trailing bytes still count for its diffID.
    for await (const chunk of iterator) void chunk;
    const diffId = hasher.digest();
    if ((await diffIdOf(changeSet, sha256)) === diffId) return { kind: 'layer', diffId, changeSet };
    if (kept === null) {
      return {
        kind: 'refused',
        error: new EngineError('too-large', `invalid archive: layer ${diffId} is ${size} bytes; a layer Layerlab cannot rewrite byte for byte is kept as it is, up to ${maxKept} bytes`),
      };
    }
    const original = concat(kept, kept.reduce((n, part) => n + part.length, 0));
    kept = null;
    return { kind: 'layer', diffId, changeSet, original };
  } catch (error) {
    // A blob that looks like a tar but is not a valid layer only matters if a manifest names it.
    await reader.cancel().catch(() => undefined);
    if (error instanceof EngineError) return { kind: 'refused', error };
    throw error;
  }
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
