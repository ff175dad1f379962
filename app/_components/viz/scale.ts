/**
 * Scales for the drawings. Layer sizes span six orders of magnitude (a 120-byte COPY on a 900 MB
 * base), so a linear scale would draw most layers as nothing: blocks use a square-root scale
 * with a minimum height, which keeps every layer visible and the big ones visibly big.
 */

export interface HeightScale {
  /** Height of a 0-byte layer, and the least any block gets (room for its text). */
  min: number;
  /** Height of the largest block. */
  max: number;
}

export const STACK_SCALE: HeightScale = { min: 36, max: 132 };

/** Block heights for `sizes`: min + (max − min) · √(size / largest). */
export function blockHeights(sizes: readonly number[], scale: HeightScale = STACK_SCALE): number[] {
  const largest = Math.max(0, ...sizes);
  return sizes.map((size) => {
    if (largest <= 0 || size <= 0) return scale.min;
    return Math.round(scale.min + (scale.max - scale.min) * Math.sqrt(Math.min(size, largest) / largest));
  });
}

/**
 * A bar's length in percent of `max`, linear (durations compare by ratio: "60× faster" must look
 * like it). A non-zero value never vanishes: at least `minPercent`.
 */
export function barPercent(value: number, max: number, minPercent = 0.75): number {
  if (!(value > 0) || !(max > 0)) return 0;
  return Math.min(100, Math.max(minPercent, (value / max) * 100));
}
