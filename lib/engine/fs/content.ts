import { EngineError } from '../errors';
import { readSynthetic, syntheticSlices } from './synthetic-content';
import { type FileContent } from './types';

/** Real bytes; a string is stored as its UTF-8 bytes. */
export function bytesContent(data: Uint8Array | string): FileContent {
  return { kind: 'bytes', bytes: typeof data === 'string' ? new TextEncoder().encode(data) : data };
}

/** `size` deterministic pseudo-random bytes derived from `seed` (see synthetic-content.ts). */
export function syntheticContent(size: number, seed: string): FileContent {
  if (!Number.isSafeInteger(size) || size < 0) throw new EngineError('too-large', `invalid synthetic file size ${size}`);
  return { kind: 'synthetic', size, seed };
}

export function contentSize(content: FileContent): number {
  return content.kind === 'bytes' ? content.bytes.length : content.size;
}

/**
 * The content as read-only views in order (no copies: bytes are the stored array, synthetic
 * pages are views of a shared pool). For hashing and writing; copy before mutating or transferring.
 */
export function* contentSlices(content: FileContent): Generator<Uint8Array> {
  if (content.kind === 'bytes') {
    if (content.bytes.length > 0) yield content.bytes;
    return;
  }
  yield* syntheticSlices(content.seed, content.size);
}

/** Bytes [offset, offset + length) as a fresh array (whole file by default); for `cat`, `head -c`. */
export function readContent(content: FileContent, offset = 0, length?: number): Uint8Array {
  const size = contentSize(content);
  const len = length ?? size - offset;
  if (content.kind === 'bytes') return content.bytes.slice(offset, offset + len);
  return readSynthetic(content.seed, content.size, offset, len);
}

/** Same bytes, decided without reading synthetic content (seed + size identify it). */
export function sameContent(a: FileContent, b: FileContent): boolean {
  if (a === b) return true;
  if (a.kind === 'synthetic' || b.kind === 'synthetic') {
    return a.kind === 'synthetic' && b.kind === 'synthetic' && a.seed === b.seed && a.size === b.size;
  }
  if (a.bytes === b.bytes) return true;
  if (a.bytes.length !== b.bytes.length) return false;
  for (let i = 0; i < a.bytes.length; i++) if (a.bytes[i] !== b.bytes[i]) return false;
  return true;
}
