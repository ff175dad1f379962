import { describe, expect, it } from 'vitest';
import { compareGoStrings, goIndent, goJsonString, goMap, goStruct, goTime, omitEmpty } from './go-json';

describe('goJsonString (encoding/json with HTML escaping)', () => {
  it.each([
    ['plain', '"plain"'],
    ['<a href="x">&</a>', '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"'],
    ['back\\slash', '"back\\\\slash"'],
    ['\b\f\n\r\t', '"\\b\\f\\n\\r\\t"'],
    ['\x00\x01\x1f', '"\\u0000\\u0001\\u001f"'],
    ['del\x7f', '"del\x7f"'],
    ['\u2028\u2029', '"\\u2028\\u2029"'],
    ['é🐳', '"é🐳"'],
    ['lone \ud800 surrogate', '"lone \\ufffd surrogate"'],
    ['', '""'],
  ])('%j', (input, expected) => {
    expect(goJsonString(input)).toBe(expected);
  });
});

describe('structs and maps', () => {
  it('omits undefined fields and sorts map keys bytewise', () => {
    expect(goStruct([['a', '1'], ['b', undefined], ['c', goMap({ b: 1, '10': 2, '9': 3, é: 4, Z: 5 }, String)]])).toBe(
      '{"a":1,"c":{"10":2,"9":3,"Z":5,"b":1,"é":4}}',
    );
    expect(goMap(undefined, String)).toBe('null');
  });

  it('compares by code point like Go compares UTF-8 bytes', () => {
    expect(compareGoStrings('\uffff', '\u{1F433}')).toBeLessThan(0); // JS's < says the opposite
    expect(compareGoStrings('a', 'ab')).toBeLessThan(0);
    expect(compareGoStrings('b', 'a')).toBeGreaterThan(0);
  });

  it('omitEmpty drops Go zero values', () => {
    for (const v of ['', 0, false, [], {}, undefined]) expect(omitEmpty(v, () => 'x')).toBeUndefined();
    expect(omitEmpty('a', () => 'x')).toBe('x');
  });
});

describe('goTime (time.Time.MarshalJSON)', () => {
  it.each([
    ['1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00Z'],
    ['2024-01-02T03:04:05.120Z', '2024-01-02T03:04:05.12Z'],
    ['2024-01-02T03:04:05.123456789Z', '2024-01-02T03:04:05.123456789Z'],
    ['2024-01-02T03:04:05+00:00', '2024-01-02T03:04:05Z'],
    ['2024-01-02T03:04:05.5+02:00', '2024-01-02T03:04:05.5+02:00'],
  ])('%s', (iso, expected) => {
    expect(goTime(iso)).toBe(expected);
  });

  it('rejects what is not RFC 3339', () => {
    expect(() => goTime('yesterday')).toThrow(RangeError);
  });
});

describe('goIndent (json.Indent)', () => {
  it('matches Go, keeping empty containers and punctuation inside strings', () => {
    expect(goIndent('{"a":[],"b":{},"c":[1,{"d":"x:y,{}"}],"e":null}', '  ')).toBe(
      '{\n  "a": [],\n  "b": {},\n  "c": [\n    1,\n    {\n      "d": "x:y,{}"\n    }\n  ],\n  "e": null\n}',
    );
    expect(goIndent('["a\\"],"]', '    ')).toBe('[\n    "a\\"],"\n]');
  });
});
