/**
 * Byte equality for large arrays: the same memory is equal at once; otherwise 32-bit words where
 * the two views share an alignment (the usual case: tar bodies sit at 512-byte offsets), bytes
 * elsewhere. About 4× the speed of a byte loop.
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  const n = a.length;
  if (n !== b.length) return false;
  if (a.buffer === b.buffer && a.byteOffset === b.byteOffset) return true;
  let i = 0;
  if (n >= 64 && ((a.byteOffset - b.byteOffset) & 3) === 0) {
    for (; ((a.byteOffset + i) & 3) !== 0; i++) if (a[i] !== b[i]) return false;
    const words = (n - i) >>> 2;
    const wa = new Int32Array(a.buffer, a.byteOffset + i, words);
    const wb = new Int32Array(b.buffer, b.byteOffset + i, words);
    for (let w = 0; w < words; w++) if (wa[w] !== wb[w]) return false;
    i += words << 2;
  }
  for (; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}
