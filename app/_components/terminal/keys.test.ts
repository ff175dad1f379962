import { describe, expect, test } from 'vitest';
import { InputSplitter, pasteAsKeys } from './keys';

describe('InputSplitter', () => {
  test('cuts typed text into keys: characters, control bytes, whole escape sequences, surrogate pairs', () => {
    const keys = new InputSplitter().split('ab\x1b[A\x1b[1;5D\x03\x1bOH\x1bb😀\r');
    expect(keys.map((k) => (k.kind === 'key' ? k.data : k.text))).toEqual(['a', 'b', '\x1b[A', '\x1b[1;5D', '\x03', '\x1bOH', '\x1bb', '😀', '\r']);
  });

  test('a bracketed paste is one unit, even split over several events, with its line ends as \\n', () => {
    const splitter = new InputSplitter();
    expect(splitter.split('x\x1b[200~echo one\recho')).toEqual([{ kind: 'key', data: 'x' }]);
    expect(splitter.split(' two\r\n\x1b[201~y')).toEqual([
      { kind: 'paste', text: 'echo one\necho two\n' },
      { kind: 'key', data: 'y' },
    ]);
  });
});

describe('pasteAsKeys', () => {
  test('each line then Enter; the text after the last line end stays to be edited', () => {
    expect(pasteAsKeys('ls\n\npwd\nec')).toEqual([
      { kind: 'text', text: 'ls' },
      { kind: 'key', data: '\r' },
      { kind: 'key', data: '\r' },
      { kind: 'text', text: 'pwd' },
      { kind: 'key', data: '\r' },
      { kind: 'text', text: 'ec' },
    ]);
    expect(pasteAsKeys('docker images')).toEqual([{ kind: 'text', text: 'docker images' }]);
  });
});
