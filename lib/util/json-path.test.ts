import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssues, formatJsonPath } from './json-path';

describe('formatJsonPath', () => {
  it('writes accessor-style paths, quoting keys that are not identifiers', () => {
    expect(formatJsonPath(['tags', '3.9-slim', 'layers', 2, 'bytes'])).toBe('tags["3.9-slim"].layers[2].bytes');
    expect(formatJsonPath([])).toBe('');
  });
});

describe('formatIssues', () => {
  it('prefixes each zod issue with the file and the path of the value at fault', () => {
    const result = z.strictObject({ size: z.number() }).safeParse({ size: '1' });
    if (result.success) throw new Error('expected a failure');
    expect(formatIssues('content/x.json', result.error.issues)).toEqual(['content/x.json: size: expected number, received string']);
  });
});
