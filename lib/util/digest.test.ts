import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { isDigest, sha256Of, shortId, wasmSha256, type Sha256Factory } from './digest';

// lib/util may not import lib/cli (DESIGN.md §2), so the Node adapter is restated here.
const nodeSha256: Sha256Factory = () => {
  const hash = createHash('sha256');
  return { update: (chunk) => void hash.update(chunk), digest: () => `sha256:${hash.digest('hex')}` };
};

const ABC = 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('digest', () => {
  it('hashes with the WASM and the Node hasher alike', async () => {
    expect(await sha256Of('abc')).toBe(ABC);
    expect(await sha256Of('abc', nodeSha256)).toBe(ABC);
    const big = new Uint8Array(3_000_000).map((_, i) => i * 7);
    expect(await sha256Of(big, wasmSha256)).toBe(await sha256Of(big, nodeSha256));
  });

  it('streams in chunks', async () => {
    const hasher = await wasmSha256();
    hasher.update(new TextEncoder().encode('a'));
    hasher.update(new TextEncoder().encode('bc'));
    expect(hasher.digest()).toBe(ABC);
  });

  it('recognises digests and shortens IDs', () => {
    expect(isDigest(ABC)).toBe(true);
    expect(isDigest('sha256:ABC')).toBe(false);
    expect(isDigest(`sha512:${'0'.repeat(64)}`)).toBe(false);
    expect(isDigest(`${ABC}0`)).toBe(false);
    expect(shortId(ABC)).toBe('ba7816bf8f01');
  });
});
