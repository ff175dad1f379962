/**
 * Reading a zip archive: the end-of-central-directory record, the central directory, then each
 * entry's local header for where its data starts. Methods 0 (stored) and 8 (deflate, inflated by
 * the platform's DecompressionStream('deflate-raw'), present in browsers and Node 20). ZIP64 and
 * encryption are refused with unzip's words.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Unix permission bits from the external attributes, when the archiver recorded them. */
  mode: number | undefined;
  dataOffset: number;
  isDir: boolean;
}

export class ZipError extends Error {
  override readonly name = 'ZipError';
}

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('End-of-central-directory signature not found.');
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  if (at === 0xffffffff || count === 0xffff) throw new ZipError('ZIP64 archives are not supported by this unzip.');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (u32(bytes, at) !== 0x02014b50) throw new ZipError('bad zipfile offset (lseek)');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLen = u16(bytes, at + 28);
    const extraLen = u16(bytes, at + 30);
    const commentLen = u16(bytes, at + 32);
    const madeBy = u16(bytes, at + 4) >> 8;
    const external = u32(bytes, at + 38);
    const local = u32(bytes, at + 42);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLen));
    if ((flags & 1) !== 0) throw new ZipError(`${name}: encrypted entries are not supported`);
    const dataOffset = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const unixMode = madeBy === 3 ? (external >>> 16) & 0o7777 : 0;
    entries.push({ name, method, compressedSize, size, mode: unixMode === 0 ? undefined : unixMode, dataOffset, isDir: name.endsWith('/'), });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

export async function entryData(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  const raw = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return raw.slice();
  if (entry.method !== 8) throw new ZipError(`${entry.name}: unsupported compression method ${entry.method}`);
  const stream = new Blob([raw.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
