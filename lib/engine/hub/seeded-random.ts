/**
 * Deterministic seeds and pseudo-random numbers for synthetic hub content. Pure arithmetic (no
 * crypto, no clock) so every machine and every run expands a layer to the same entries.
 */

/** FNV-1a (32-bit) of a string's UTF-16 code units: a cheap, stable seed. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small PRNG with a 32-bit state; returns floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Splits `total` bytes over `count` files with uneven, seeded sizes that sum exactly to `total`
 * (real directories mix a few large files with many small ones, hence the skewed weights).
 */
export function splitBytes(total: number, count: number, random: () => number): number[] {
  const weights = Array.from({ length: count }, () => {
    const u = random();
    return 0.05 + u * u * u * 4;
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % count, rest--) sizes[i] = (sizes[i] ?? 0) + 1;
  return sizes;
}
