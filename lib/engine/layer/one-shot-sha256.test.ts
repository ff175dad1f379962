import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Digest, Sha256Factory } from '@/lib/util';
import { createTree, diffTrees, editTree, syntheticContent } from '../fs';
import { createDiffIdMemo, hashLayer, type LayerDigest } from './diff-id';
import { webCryptoSha256, withOneShotSha256, type OneShotSha256 } from './one-shot-sha256';

const nodeSha256: Sha256Factory = () => {
  const hash = createHash('sha256');
  return { update: (chunk) => void hash.update(chunk), digest: () => `sha256:${hash.digest('hex')}` };
};

const layerOf = (bytes: number) =>
  diffTrees(
    createTree(),
    editTree(createTree(), (d) => {
      d.writeFile('/usr/lib/big.so', syntheticContent(bytes, 'big'), { mode: 0o755 }, true);
      d.writeFile('/etc/small.conf', syntheticContent(700, 'small'), {}, true);
    }),
  );

function spied(oneShot: OneShotSha256): { oneShot: OneShotSha256; calls: number[] } {
  const calls: number[] = [];
  return { calls, oneShot: { ...oneShot, digest: (bytes) => (calls.push(bytes.length), oneShot.digest(bytes)) } };
}

describe('one-shot layer hashing (WebCrypto)', () => {
  const web = webCryptoSha256(8 << 20) as OneShotSha256;

  it('gives the streamed diffID and tar size for a layer within its bounds', async () => {
    const layer = layerOf(3 << 20);
    const { oneShot, calls } = spied(web);
    const streamed = await hashLayer(layer, nodeSha256);
    expect(await hashLayer(layer, withOneShotSha256(nodeSha256, oneShot))).toEqual(streamed);
    expect(calls).toEqual([streamed.tarSize]);
  });

  it('streams layers above maxBytes and below minBytes', async () => {
    const { oneShot, calls } = spied(web);
    const factory = withOneShotSha256(nodeSha256, oneShot);
    const big = layerOf(9 << 20);
    const small = layerOf(100_000);
    expect(await hashLayer(big, factory)).toEqual(await hashLayer(big, nodeSha256));
    expect(await hashLayer(small, factory)).toEqual(await hashLayer(small, nodeSha256));
    expect(calls).toEqual([]);
  });

  it('stops with "context canceled" when the build is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(hashLayer(layerOf(3 << 20), withOneShotSha256(nodeSha256, web), { signal: controller.signal })).rejects.toThrow('context canceled');
  });
});

describe('a persisted diffID memo', () => {
  it('saves big layers, and a new memo over the same persistence loads instead of hashing', async () => {
    const saved = new Map<string, LayerDigest>();
    const persistence = { load: async (key: string) => saved.get(key), save: async (key: string, d: LayerDigest) => void saved.set(key, d) };
    let hashed = 0;
    const counting: Sha256Factory = () => {
      const inner = nodeSha256() as { update(c: Uint8Array): void; digest(): Digest };
      return { update: (c) => ((hashed += c.length), inner.update(c)), digest: () => inner.digest() };
    };
    const layer = layerOf(2 << 20);
    const first = await createDiffIdMemo(counting, { persistence }).hashLayer(layer);
    expect(saved.size).toBe(1);
    expect(hashed).toBeGreaterThan(2 << 20);
    hashed = 0;
    const reloaded = createDiffIdMemo(counting, { persistence });
    expect(await reloaded.hashLayer(layer)).toEqual(first);
    expect(reloaded.stats).toEqual({ hits: 0, misses: 1, loaded: 1 });
    expect(hashed).toBeLessThan(10_000);
    // Small layers are not worth a store write.
    await reloaded.hashLayer(layerOf(1000));
    expect(saved.size).toBe(1);
  });

  it('hashes when the persistence fails or holds garbage', async () => {
    const persistence = { load: async () => ({ diffId: 'nope', tarSize: 1 }) as unknown as LayerDigest, save: () => Promise.reject(new Error('quota')) };
    const layer = layerOf(2 << 20);
    expect(await createDiffIdMemo(nodeSha256, { persistence }).hashLayer(layer)).toEqual(await hashLayer(layer, nodeSha256));
  });
});
