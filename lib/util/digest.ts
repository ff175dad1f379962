import { createSHA256 } from 'hash-wasm';

/**
 * Content digests as Docker and OCI write them (`sha256:<64 lowercase hex>`), and an injectable
 * streaming sha256: the browser uses hash-wasm (WASM), the Node CLI injects `crypto.createHash`
 * (`nodeSha256` in lib/cli/node-io.ts), which is several times faster. lib/ never imports Node.
 */
export type Digest = `sha256:${string}`;

/** A streaming sha256. `digest()` ends the hasher; do not update it afterwards. */
export interface Sha256 {
  update(chunk: Uint8Array): void;
  digest(): Digest;
}

/** Makes a fresh hasher. Async because WASM (hash-wasm) instantiates asynchronously. */
export type Sha256Factory = () => Promise<Sha256> | Sha256;

const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;

/** The browser/default hasher, on hash-wasm's WASM sha256. */
export const wasmSha256: Sha256Factory = async () => {
  const hasher = await createSHA256();
  hasher.init();
  return {
    update(chunk) {
      hasher.update(chunk);
    },
    digest() {
      return `sha256:${hasher.digest('hex')}`;
    },
  };
};

/** sha256 of `bytes` (a string is hashed as its UTF-8 bytes). */
export async function sha256Of(bytes: Uint8Array | string, factory: Sha256Factory = wasmSha256): Promise<Digest> {
  const hasher = await factory();
  hasher.update(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
  return hasher.digest();
}

/** True for a canonical `sha256:<64 lowercase hex>` digest (the only algorithm Layerlab writes). */
export function isDigest(value: unknown): value is Digest {
  return typeof value === 'string' && DIGEST_PATTERN.test(value);
}

/** Docker's short ID: the first 12 hex digits without the algorithm (`docker images` IMAGE ID). */
export function shortId(digest: Digest | string): string {
  const hex = digest.startsWith('sha256:') ? digest.slice('sha256:'.length) : digest;
  return hex.slice(0, 12);
}
