/**
 * Read a zip's central directory without inflating anything, so a content pack can be judged by
 * what it declares (names, sizes, file types) before a single byte is decompressed. fflate's
 * `unzipSync` does not expose the Unix mode bits a symlink entry is recognised by, hence this.
 * Layout: APPNOTE.TXT 4.3.12 (central directory header) and 4.3.16 (end of central directory).
 */

export interface ZipDirectoryEntry {
  /** Raw name bytes: decoded and checked by the caller. */
  readonly nameBytes: Uint8Array;
  /** General purpose flag bit 11: the name is UTF-8. */
  readonly utf8: boolean;
  readonly encrypted: boolean;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Unix file type bits (S_IFMT) when the entry was made on Unix, else 0. */
  readonly unixType: number;
  readonly zip64: boolean;
}

export type ZipDirectory = { ok: true; entries: ZipDirectoryEntry[] } | { ok: false; message: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const MAX_COMMENT = 0xffff;

export const S_IFMT = 0o170000;
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFLNK = 0o120000;

export function readZipDirectory(zip: Uint8Array, maxEntries: number): ZipDirectory {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - MAX_COMMENT); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, message: 'not a zip archive (no end of central directory)' };
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) return { ok: false, message: 'zip64 archives are not supported' };
  if (count > maxEntries) return { ok: false, message: `too many entries: ${count} (at most ${maxEntries})` };
  if (offset + size > eocd) return { ok: false, message: 'corrupt zip archive (central directory out of bounds)' };

  const entries: ZipDirectoryEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL) return { ok: false, message: 'corrupt zip archive (bad central directory entry)' };
    const madeBy = view.getUint16(at + 4, true) >> 8;
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const external = view.getUint32(at + 38, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressed = view.getUint32(at + 24, true);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > eocd) return { ok: false, message: 'corrupt zip archive (entry runs past the directory)' };
    entries.push({
      nameBytes: zip.subarray(at + 46, at + 46 + nameLength),
      utf8: (flags & 0x800) !== 0,
      encrypted: (flags & 1) !== 0,
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize,
      size: uncompressed,
      // Host 3 is Unix: the high 16 bits of the external attributes are st_mode.
      unixType: madeBy === 3 ? (external >>> 16) & S_IFMT : 0,
      zip64: compressedSize === 0xffffffff || uncompressed === 0xffffffff,
    });
    at = end;
  }
  return { ok: true, entries };
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE), to catch an entry whose declared size or content was tampered with. */
export function crc32(data: Uint8Array): number {
  if (crcTable == null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = (crcTable[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
