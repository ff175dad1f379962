/**
 * Records as JSON text for the directory store. JSON has no bytes, so a Uint8Array is written as
 * `{"$bytes": "<base64>"}`; a plain object that itself has a `$`-key is wrapped as
 * `{"$object": {...}}` so it can never be mistaken for bytes on the way back.
 */

export function encodeRecord(value: unknown): string {
  return JSON.stringify(toJson(value));
}

export function decodeRecord(text: string): unknown {
  return fromJson(JSON.parse(text));
}

function toJson(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: toBase64(value) };
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJson(v);
    return Object.keys(out).some((k) => k.startsWith('$')) ? { $object: out } : out;
  }
  return value;
}

function fromJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromJson);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.$bytes === 'string' && Object.keys(record).length === 1) return fromBase64(record.$bytes);
    const inner = record.$object !== undefined && Object.keys(record).length === 1 ? (record.$object as Record<string, unknown>) : record;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(inner)) out[k] = fromJson(v);
    return out;
  }
  return value;
}

// btoa/atob exist in browsers and Node ≥ 16; chunks keep String.fromCharCode's argument list short.
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

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
