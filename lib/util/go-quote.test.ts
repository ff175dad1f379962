import { describe, expect, it } from 'vitest';
import { goQuote, goQuoteList } from './go-quote';

// Expected values are what Go's strconv.Quote returns for the same (UTF-8) string.
describe('goQuote', () => {
  it.each([
    ['', '""'],
    ['plain text', '"plain text"'],
    ['"Fran & Freddie\'s Diner\t☺"', '"\\"Fran & Freddie\'s Diner\\t☺\\""'],
    ['\x07\b\f\n\r\t\v\\"', '"\\a\\b\\f\\n\\r\\t\\v\\\\\\""'],
    ['\x00', '"\\x00"'],
    ['\x01\x1b\x1f', '"\\x01\\x1b\\x1f"'],
    ['\x7f', '"\\x7f"'],
    ['\u0080\u0085\u009f', '"\\u0080\\u0085\\u009f"'],
    ['\u00a0', '"\\u00a0"'],
    ['\u00ad', '"\\u00ad"'],
    ['\u200b\u2028\u3000', '"\\u200b\\u2028\\u3000"'],
    ['\ufeff', '"\\ufeff"'],
    ['\ue000', '"\\ue000"'],
    ['\u{e0001}', '"\\U000e0001"'],
    ['\u{10ffff}', '"\\U0010ffff"'],
    ['♥☃', '"♥☃"'],
    ['日本語 é ß Ω', '"日本語 é ß Ω"'],
    ['😀 𝒜', '"😀 𝒜"'],
    ['\ufffd', '"�"'],
    ['a\u0301', '"a\u0301"'],
    ['/usr\\"/bin', '"/usr\\\\\\"/bin"'],
  ])('quotes %j like Go', (input, expected) => {
    expect(goQuote(input)).toBe(expected);
  });

  it('escapes lone surrogates as \\ufffd (Go prints invalid runes that way)', () => {
    expect(goQuote('a\ud800b')).toBe('"a\\ufffdb"');
    expect(goQuote('\udc00')).toBe('"\\ufffd"');
  });

  it('formats a string list like %q of a []string', () => {
    expect(goQuoteList(['--user=me', '--doit=true'])).toBe('["--user=me" "--doit=true"]');
    expect(goQuoteList([])).toBe('[]');
    expect(goQuoteList(['a"b', '\t'])).toBe('["a\\"b" "\\t"]');
  });

  it('is fast on long printable strings', () => {
    const long = 'x'.repeat(1_000_000);
    expect(goQuote(long)).toHaveLength(1_000_002);
  });
});
