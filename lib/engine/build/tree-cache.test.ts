import { describe, expect, it } from 'vitest';
import { wasmSha256, type Digest } from '@/lib/util';
import { createTree } from '../fs';
import { hashText } from './cache-key';
import { createHarness, text } from './test-helpers';
import { createTreeCache, storeTreeCache } from './tree-cache';

const SH = { data: 'ELF', mode: 0o755 };
const digest = (n: number) => `sha256:${n.toString(16).padStart(64, '0')}` as Digest;

describe('tree cache', () => {
  it('drops the least recently used tree beyond its limit', () => {
    const cache = createTreeCache(2);
    const [a, b, c] = [createTree(), createTree(), createTree()];
    cache.set(digest(1), a);
    cache.set(digest(2), b);
    expect(cache.get(digest(1))).toBe(a);
    cache.set(digest(3), c);
    expect(cache.get(digest(2))).toBeUndefined();
    expect(cache.get(digest(1))).toBe(a);
    expect(cache.get(digest(3))).toBe(c);
  });

  it('holds the tree of a cached build under its chainID, equal to its layers applied from the empty root', async () => {
    const h = createHarness();
    const dockerfile = `FROM scratch AS base
COPY a.txt /a.txt
COPY sh /bin/sh
RUN echo one > /one.txt
FROM scratch
COPY --from=base /a.txt /copied.txt
COPY --from=base /bin/sh /bin/sh
RUN echo two > /two.txt
`;
    const files = { 'a.txt': 'A\n', sh: SH };
    const first = await h.run(dockerfile, files);
    const second = await h.run(dockerfile, files);
    const third = await h.run(dockerfile, files);
    expect(third.steps.every((s) => s.cached)).toBe(true);
    expect([second.imageId, third.imageId]).toEqual([first.imageId, first.imageId]);
    let chainId: Digest | null = null;
    for (const layer of third.layers) chainId = chainId === null ? layer.diffId : ((await hashText(`${chainId} ${layer.diffId}`, wasmSha256)) as Digest);
    const shared = storeTreeCache(h.store).get(chainId as Digest);
    expect(shared).toBeDefined();
    const tree = await h.tree(third.imageId);
    expect(shared).toEqual(tree);
    expect(text(tree, '/copied.txt')).toBe('A\n');
    expect(text(tree, '/two.txt')).toBe('two\n');
  });

  it('a step run on a miss does not enter the cache (its tree is not built from the layers)', async () => {
    const h = createHarness();
    const result = await h.run('FROM scratch\nCOPY sh /bin/sh\nRUN echo x > /x\n', { sh: SH });
    let chainId: Digest | null = null;
    for (const layer of result.layers) chainId = chainId === null ? layer.diffId : ((await hashText(`${chainId} ${layer.diffId}`, wasmSha256)) as Digest);
    expect(storeTreeCache(h.store).get(chainId as Digest)).toBeUndefined();
    await h.run('FROM scratch\nCOPY sh /bin/sh\nRUN echo x > /x\n', { sh: SH });
    expect(storeTreeCache(h.store).get(chainId as Digest)).toEqual(await h.tree(result.imageId));
  });
});
