import { EngineError } from '../errors';
import type { StoreKind, StoreRecords } from './types';

/** Keys longer than this are refused: no real reference or digest comes near it. */
export const MAX_KEY_LENGTH = 1024;

/** `algorithm:hex`: blob keys become file names in the directory store, so they stay this short. */
const DIGEST_KEY = /^[a-z0-9]+:[a-f0-9]{32,128}$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function assertKey(kind: StoreKind, key: string): void {
  if (typeof key !== 'string' || key === '' || key.length > MAX_KEY_LENGTH) {
    throw new EngineError('store', `invalid ${kind} key ${JSON.stringify(key)}: must be 1 to ${MAX_KEY_LENGTH} characters`);
  }
  // A lone surrogate would not survive the UTF-8 round trip of a file name.
  if (LONE_SURROGATE.test(key)) throw new EngineError('store', `invalid ${kind} key ${JSON.stringify(key)}: not valid Unicode`);
  if (kind === 'blobs' && !DIGEST_KEY.test(key)) throw new EngineError('store', `invalid blob key ${JSON.stringify(key)}: must be a digest`);
}

/**
 * What a put may leave uncopied (StoreBackend.putBytes): `copy` nothing; `whole` byte arrays that
 * are a plain Uint8Array over all of their buffer; `any` every byte array.
 */
export type ByteSharing = 'copy' | 'whole' | 'any';

/**
 * A deep copy of a record that is checked to be plain data on the way, so what one store accepts
 * every store accepts, and a caller mutating its object after `put` cannot change stored state.
 * Uint8Array views (Node Buffers too) are copied compactly: a view of a larger buffer stores only
 * its own bytes, and comes back as a plain Uint8Array. With `bytes` other than `copy`, byte arrays
 * are passed through instead, for a backend whose commit copies or writes them out itself (a
 * layer's 100 MB would otherwise be copied once more for nothing).
 */
export function cloneRecord<K extends StoreKind>(kind: K, value: StoreRecords[K], bytes: ByteSharing = 'copy'): StoreRecords[K] {
  if (kind === 'blobs' && !(value instanceof Uint8Array)) throw new EngineError('store', 'a blob must be a Uint8Array');
  return clonePlain(value, kind, 0, bytes) as StoreRecords[K];
}

function clonePlain(value: unknown, where: string, depth: number, bytes: ByteSharing): unknown {
  if (depth > 256) throw new EngineError('store', `cannot store ${where}: nested too deeply (a cycle?)`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    // JSON has no NaN or Infinity: the directory store would read them back as null.
    if (!Number.isFinite(value)) throw new EngineError('store', `cannot store ${where}: ${value} is not a finite number`);
    return value;
  }
  if (value instanceof Uint8Array) {
    if (bytes === 'any' || (bytes === 'whole' && Object.getPrototypeOf(value) === Uint8Array.prototype && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength)) return value;
    // `new Uint8Array(view)` copies into a plain Uint8Array: `slice` on a Node Buffer would share memory.
    return new Uint8Array(value);
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      if (item === undefined) throw new EngineError('store', `cannot store ${where}[${i}]: undefined in an array`);
      return clonePlain(item, `${where}[${i}]`, depth + 1, bytes);
    });
  }
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new EngineError('store', `cannot store ${where}: ${describe(value)} is not plain data`);
    }
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // Undefined properties are dropped, as JSON drops them, so every store reads back the same.
      if (v !== undefined) copy[k] = clonePlain(v, `${where}.${k}`, depth + 1, bytes);
    }
    return copy;
  }
  throw new EngineError('store', `cannot store ${where}: a ${typeof value} is not plain data`);
}

function describe(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' ? `a ${name}` : 'an object with a custom prototype';
}

/** Byte size of a record for quota accounting and GC reports (blobs exactly, others roughly). */
export function recordBytes(value: unknown): number {
  if (value instanceof Uint8Array) return value.byteLength;
  if (value === null || value === undefined) return 4;
  if (typeof value === 'string') return value.length * 2;
  if (typeof value !== 'object') return 8;
  let total = 16;
  for (const item of Array.isArray(value) ? value : Object.entries(value).flat()) total += recordBytes(item);
  return total;
}
