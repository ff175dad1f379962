/**
 * Deterministic synthetic file content: `size` bytes produced on demand from a seed string, the
 * same on every machine (integer arithmetic only, bytes written one at a time so endianness never
 * matters). Design, chosen for speed: a process-wide 1 MiB + 64 KiB pool of pseudo-random bytes
 * is generated once; a file is a sequence of 64 KiB pages, page j being a view of the pool at an
 * offset hashed from (seed, j). Hashing a layer therefore copies nothing (the sha256 runs over pool
 * views) and random access is O(1).
 *
 * Compressibility: every byte is masked to 4 bits, so gzip (32 KiB window, sees no page repeats)
 * shrinks it to about 54 %, close to the ~40–50 % real binaries and libraries get. Long-window
 * compressors (zstd --long, xz) would notice pages repeat across the pool; nothing here uses them.
 *
 * CHANGING ANY CONSTANT OR FORMULA HERE CHANGES EVERY DIGEST OF EVERY IMAGE WITH SYNTHETIC FILES.
 */
const PAGE_SIZE = 65536;
const POOL_OFFSETS = 1 << 17; // page offsets are multiples of 8 in [0, 1 MiB)
const POOL_SIZE = POOL_OFFSETS * 8 + PAGE_SIZE;
const POOL_SEED = 0x4c61_7942; // "LayB"
const BYTE_MASK = 0x0f;
const GOLDEN = 0x9e37_79b1;

/** murmur3's 32-bit finalizer: a cheap, well-mixing bijection on int32. */
function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85eb_ca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2_ae35);
  h ^= h >>> 16;
  return h | 0;
}

let pool: Uint8Array | undefined;
function getPool(): Uint8Array {
  if (pool) return pool;
  const bytes = new Uint8Array(POOL_SIZE);
  for (let w = 0; w < POOL_SIZE / 4; w++) {
    const word = fmix32(POOL_SEED + Math.imul(w, GOLDEN));
    const at = w * 4;
    bytes[at] = word & BYTE_MASK;
    bytes[at + 1] = (word >>> 8) & BYTE_MASK;
    bytes[at + 2] = (word >>> 16) & BYTE_MASK;
    bytes[at + 3] = (word >>> 24) & BYTE_MASK;
  }
  pool = bytes;
  return bytes;
}

/** Two 32-bit keys from the seed's UTF-8 bytes (FNV-1a with two offset bases). */
function seedKeys(seed: string): [number, number] {
  let a = 0x811c_9dc5 | 0;
  let b = 0x2f3a_1c07 | 0;
  for (const byte of new TextEncoder().encode(seed)) {
    a = Math.imul(a ^ byte, 0x0100_0193);
    b = Math.imul(b ^ byte, 0x0100_0193);
  }
  return [fmix32(a), fmix32(b ^ 0x5bd1_e995)];
}

function pageOffset(keys: [number, number], page: number): number {
  const lo = page % 0x1_0000_0000 | 0;
  const hi = Math.floor(page / 0x1_0000_0000) | 0;
  let h = fmix32(keys[0] + Math.imul(lo, GOLDEN));
  h = fmix32(h ^ keys[1] ^ Math.imul(hi, 0x85eb_ca77));
  return (h >>> 15) * 8;
}

/**
 * Read-only views of bytes [start, end) of a synthetic file, in order. The views share one
 * process-wide buffer: never mutate or transfer them (copy first, as `readSynthetic` does).
 */
export function* syntheticSlices(seed: string, size: number, start = 0, end = size): Generator<Uint8Array> {
  const bytes = getPool();
  const keys = seedKeys(seed);
  let at = Math.max(0, start);
  const stop = Math.min(size, end);
  while (at < stop) {
    const page = Math.floor(at / PAGE_SIZE);
    const inPage = at - page * PAGE_SIZE;
    const take = Math.min(PAGE_SIZE - inPage, stop - at);
    const base = pageOffset(keys, page) + inPage;
    yield bytes.subarray(base, base + take);
    at += take;
  }
}

/** A fresh copy of bytes [offset, offset + length) of a synthetic file (clamped to its size). */
export function readSynthetic(seed: string, size: number, offset = 0, length = size - offset): Uint8Array {
  const start = Math.max(0, Math.min(offset, size));
  const end = Math.max(start, Math.min(size, start + length));
  const out = new Uint8Array(end - start);
  let at = 0;
  for (const slice of syntheticSlices(seed, size, start, end)) {
    out.set(slice, at);
    at += slice.length;
  }
  return out;
}
