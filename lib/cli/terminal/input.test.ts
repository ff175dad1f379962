import { describe, expect, it } from 'vitest';
import { InputAccumulator, isCompleteInput } from './input';

describe('isCompleteInput', () => {
  it('waits for open constructs, quotes, continuations and here-doc delimiters', () => {
    for (const open of ['if true; then', 'echo "abc', "echo 'a", 'docker images |', 'make &&', 'echo $(ls', 'for x in a; do', 'echo a \\', 'cat <<EOF\nhello', "cat <<'END'\nx\nEOF"]) {
      expect(isCompleteInput(open), open).toBe(false);
    }
  });

  it('runs complete commands and plain syntax errors', () => {
    for (const done of ['echo hi', 'if true; then echo; fi', 'cat <<EOF\nhello\nEOF', 'cat <<-EOF\n\thello\n\tEOF', 'fi', 'echo a; ;', 'echo \\\\']) {
      expect(isCompleteInput(done), done).toBe(true);
    }
  });
});

describe('InputAccumulator', () => {
  it('splits pasted text into complete commands and keeps the open rest', () => {
    const acc = new InputAccumulator();
    expect(acc.push('echo a\necho b\nif true; then\n')).toEqual(['echo a', 'echo b']);
    expect(acc.pending).toBe(true);
    expect(acc.push('echo c')).toEqual([]);
    expect(acc.push('fi\n\n')).toEqual(['if true; then\necho c\nfi']);
    expect(acc.pending).toBe(false);
    acc.push('echo "open');
    acc.reset();
    expect(acc.pending).toBe(false);
  });
});
