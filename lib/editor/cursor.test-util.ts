// Test helper: a Dockerfile with `|` marking the cursor → the text without it and the position.
import type { Position } from '@/lib/dockerfile';

export function at(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | in the text');
  const before = marked.slice(0, offset).split('\n');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), position: { line: before.length, column: (before.at(-1) ?? '').length + 1 } };
}
