/**
 * Tar header blocks, byte for byte as Go's archive/tar Writer (which Docker, BuildKit and
 * containerd use) writes them for our fields: USTAR when every field fits, with Go's prefix split
 * for names up to 256 bytes; otherwise a PAX extended header (`PaxHeaders.0/<name>`, sorted
 * records) followed by the USTAR block with the fields that did not fit zeroed.
 * We own these bytes rather than a library's because every stored diffID depends on them: a
 * dependency update must never change the digest of an existing image.
 */
export type TarTypeflag = '0' | '1' | '2' | '5';

export interface TarHeaderFields {
  readonly name: string;
  readonly typeflag: TarTypeflag;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  /** Seconds since the epoch. */
  readonly mtime: number;
  readonly linkname?: string;
  /** Extra PAX records (vendor keys); forces a PAX header. */
  readonly pax?: Readonly<Record<string, string>>;
}

export const BLOCK_SIZE = 512;
const MAX_OCTAL_11 = 0o77777777777;
const MAX_OCTAL_7 = 0o7777777;
const encoder = new TextEncoder();
const isAscii = (s: string): boolean => /^[\x00-\x7f]*$/.test(s);
const toAscii = (s: string): string => s.replace(/[^\x00-\x7f]/g, '');

function writeString(block: Uint8Array, offset: number, size: number, value: string): void {
  // Callers pass ASCII only, so one char is one byte; longer values are truncated like Go's formatString.
  const n = Math.min(value.length, size);
  for (let i = 0; i < n; i++) block[offset + i] = value.charCodeAt(i);
}

function writeOctal(block: Uint8Array, offset: number, size: number, value: number): void {
  const fits = Number.isSafeInteger(value) && value >= 0 && value < 8 ** (size - 1);
  writeString(block, offset, size - 1, (fits ? value : 0).toString(8).padStart(size - 1, '0'));
}

function finishBlock(block: Uint8Array): Uint8Array {
  writeString(block, 257, 6, 'ustar\0');
  writeString(block, 263, 2, '00');
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (let i = 0; i < BLOCK_SIZE; i++) sum += block[i] as number;
  writeString(block, 148, 7, sum.toString(8).padStart(6, '0'));
  block[154] = 0;
  block[155] = 0x20;
  return block;
}

/** Go's splitUSTARPath. */
function splitUstarPath(name: string): [string, string] | undefined {
  let length = name.length;
  if (length <= 100 || !isAscii(name)) return undefined;
  if (length > 156) length = 156;
  else if (name[length - 1] === '/') length--;
  const i = name.lastIndexOf('/', length - 1);
  const nlen = name.length - i - 1;
  if (i <= 0 || nlen > 100 || nlen === 0 || i > 155) return undefined;
  return [name.slice(0, i), name.slice(i + 1)];
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let size = encoder.encode(body).length;
  size += String(size).length;
  if (String(size).length + encoder.encode(body).length !== size) size = String(size).length + encoder.encode(body).length;
  return `${size}${body}`;
}

function ustarBlock(fields: TarHeaderFields, name: string, prefix: string, linkname: string): Uint8Array {
  const block = new Uint8Array(BLOCK_SIZE);
  writeString(block, 0, 100, name);
  writeOctal(block, 100, 8, fields.mode & 0o7777);
  writeOctal(block, 108, 8, fields.uid);
  writeOctal(block, 116, 8, fields.gid);
  writeOctal(block, 124, 12, fields.typeflag === '0' ? fields.size : 0);
  writeOctal(block, 136, 12, fields.mtime);
  block[156] = fields.typeflag.charCodeAt(0);
  writeString(block, 157, 100, linkname);
  writeOctal(block, 329, 8, 0);
  writeOctal(block, 337, 8, 0);
  writeString(block, 345, 155, prefix);
  return finishBlock(block);
}

/** The header blocks of one entry (1 block, or 3+ with a PAX extended header), as Go chooses them. */
export function encodeTarHeader(fields: TarHeaderFields): Uint8Array[] {
  const { name } = fields;
  const linkname = fields.linkname ?? '';
  const size = fields.typeflag === '0' ? fields.size : 0;
  const records: Record<string, string> = { ...fields.pax };
  let ustarOk = Object.keys(records).length === 0;
  const split = name.length > 100 ? splitUstarPath(name) : undefined;
  if (!isAscii(name) || name.length > 100) {
    records.path = name;
    if (split === undefined) ustarOk = false;
  }
  if (!isAscii(linkname) || linkname.length > 100) {
    records.linkpath = linkname;
    ustarOk = false;
  }
  const numeric: [string, number, number][] = [['size', size, MAX_OCTAL_11], ['uid', fields.uid, MAX_OCTAL_7], ['gid', fields.gid, MAX_OCTAL_7], ['mtime', fields.mtime, MAX_OCTAL_11]];
  for (const [key, value, max] of numeric) {
    if (value > max) {
      records[key] = String(value);
      ustarOk = false;
    }
  }
  if (ustarOk) return [ustarBlock(fields, split ? split[1] : name, split ? split[0] : '', linkname)];

  const keys = Object.keys(records).sort();
  const data = encoder.encode(keys.map((key) => paxRecord(key, records[key] as string)).join(''));
  const slash = name.lastIndexOf('/');
  const file = name.slice(slash + 1);
  const paxName = toAscii(`${name.slice(0, slash + 1)}PaxHeaders.0${file === '' ? '' : `/${file}`}`).slice(0, 100).replace(/\/+$/, '');
  const paxBlock = new Uint8Array(BLOCK_SIZE);
  writeString(paxBlock, 0, 100, paxName);
  writeOctal(paxBlock, 100, 8, 0);
  writeOctal(paxBlock, 108, 8, 0);
  writeOctal(paxBlock, 116, 8, 0);
  writeOctal(paxBlock, 124, 12, data.length);
  writeOctal(paxBlock, 136, 12, 0);
  paxBlock[156] = 'x'.charCodeAt(0);
  const padded = new Uint8Array(Math.ceil(data.length / BLOCK_SIZE) * BLOCK_SIZE);
  padded.set(data);
  const main = ustarBlock(fields, toAscii(name), '', toAscii(linkname));
  // Go's formatString: a truncated V7 name must not end in '/', or old readers take a file for a directory.
  if (toAscii(name).length > 100 && main[99] === 0x2f) {
    let n = 99;
    while (n > 0 && main[n - 1] === 0x2f) n--;
    main[n] = 0;
    finishBlock(main);
  }
  return [finishBlock(paxBlock), padded, main];
}
