import { describe, expect, it } from 'vitest';
import { isValidImageReference, parseImageRef } from './image-ref';
import { mapHeredoc, mapJoinedText, SourceText } from './source-text';

describe('SourceText', () => {
  const text = new SourceText('ab\ncd\r\nef');

  it('converts offsets and positions', () => {
    expect(text.positionAt(0)).toEqual({ line: 1, column: 1 });
    expect(text.positionAt(3)).toEqual({ line: 2, column: 1 });
    expect(text.positionAt(8)).toEqual({ line: 3, column: 2 });
    expect(text.offsetAt({ line: 3, column: 2 })).toBe(8);
    expect(text.lineText(2)).toBe('cd');
    expect(text.lineCount).toBe(3);
  });
});

describe('mapJoinedText', () => {
  it('maps a continued logical line back to its physical lines', () => {
    const src = 'RUN a \\\n  # comment\n\n    b';
    const source = new SourceText(src);
    const map = mapJoinedText(source, 4, 'a     b', '\\');
    expect(map).not.toBeNull();
    expect(source.positionAt(map?.[6] as number)).toEqual({ line: 4, column: 5 });
  });

  it('returns null when the text is not there', () => {
    expect(mapJoinedText(new SourceText('RUN abc'), 4, 'xyz', '\\')).toBeNull();
  });

  it('maps chomped heredoc bodies', () => {
    const src = 'RUN <<-EOF\n\t\techo a\n\tEOF\n';
    const source = new SourceText(src);
    const map = mapHeredoc(source, {
      name: 'EOF', fileDescriptor: 0, expand: true, chomp: true, content: 'echo a\n',
      range: { start: { line: 2, column: 1 }, end: { line: 3, column: 5 } },
    });
    expect(source.positionAt(map?.[0] as number)).toEqual({ line: 2, column: 3 });
  });
});

describe('image references', () => {
  it('splits like language-docker', () => {
    expect(parseImageRef('python:3.9-slim')).toEqual({ registry: null, name: 'python', tag: '3.9-slim', digest: null });
    expect(parseImageRef('localhost:5000/app')).toEqual({ registry: 'localhost:5000', name: 'app', tag: null, digest: null });
    expect(parseImageRef('ghcr.io/org/app:1@sha256:ab')).toEqual({ registry: 'ghcr.io', name: 'org/app', tag: '1', digest: 'sha256:ab' });
    expect(parseImageRef('library/node')).toEqual({ registry: null, name: 'library/node', tag: null, digest: null });
  });

  it('validates like distribution/reference', () => {
    for (const ok of ['alpine', 'alpine:3.19', 'docker.io/library/alpine:latest', 'localhost:5000/a/b:c', 'gcr.io/distroless/base', 'a@sha256:' + 'a'.repeat(64)]) {
      expect(isValidImageReference(ok), ok).toBe(true);
    }
    for (const bad of ['', 'Alpine', 'alpine:', 'a'.repeat(64).replace(/a/g, 'f'), 'node:${X}', '-x', 'a//b']) {
      expect(isValidImageReference(bad), bad).toBe(false);
    }
  });
});
