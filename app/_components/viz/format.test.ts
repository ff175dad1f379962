import { describe, expect, it } from 'vitest';
import { createdSince, ellipsis, formatMegabytes, formatMs, formatRatio, formatSeconds, formatSize, humanDuration, layerList, layerName, shortDigest, truncateId } from './format';

describe('formatSize (Docker SIZE column)', () => {
  it('writes three significant digits with decimal units, as docker images does', () => {
    expect(formatSize(0)).toBe('0B');
    expect(formatSize(999)).toBe('999B');
    expect(formatSize(1234)).toBe('1.23kB');
    expect(formatSize(7_800_000)).toBe('7.8MB');
    expect(formatSize(135_000_000)).toBe('135MB');
    expect(formatSize(1_070_000_000)).toBe('1.07GB');
  });
  it("keeps Go's %g quirk just under a unit boundary", () => {
    expect(formatSize(999_999)).toBe('1e+03kB');
  });
});

describe('durations', () => {
  it('writes simulated seconds short: "5 min → 5 s" material', () => {
    expect(formatSeconds(0)).toBe('0 s');
    expect(formatSeconds(0.44)).toBe('0.4 s');
    expect(formatSeconds(5)).toBe('5 s');
    expect(formatSeconds(9.97)).toBe('10 s');
    expect(formatSeconds(42.4)).toBe('42 s');
    expect(formatSeconds(300)).toBe('5 min');
    expect(formatSeconds(65)).toBe('1 min 05 s');
    expect(formatSeconds(3720)).toBe('1 h 02 min');
    expect(formatSeconds(Number.NaN)).toBe('0 s');
  });
  it('writes real time in ms below a second', () => {
    expect(formatMs(0)).toBe('0 ms');
    expect(formatMs(39.6)).toBe('40 ms');
    expect(formatMs(1234)).toBe('1.2 s');
    expect(formatMs(75_000)).toBe('1 min 15 s');
  });
});

describe('ids and numbers', () => {
  it('shortens digests to 12 hex digits', () => {
    expect(shortDigest(`sha256:${'ab'.repeat(32)}`)).toBe('abababababab');
    expect(truncateId('<missing>')).toBe('<missing>');
    expect(truncateId(`sha256:0123456789abcdef${'0'.repeat(48)}`)).toBe('0123456789ab');
  });
  it('numbers layers from 1 for people', () => {
    expect(layerName(0)).toBe('layer 1');
    expect(layerList([2])).toBe('layer 3');
    expect(layerList([1, 3, 4])).toBe('layers 2, 4 and 5');
  });
  it('writes ratios and MB', () => {
    expect(formatRatio(0.94231)).toBe('94.2 %');
    expect(formatMegabytes(1_865_300_000)).toBe('1865.3 MB');
  });
});

describe('docker history columns', () => {
  it('cuts CREATED BY at 45 cells with an ellipsis', () => {
    const long = '/bin/sh -c pip install --no-cache-dir -r requirements.txt';
    expect(ellipsis(long, 45)).toHaveLength(45);
    expect(ellipsis(long, 45).endsWith('…')).toBe(true);
    expect(ellipsis('COPY app.py . # buildkit', 45)).toBe('COPY app.py . # buildkit');
  });
  it('writes CREATED as go-units does, N/A for reproducible timestamps', () => {
    const now = Date.parse('2024-05-10T12:00:00Z');
    expect(createdSince('2024-05-07T12:00:00Z', now)).toBe('3 days ago');
    expect(createdSince('2024-05-10T11:59:59Z', now)).toBe('1 second ago');
    expect(createdSince('1970-01-01T00:00:00Z', now)).toBe('N/A');
    expect(createdSince(undefined, now)).toBe('N/A');
    expect(humanDuration(90 * 60_000)).toBe('2 hours');
    expect(humanDuration(61_000)).toBe('About a minute');
  });
});
