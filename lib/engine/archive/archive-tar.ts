import { encodeTarHeader } from '../layer';

/**
 * The outer tar of `docker save`: a flat list of directories and files written with the same Go
 * archive/tar header bytes as our layers, every mtime 0 (Engine ≥ 25 stamps layout files with
 * 1970, and fixed times make `save` byte-for-byte deterministic). File bodies are async streams so
 * a layer blob flows from its recipe to the output one chunk at a time.
 */
export type ArchiveEntry =
  | { readonly kind: 'dir'; readonly name: string }
  | { readonly kind: 'file'; readonly name: string; readonly size: number; readonly body: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array> };

const BLOCK = 512;
const ZEROS = new Uint8Array(BLOCK);

export function fileEntry(name: string, bytes: Uint8Array): ArchiveEntry {
  return { kind: 'file', name, size: bytes.length, body: () => [bytes] };
}

/** Streams the entries as one tar, checking that each body is exactly as long as it declared. */
export async function* writeArchive(entries: readonly ArchiveEntry[], chunkSize = 1 << 20): AsyncGenerator<Uint8Array> {
  const out = new ChunkBuffer(chunkSize);
  for (const entry of entries) {
    const header = entry.kind === 'dir'
      ? { name: `${entry.name}/`, typeflag: '5' as const, mode: 0o755, uid: 0, gid: 0, size: 0, mtime: 0 }
      : { name: entry.name, typeflag: '0' as const, mode: 0o644, uid: 0, gid: 0, size: entry.size, mtime: 0 };
    for (const block of encodeTarHeader(header)) yield* out.push(block);
    if (entry.kind === 'dir') continue;
    let written = 0;
    for await (const piece of entry.body()) {
      written += piece.length;
      yield* out.push(piece);
    }
    // A recipe that no longer produces the bytes its digest names would corrupt the archive.
    if (written !== entry.size) throw new Error(`archive: ${entry.name} produced ${written} bytes, expected ${entry.size}`);
    const pad = -entry.size & (BLOCK - 1);
    if (pad > 0) yield* out.push(ZEROS.subarray(0, pad));
  }
  yield* out.push(new Uint8Array(2 * BLOCK));
  yield* out.flush();
}

/** Gathers small pieces (headers, padding) into owned chunks, so consumers see few, large writes. */
class ChunkBuffer {
  private chunk: Uint8Array;
  private used = 0;

  constructor(private readonly size: number) {
    this.chunk = new Uint8Array(size);
  }

  *push(piece: Uint8Array): Generator<Uint8Array> {
    let at = 0;
    while (at < piece.length) {
      const take = Math.min(piece.length - at, this.size - this.used);
      this.chunk.set(piece.subarray(at, at + take), this.used);
      this.used += take;
      at += take;
      if (this.used === this.size) {
        yield this.chunk;
        this.chunk = new Uint8Array(this.size);
        this.used = 0;
      }
    }
  }

  *flush(): Generator<Uint8Array> {
    if (this.used > 0) yield this.chunk.subarray(0, this.used);
    this.used = 0;
  }
}
