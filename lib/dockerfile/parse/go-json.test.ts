import { describe, expect, it } from 'vitest';
import { parseGoJsonArray } from './go-json';

const values = (text: string): string[] | string => {
  const result = parseGoJsonArray(text);
  return result.kind === 'ok' ? result.items.map((i) => i.value) : result.kind;
};

describe('parseGoJsonArray (json.Unmarshal into []any)', () => {
  it('decodes string arrays with Go escapes', () => {
    expect(values('[]')).toEqual([]);
    expect(values('[ "a" ,\t"b"\r\n]')).toEqual(['a', 'b']);
    expect(values('["\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0000 \\u00e9"]')).toEqual(['" \\ / \b \f \n \r \t \u0000 é']);
  });

  it('combines surrogate pairs and replaces lone surrogates with U+FFFD', () => {
    expect(values('["\\ud83d\\ude00"]')).toEqual(['😀']);
    expect(values('["\\ud800x"]')).toEqual(['\ufffdx']);
    expect(values('["\\udc00"]')).toEqual(['\ufffd']);
    // A high surrogate followed by another escape: the second one is decoded on its own.
    expect(values('["\\ud800\\u0041"]')).toEqual(['\ufffdA']);
  });

  it('reports offsets of each top-level string literal', () => {
    const result = parseGoJsonArray('[ "a", "bc" ]');
    expect(result).toEqual({ kind: 'ok', items: [{ value: 'a', start: 2, end: 5 }, { value: 'bc', start: 7, end: 11 }] });
  });

  it.each([
    '[',
    '["a"',
    '["a",]',
    '[,"a"]',
    "['a']",
    '["a"] x',
    '["\\x"]',
    '["\\u12"]',
    '["a\tb"]',
    '[01]',
    '[1.]',
    '[-]',
    '[1e]',
    '[tru]',
    '[{"a" 1}]',
    '[{a: 1}]',
    '["a"\v]',
  ])('rejects invalid JSON %j (shell-form fallback)', (text) => {
    expect(values(text)).toBe('invalid');
  });

  it.each(['[1]', '[null]', '[true, "a"]', '["a", ["b"]]', '[{"k": "v"}]', '[-0.5e+3]'])(
    'flags valid non-string elements %j',
    (text) => {
      expect(values(text)).toBe('not-strings');
    },
  );

  it('treats a float64 overflow anywhere as an unmarshal error, which wins over non-strings', () => {
    expect(values('[1e400]')).toBe('invalid');
    expect(values('["a", {"k": [-1e999]}]')).toBe('invalid');
    expect(values('[1e-400]')).toBe('not-strings');
  });

  it('limits nesting to Go’s 10000 levels without recursion', () => {
    expect(values(`[${'['.repeat(9999)}${']'.repeat(9999)}]`)).toBe('not-strings');
    expect(values(`[${'['.repeat(10000)}${']'.repeat(10000)}]`)).toBe('invalid');
    expect(values('['.repeat(1_000_000))).toBe('invalid');
  });
});
