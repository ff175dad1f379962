import { describe, expect, test } from 'vitest';
import { advance, colourPrompt, displayWidth, formatCandidates } from './prompt-line';

describe('widths', () => {
  test('escape sequences take no cells, wide characters two, combining marks none', () => {
    expect(displayWidth('\x1b[1;32mstudent@workstation\x1b[0m:~$ ')).toBe(23);
    expect(displayWidth('漢字')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
  });

  test('a wide character that does not fit in the last cell moves to the next row', () => {
    expect(advance(0, 'abc漢', 4)).toBe(6);
    expect(advance(0, 'ab漢', 4)).toBe(4);
  });
});

describe('colourPrompt', () => {
  test("Ubuntu's colours on a user@host:dir$ prompt; other prompts unchanged", () => {
    expect(colourPrompt('student@workstation:~/myapp$ ')).toBe('\x1b[1;32mstudent@workstation\x1b[0m:\x1b[1;34m~/myapp\x1b[0m$ ');
    expect(colourPrompt('root@3f2a1b4c5d6e:/# ')).toBe('\x1b[1;32mroot@3f2a1b4c5d6e\x1b[0m:\x1b[1;34m/\x1b[0m# ');
    expect(colourPrompt('> ')).toBe('> ');
    expect(colourPrompt('/app # ')).toBe('/app # ');
  });
});

describe('formatCandidates', () => {
  test('down the columns, each as wide as the longest plus two, as many as fit', () => {
    const words = ['build', 'commit', 'cp', 'create', 'diff', 'events', 'exec'];
    expect(formatCandidates(words, '', 32)).toBe(['build   cp      diff    exec', 'commit  create  events'].join('\r\n') + '\r\n');
    expect(formatCandidates(words, '', 10)).toBe(words.join('\r\n') + '\r\n');
  });

  test('files show without the directory typed; image references show whole', () => {
    expect(formatCandidates(['src/app.py', 'src/lib/'], 'src/', 80)).toBe('app.py  lib/\r\n');
    expect(formatCandidates(['registry.company.com/app:1.0', 'registry.company.com/app:2.0'], 'registry.company.com/a', 80)).toBe('registry.company.com/app:1.0  registry.company.com/app:2.0\r\n');
  });
});
