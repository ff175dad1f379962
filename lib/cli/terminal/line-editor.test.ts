import { describe, expect, it } from 'vitest';
import { LineEditor } from './line-editor';

describe('LineEditor', () => {
  it('inserts, moves and deletes like readline', () => {
    const e = new LineEditor();
    e.feed('docker imgs');
    e.feed('\x1b[D\x1b[D');
    e.feed('a');
    expect([e.line, e.cursor]).toEqual(['docker imags', 10]);
    e.feed('\x7f\x7f\x1b[3~');
    expect([e.line, e.cursor]).toEqual(['docker is', 8]);
    e.feed('\x01');
    expect(e.cursor).toBe(0);
    e.feed('\x05');
    expect(e.cursor).toBe(9);
    e.feed('\x1b[H\x1b[C');
    expect(e.cursor).toBe(1);
    e.feed('\x1bOF');
    expect(e.cursor).toBe(9);
  });

  it('cuts with Ctrl+U, Ctrl+K, Ctrl+W and yanks with Ctrl+Y', () => {
    const e = new LineEditor();
    e.feed('docker tag myapp:1.0 myapp:latest');
    e.feed('\x17');
    expect(e.line).toBe('docker tag myapp:1.0 ');
    e.feed('\x19');
    expect(e.line).toBe('docker tag myapp:1.0 myapp:latest');
    e.feed('\x1b[1;5D\x0b');
    expect(e.line).toBe('docker tag myapp:1.0 myapp:');
    e.feed('\x15');
    expect([e.line, e.cursor]).toEqual(['', 0]);
  });

  it('submits on Enter and reports Ctrl+C, Ctrl+D, Tab and Ctrl+L', () => {
    const e = new LineEditor();
    expect(e.feed('ls -l\r')).toEqual([{ kind: 'submit', line: 'ls -l' }]);
    expect(e.line).toBe('');
    expect(e.feed('abc\x03')).toEqual([{ kind: 'interrupt' }]);
    expect(e.line).toBe('');
    expect(e.feed('\x04')).toEqual([{ kind: 'eof' }]);
    expect(e.feed('ab\x01\x04')).toEqual([]);
    expect(e.line).toBe('b');
    expect(e.feed('\t\x0c')).toEqual([{ kind: 'complete' }, { kind: 'clear-screen' }]);
  });

  it('walks history with Up and Down and keeps the draft', () => {
    const history = ['echo one', 'echo two'];
    const e = new LineEditor(() => history);
    e.feed('draft');
    e.feed('\x1b[A');
    expect(e.line).toBe('echo two');
    e.feed('\x1b[A\x1b[A');
    expect(e.line).toBe('echo one');
    e.feed('\x1b[B');
    expect(e.line).toBe('echo two');
    e.feed('\x1b[B');
    expect([e.line, e.cursor]).toEqual(['draft', 5]);
  });

  it('keeps a bracketed paste literal, newlines included, even split across events', () => {
    const e = new LineEditor();
    expect(e.feed('\x1b[200~if true; then\r\necho \x03')).toEqual([]);
    expect(e.feed('hi\rfi\x1b[201~')).toEqual([]);
    expect(e.line).toBe('if true; then\necho \x03hi\nfi');
    expect(e.feed('\r')).toEqual([{ kind: 'submit', line: 'if true; then\necho \x03hi\nfi' }]);
  });

  it('applies a completion: the common prefix, and a space when it is unique', () => {
    const e = new LineEditor();
    e.feed('docker ima');
    e.applyCompletion({ start: 7, candidates: ['image', 'images'], common: 'image', complete: false });
    expect(e.line).toBe('docker image');
    e.feed(' l');
    e.applyCompletion({ start: 13, candidates: ['ls'], common: 'ls', complete: true });
    expect([e.line, e.cursor]).toEqual(['docker image ls ', 16]);
  });
});
