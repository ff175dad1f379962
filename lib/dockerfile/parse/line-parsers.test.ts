import { describe, expect, it } from 'vitest';
import { DockerfileError } from '../errors';
import { lineParserFor, parseWords } from './line-parsers';

const args = (keyword: string, rest: string, escape = '\\') => lineParserFor(keyword)(rest, 0, escape);
const values = (keyword: string, rest: string, escape = '\\') => args(keyword, rest, escape).words.map((w) => w.value);

describe('parseWords', () => {
  it('keeps quotes and escapes in words', () => {
    expect(parseWords('abc="123 456" def', 0, '\\').map((w) => w.value)).toEqual(['abc="123 456"', 'def']);
    expect(parseWords('a\\ b c', 0, '\\').map((w) => w.value)).toEqual(['a\\ b', 'c']);
    // Inside single quotes the escape is literal: the second ' closes, the third reopens.
    expect(parseWords("'a\\'b' c", 0, '\\').map((w) => w.value)).toEqual(["'a\\'b' c"]);
    expect(parseWords('"a\\"b" c', 0, '\\').map((w) => w.value)).toEqual(['"a\\"b"', 'c']);
  });

  it('drops a trailing escape token and honours the backtick escape', () => {
    expect(parseWords('a b\\', 0, '\\').map((w) => w.value)).toEqual(['a', 'b']);
    expect(parseWords('a` b', 0, '`').map((w) => w.value)).toEqual(['a` b']);
  });

  it('keeps empty quoted words and reports offsets', () => {
    expect(parseWords('"" x', 10, '\\')).toEqual([
      { value: '""', start: 10, end: 12 },
      { value: 'x', start: 13, end: 14 },
    ]);
  });
});

describe('ENV and LABEL (parseNameVal)', () => {
  it('produces key/value/separator triples', () => {
    expect(values('env', 'a=1 b="x y"')).toEqual(['a', '1', '=', 'b', '"x y"', '=']);
    expect(values('label', 'maintainer Erik <e@x.org>')).toEqual(['maintainer', 'Erik <e@x.org>', '']);
    expect(values('env', 'name value with   spaces')).toEqual(['name', 'value with   spaces', '']);
  });

  it('gives every part of a triple a range', () => {
    expect(args('env', 'ab=cd').words).toEqual([
      { value: 'ab', start: 0, end: 2 },
      { value: 'cd', start: 3, end: 5 },
      { value: '=', start: 2, end: 3 },
    ]);
    expect(args('env', 'K  v').words).toEqual([
      { value: 'K', start: 0, end: 1 },
      { value: 'v', start: 3, end: 4 },
      { value: '', start: 1, end: 1 },
    ]);
  });

  it('raises BuildKit’s errors', () => {
    expect(() => args('env', 'PATH')).toThrow(new DockerfileError('env-args', 'ENV must have two arguments'));
    expect(() => args('label', 'x')).toThrow('LABEL must have two arguments');
    expect(() => args('env', 'a=b c')).toThrow('Syntax error - can\'t find = in "c". Must be of the form: name=value');
    // The legacy split only knows ASCII blanks: NBSP does not separate key and value.
    expect(() => args('env', 'a\u00a0b')).toThrow('ENV must have two arguments');
  });

  it('returns nothing for an empty rest', () => {
    expect(args('env', '')).toEqual({ words: [], json: false });
  });
});

describe('exec form (parseMaybeJSON / parseMaybeJSONToList)', () => {
  it('decodes JSON arrays and sets json', () => {
    expect(args('cmd', '["a", "b"]')).toMatchObject({ json: true, words: [{ value: 'a' }, { value: 'b' }] });
    expect(args('copy', '[ "test file", "/tmp" ]')).toMatchObject({ json: true });
    expect(args('cmd', '[]')).toEqual({ words: [], json: true });
  });

  it('falls back to the shell form on invalid JSON', () => {
    expect(args('cmd', "['a']")).toEqual({ words: [{ value: "['a']", start: 0, end: 5 }], json: false });
    expect(values('copy', '[a b')).toEqual(['[a', 'b']);
  });

  it('rejects non-string arrays', () => {
    expect(() => args('run', '["a", 1]')).toThrow('when using JSON array syntax, arrays must be comprised of strings only');
  });
});

describe('other parsers', () => {
  it('splits FROM/EXPOSE on ASCII blanks only', () => {
    expect(values('from', 'a\t\vAS  b')).toEqual(['a', 'AS', 'b']);
    expect(values('expose', '80\u00a081')).toEqual(['80\u00a081']);
  });

  it('keeps USER/WORKDIR/MAINTAINER/STOPSIGNAL as one string', () => {
    expect(values('workdir', '/a b')).toEqual(['/a b']);
    expect(values('user', '')).toEqual([]);
  });

  it('keeps ARG words as written', () => {
    expect(values('arg', 'foo bar=baz "q x"=1')).toEqual(['foo', 'bar=baz', '"q x"=1']);
  });

  it('parses HEALTHCHECK as a type word then a command', () => {
    expect(args('healthcheck', 'CMD ["foo"]')).toMatchObject({ json: true, words: [{ value: 'CMD' }, { value: 'foo' }] });
    expect(values('healthcheck', 'CONNECT TCP 7000')).toEqual(['CONNECT', 'TCP 7000']);
    expect(values('healthcheck', 'NONE')).toEqual(['NONE']);
    expect(values('healthcheck', '')).toEqual([]);
  });

  it('gives unknown instructions BuildKit’s single empty argument', () => {
    expect(args('frobnicate', 'a b')).toEqual({ words: [{ value: '', start: 0, end: 0 }], json: false });
    expect(lineParserFor('constructor')).toBe(lineParserFor('nope'));
  });
});
