import { describe, expect, it } from 'vitest';
import { goTrimSpace, isGoSpace, utf8Length } from './go-text';

describe('goTrimSpace (Go strings.TrimSpace)', () => {
  it('trims Unicode White_Space, not the BOM (unlike String.prototype.trim)', () => {
    expect(goTrimSpace(' \t\v\f\r\n a b \u00a0\u0085\u3000')).toBe('a b');
    expect(goTrimSpace('\uFEFFa')).toBe('\uFEFFa');
    expect('\uFEFFa'.trim()).toBe('a');
    expect(goTrimSpace('\u0085a')).toBe('a');
    expect('\u0085a'.trim()).toBe('\u0085a');
  });

  it('returns the same string when there is nothing to trim', () => {
    const s = 'node_modules';
    expect(goTrimSpace(s)).toBe(s);
    expect(goTrimSpace('   ')).toBe('');
  });

  it('knows the White_Space code points', () => {
    for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) {
      expect(isGoSpace(c)).toBe(true);
    }
    for (const c of [0x00, 0x1f, 0x21, 0x200b, 0xfeff, 0x180e]) expect(isGoSpace(c)).toBe(false);
  });

  it('is linear on long interior whitespace', () => {
    const text = 'a' + ' '.repeat(200_000) + 'b';
    const started = performance.now();
    expect(goTrimSpace(text)).toBe(text);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('utf8Length', () => {
  it('counts UTF-8 bytes like Go would see them', () => {
    expect(utf8Length('abc', 0, 3)).toBe(3);
    expect(utf8Length('é', 0, 1)).toBe(2);
    expect(utf8Length('中', 0, 1)).toBe(3);
    expect(utf8Length('😀', 0, 2)).toBe(4);
    expect(utf8Length('\ud800', 0, 1)).toBe(3);
  });
});
