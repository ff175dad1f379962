import type { Digest, Sha256Factory } from '@/lib/util';

/**
 * A platform's one-shot sha256 over a whole buffer, used next to a streaming hasher when it is
 * much faster. In a browser that is WebCrypto: `crypto.subtle.digest` runs in native code with
 * the CPU's SHA extensions, off the calling thread, about 2–3x the speed of hash-wasm's WASM
 * sha256. It is not streaming, so the layer tar must be put in one buffer first: only layers up
 * to `maxBytes` take this path (memory peaks near twice the tar size, as WebCrypto copies its
 * input); bigger ones and small ones (where the async round trip costs more than it saves) stream.
 * The diffID is the same sha256 of the same tar either way.
 */
export interface OneShotSha256 {
  digest(bytes: Uint8Array): Promise<Digest>;
  /** Tars larger than this stream through the factory's hasher. */
  readonly maxBytes: number;
  /** Tars smaller than this stream too (default 1 MiB). */
  readonly minBytes?: number;
}

const oneShots = new WeakMap<Sha256Factory, OneShotSha256>();

/** A factory like `factory` whose layer hashing may use `oneShot` (see `OneShotSha256`). */
export function withOneShotSha256(factory: Sha256Factory, oneShot: OneShotSha256): Sha256Factory {
  const wrapped: Sha256Factory = () => factory();
  oneShots.set(wrapped, oneShot);
  return wrapped;
}

/** The one-shot hasher attached to `factory` by `withOneShotSha256`, if any. */
export function oneShotOf(factory: Sha256Factory): OneShotSha256 | undefined {
  return oneShots.get(factory);
}

function toHex(buffer: ArrayBuffer): string {
  let hex = '';
  for (const byte of new Uint8Array(buffer)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Layers up to this size are hashed by WebCrypto in one piece (see `OneShotSha256`). */
export const WEB_CRYPTO_MAX_BYTES = 640 * 1024 * 1024;

/** WebCrypto's sha256 as a one-shot hasher, or undefined where `crypto.subtle` is missing (plain http, old runtimes). */
export function webCryptoSha256(maxBytes = WEB_CRYPTO_MAX_BYTES): OneShotSha256 | undefined {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (subtle === undefined) return undefined;
  return {
    maxBytes,
    async digest(bytes) {
      return `sha256:${toHex(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))}`;
    },
  };
}
