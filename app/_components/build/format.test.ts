import { describe, expect, it } from 'vitest';
import { formatBytes, formatMs, formatSeconds } from './format';

describe('build panel numbers', () => {
  it('formats sizes in the docker CLI decimal units', () => {
    expect(formatBytes(0)).toBe('0B');
    expect(formatBytes(999)).toBe('999B');
    expect(formatBytes(1024)).toBe('1.02kB');
    expect(formatBytes(203_400_000)).toBe('203MB');
    expect(formatBytes(2_050_000_000)).toBe('2.05GB');
  });

  it('formats simulated durations as the material says them', () => {
    expect(formatSeconds(0.1)).toBe('0.1s');
    expect(formatSeconds(0.01)).toBe('<0.1s');
    expect(formatSeconds(0)).toBe('0.0s');
    expect(formatSeconds(12.44)).toBe('12.4s');
    expect(formatSeconds(73)).toBe('1m 13s');
    expect(formatSeconds(300)).toBe('5m 0s');
    expect(formatSeconds(3725)).toBe('1h 2m');
    expect(formatSeconds(Number.NaN)).toBe('–');
  });

  it('formats real time in ms below a second', () => {
    expect(formatMs(7.6)).toBe('8 ms');
    expect(formatMs(1430)).toBe('1.4 s');
  });
});
