import { describe, expect, it } from 'vitest';
import { scanLines } from './scan-lines';

describe('scanLines (bufio.Scanner + ScanLines)', () => {
  it('splits on \\n and drops one \\r before it', () => {
    expect(scanLines('a\r\nb\nc').map((l) => l.text)).toEqual(['a', 'b', 'c']);
    expect(scanLines('a\r\r\n').map((l) => l.text)).toEqual(['a\r']);
  });

  it('has no empty last line after a final newline, but keeps inner empty lines', () => {
    expect(scanLines('a\n').map((l) => l.text)).toEqual(['a']);
    expect(scanLines('a\n\n').map((l) => l.text)).toEqual(['a', '']);
    expect(scanLines('')).toEqual([]);
    expect(scanLines('\n').map((l) => l.text)).toEqual(['']);
  });

  it('measures each line in UTF-8 bytes, \\r included', () => {
    expect(scanLines('é\r\n😀').map((l) => l.bytes)).toEqual([3, 4]);
  });
});
