/**
 * Node implementations of the IO the engine has injected (DESIGN.md §1.3). Only the Node faces
 * (the `layerlab` CLI, tests, benchmarks) import this file; the browser uses lib/util's WASM hasher.
 */
import { createHash } from 'node:crypto';
import { type Sha256Factory } from '@/lib/util';

/** sha256 on Node's OpenSSL (SHA-NI where the CPU has it): the fastest hasher for the CLI. */
export const nodeSha256: Sha256Factory = () => {
  const hash = createHash('sha256');
  return {
    update(chunk) {
      hash.update(chunk);
    },
    digest() {
      return `sha256:${hash.digest('hex')}`;
    },
  };
};
