import { describe, expect, it } from 'vitest';
import { barPercent, blockHeights } from './scale';

describe('blockHeights', () => {
  it('keeps a tiny layer visible next to a huge one, and orders heights by size', () => {
    const [base, pip, app] = blockHeights([900_000_000, 30_000_000, 120], { min: 36, max: 132 });
    expect(base).toBe(132);
    expect(app).toBeGreaterThanOrEqual(36);
    expect(pip).toBeGreaterThan(app as number);
    expect(pip).toBeLessThan(base as number);
  });
  it('uses a square root, not a linear scale: a layer 1/100 of the largest gets 1/10 of the range', () => {
    expect(blockHeights([100, 1], { min: 0, max: 100 })).toEqual([100, 10]);
  });
  it('gives empty layers and an empty image the minimum', () => {
    expect(blockHeights([0, 0], { min: 20, max: 80 })).toEqual([20, 20]);
    expect(blockHeights([], { min: 20, max: 80 })).toEqual([]);
  });
});

describe('barPercent', () => {
  it('is linear, never hides a non-zero value, and caps at 100', () => {
    expect(barPercent(50, 200)).toBe(25);
    expect(barPercent(0.001, 300)).toBe(0.75);
    expect(barPercent(0, 300)).toBe(0);
    expect(barPercent(400, 300)).toBe(100);
    expect(barPercent(5, 0)).toBe(0);
  });
});
