/**
 * Records as files for the directory store. A record without bytes is plain JSON text. JSON has
 * no bytes, and base64 would cost more than the rest of a build for a large layer recipe, so a
 * record holding Uint8Arrays is its JSON text, one newline, then the raw bytes back to back; each
 * array appears in the JSON as `{"$bin": [offset, length]}` into those bytes. (JSON.stringify never
 * writes a raw newline, so the first newline ends the JSON.) Records written before this framing
 * carry `{"$bytes": "<base64>"}` and still read. A plain object that itself has a `$`-key is
 * wrapped as `{"$object": {...}}` so it is never mistaken for bytes on the way back.
 */

const NEWLINE = 0x0a;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The record as the pieces of its file, in order: the JSON head, then each byte array as it is
 * (views of the caller's arrays, not copies: write them before the value can change).
 */
export function encodeRecordParts(value: unknown): Uint8Array[] {
  const parts: Uint8Array[] = [];
  const state = { parts, offset: 0 };
  const json = JSON.stringify(toJson(value, state));
  if (parts.length === 0) return [encoder.encode(json)];
  return [encoder.encode(`${json}\n`), ...parts];
}

/** A record file back to its value; byte arrays are views of `file` (which the caller owns). */
export function decodeRecordFile(file: Uint8Array): unknown {
  const end = file.indexOf(NEWLINE);
  const json = decoder.decode(end < 0 ? file : file.subarray(0, end));
  return fromJson(JSON.parse(json), end < 0 ? undefined : file.subarray(end + 1));
}

interface EncodeState {
  parts: Uint8Array[];
  offset: number;
}

function toJson(value: unknown, state: EncodeState): unknown {
  if (value instanceof Uint8Array) {
    const at = state.offset;
    if (value.byteLength > 0) state.parts.push(value);
    else if (state.parts.length === 0) state.parts.push(value); // still framed: `$bin` needs a payload
    state.offset += value.byteLength;
    return { $bin: [at, value.byteLength] };
  }
  if (Array.isArray(value)) return value.map((item) => toJson(item, state));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    let dollar = false;
    for (const [k, v] of Object.entries(value)) {
      out[k] = toJson(v, state);
      if (k.startsWith('$')) dollar = true;
    }
    return dollar ? { $object: out } : out;
  }
  return value;
}

function fromJson(value: unknown, payload: Uint8Array | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => fromJson(item, payload));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1) {
      if (Array.isArray(record.$bin)) return binOf(record.$bin, payload);
      if (typeof record.$bytes === 'string') return fromBase64(record.$bytes);
    }
    const inner = record.$object !== undefined && keys.length === 1 ? (record.$object as Record<string, unknown>) : record;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(inner)) out[k] = fromJson(v, payload);
    return out;
  }
  return value;
}

function binOf(range: unknown[], payload: Uint8Array | undefined): Uint8Array {
  const [at, length] = range;
  if (payload === undefined || typeof at !== 'number' || typeof length !== 'number' || at < 0 || length < 0 || at + length > payload.byteLength) {
    throw new Error(`bytes ${JSON.stringify(range)} lie outside the record's ${payload?.byteLength ?? 0} bytes`);
  }
  return payload.subarray(at, at + length);
}

/** Records written by earlier versions kept bytes as base64. */
function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A key as a file name that is safe everywhere: `[a-z0-9._-]` stay, every other UTF-8 byte
 * becomes `%XX` — so `/` and `:` of references are escaped, and uppercase letters too, because a
 * case-insensitive file system (macOS, Windows) would otherwise merge `App` and `app`. A leading
 * `.` is escaped so no name is hidden or collides with the store's `.tmp-*` staging files.
 * Names that would be too long for a file system (255 bytes) are cut and completed with a hash,
 * marked by a leading `~`; for those the key is read from the record itself.
 */
export function keyToFileName(key: string): string {
  let name = '';
  for (const byte of new TextEncoder().encode(key)) {
    const c = String.fromCharCode(byte);
    const plain = /[a-z0-9_-]/.test(c) || (c === '.' && name !== '');
    name += plain ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return name.length <= MAX_NAME ? name : `~${name.slice(0, 120).replace(/%[0-9A-F]?$/, '')}~${hashKey(key)}`;
}

/** The key of a file name, or undefined for a hashed (`~`) name: read the record to know it. */
export function fileNameToKey(name: string): string | undefined {
  if (name.startsWith('~')) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < name.length; i++) {
    if (name[i] === '%') {
      bytes.push(parseInt(name.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(name.charCodeAt(i));
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

const MAX_NAME = 180;

/** 128 bits from four seeded 32-bit multiply-xorshift passes: a file-name disambiguator, not a digest. */
function hashKey(key: string): string {
  let out = '';
  for (const seed of [0x811c9dc5, 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35]) {
    let h = seed;
    for (let i = 0; i < key.length; i++) {
      h = Math.imul(h ^ key.charCodeAt(i), 0x5bd1e995);
      h ^= h >>> 15;
    }
    // murmur3's finalizer, so the last characters reach every bit.
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    out += ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}
