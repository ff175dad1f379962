import { describe, expect, it } from 'vitest';
import { humanDuration, humanSize } from './human-units';

describe('go-units as docker images prints them', () => {
  it('sizes: %.3g with decimal units', () => {
    expect([0, 999, 1234, 7_800_000, 123_000_000, 999_999, 1_500_000_000].map(humanSize)).toEqual(['0B', '999B', '1.23kB', '7.8MB', '123MB', '1e+03kB', '1.5GB']);
  });

  it('durations', () => {
    const s = 1000;
    const h = 3600 * s;
    expect([500, 1 * s, 30 * s, 90 * s, 20 * 60 * s, 1.4 * h, 30 * h, 72 * h, 21 * 24 * h, 90 * 24 * h, 3 * 365 * 24 * h].map(humanDuration)).toEqual([
      'Less than a second', '1 second', '30 seconds', 'About a minute', '20 minutes', 'About an hour', '30 hours', '3 days', '3 weeks', '3 months', '3 years',
    ]);
  });
});
