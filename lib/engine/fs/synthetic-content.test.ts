import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readContent, syntheticContent } from './content';
import { readSynthetic, syntheticSlices } from './synthetic-content';

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('synthetic content', () => {
  it('is byte-identical everywhere (golden values: changing them changes every image digest)', () => {
    expect([...readSynthetic('python:3.9/libpython3.9.so', 1 << 20, 0, 16)]).toEqual(GOLDEN_PREFIX);
    expect(sha(readSynthetic('python:3.9/libpython3.9.so', 3_000_001))).toBe(GOLDEN_SHA);
  });

  it('serves any range consistently with the stream', () => {
    const whole = readSynthetic('seed', 300_000);
    expect(readSynthetic('seed', 300_000, 65_530, 20)).toEqual(whole.subarray(65_530, 65_550));
    expect(readContent(syntheticContent(300_000, 'seed'), 299_990)).toEqual(whole.subarray(299_990));
    const joined = Buffer.concat([...syntheticSlices('seed', 300_000, 1000, 200_000)]);
    expect(new Uint8Array(joined)).toEqual(whole.subarray(1000, 200_000));
    // A prefix of a longer file with the same seed; another seed gives other bytes.
    expect(readSynthetic('seed', 1000)).toEqual(whole.subarray(0, 1000));
    expect(readSynthetic('seed2', 1000)).not.toEqual(whole.subarray(0, 1000));
  });

  it('compresses about as well as real binaries under gzip', () => {
    const bytes = readSynthetic('ratio', 4 << 20);
    const ratio = gzipSync(bytes).length / bytes.length;
    expect(ratio).toBeGreaterThan(0.45);
    expect(ratio).toBeLessThan(0.65);
  });

  it('handles sizes beyond 4 GiB pages without overflow', () => {
    const size = 2 ** 40;
    const tail = readSynthetic('huge', size, size - 10);
    expect(tail).toHaveLength(10);
    expect(readSynthetic('huge', size, size - 10, 10)).toEqual(tail);
  });
});

const GOLDEN_PREFIX = [14, 12, 3, 1, 3, 11, 11, 6, 0, 8, 10, 4, 4, 2, 12, 13];
const GOLDEN_SHA = '949a979d74df765e2dc5dfa9514c8db65d7a5de302bad829db50364562d92151';
