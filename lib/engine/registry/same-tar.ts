import type { ChangeSet } from '../fs';
import { layerTarSize, tarPieces } from '../layer';

/**
 * True when our tar writer turns `changeSet` into exactly `tar` (then the recipe alone stands
 * for the layer and no original needs keeping). Compares the pieces as they are produced — no
 * hashing, no copy — and stops at the first difference; the length rules most foreign tars out
 * before any piece is produced.
 */
export function sameTar(changeSet: ChangeSet, tar: Uint8Array): boolean {
  if (layerTarSize(changeSet) !== tar.length) return false;
  let at = 0;
  for (const piece of tarPieces(changeSet)) {
    if (at + piece.length > tar.length || !equalBytes(piece, tar.subarray(at, at + piece.length))) return false;
    at += piece.length;
  }
  return at === tar.length;
}

/** Byte equality, a word at a time where both views are 4-byte aligned. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  const n = a.length;
  // The tar reader hands out large files as views of the tar itself: nothing to compare.
  if (a.buffer === b.buffer && a.byteOffset === b.byteOffset) return true;
  let i = 0;
  if ((a.byteOffset & 3) === 0 && (b.byteOffset & 3) === 0 && n >= 64) {
    const words = n >>> 2;
    const wa = new Uint32Array(a.buffer, a.byteOffset, words);
    const wb = new Uint32Array(b.buffer, b.byteOffset, words);
    for (let w = 0; w < words; w++) if (wa[w] !== wb[w]) return false;
    i = words << 2;
  }
  for (; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}
