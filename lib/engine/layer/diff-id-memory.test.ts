import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type Sha256Factory } from '@/lib/util';
import { createTree, diffTrees, editTree, syntheticContent } from '../fs';
import { hashLayer } from './diff-id';

/** Node's hasher (lib/engine may not import lib/cli, where `nodeSha256` lives). */
const testSha256: Sha256Factory = () => {
  const hash = createHash('sha256');
  return { update: (chunk) => void hash.update(chunk), digest: () => `sha256:${hash.digest('hex')}` };
};

describe('diffID streaming', () => {
  it('hashes a 512 MiB synthetic file with bounded memory', async () => {
    const size = 512 * 1024 * 1024;
    const tree = editTree(createTree(), (d) => d.writeFile('/opt/blob.bin', syntheticContent(size, 'blob'), {}, true));
    const cs = diffTrees(createTree(), tree);
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const { tarSize } = await hashLayer(cs, testSha256);
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(tarSize).toBeGreaterThan(size);
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  });
});
