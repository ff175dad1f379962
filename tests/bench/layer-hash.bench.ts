/**
 * Layer hashing benchmark (issue 3, "Speed"): diffIdOf over a layer holding ~256 MiB of synthetic
 * content, against Node's crypto.createHash over the same tar bytes held in memory (the pure hash
 * cost) and over the same bytes generated in the run (what any hasher of synthetic content pays).
 * Goal: ours at least 0.8x. Then the peak RSS while diffing and hashing a 2 GB layer (goal
 * < 300 MB). Run: npm run -s bench -- layer-hash
 */
import { createHash } from 'node:crypto';
import { nodeSha256 } from '@/lib/cli/node-io';
import { contentSlices, createTree, diffTrees, editTree, syntheticContent, type ChangeSet, type FileContent } from '@/lib/engine/fs';
import { changeSetToTar, diffIdOf, hashLayer } from '@/lib/engine/layer';
import { wasmSha256 } from '@/lib/util';

const MiB = 1024 * 1024;

function layerOf(files: number, fileSize: number, prefix: string): ChangeSet {
  const tree = editTree(createTree(), (d) => {
    for (let i = 0; i < files; i++) d.writeFile(`/${prefix}/lib/file-${i}.so`, syntheticContent(fileSize, `${prefix}/${i}`), { mode: 0o755 }, true);
    for (let i = 0; i < 200; i++) d.writeFile(`/${prefix}/etc/conf-${i}`, syntheticContent(700 + i, `${prefix}/conf/${i}`), {}, true);
  });
  return diffTrees(createTree(), tree);
}

async function medianMs(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export async function runLayerHashBench(): Promise<void> {
  console.log('layer-hash: diffIdOf (Node sha256 injected) vs crypto.createHash');
  // Memory first, before the in-memory baseline below inflates the heap.
  const big = layerOf(500, 4 * 1000 * 1000, 'opt');
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  const start = performance.now();
  const { tarSize, diffId } = await hashLayer(big, nodeSha256);
  const ms = performance.now() - start;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`  2 GB layer (${(tarSize / 1e9).toFixed(2)} GB tar): ${ms.toFixed(0)} ms, peak RSS ${(peak / 1e6).toFixed(0)} MB (before ${(rssBefore / 1e6).toFixed(0)} MB; goal < 300 MB) ${diffId.slice(0, 19)}`);

  const cs = layerOf(64, 4 * MiB, 'usr');
  const chunks: Uint8Array[] = [];
  for await (const chunk of changeSetToTar(cs)) chunks.push(chunk);
  const tarBytes = chunks.reduce((n, c) => n + c.length, 0);
  const mbps = (ms: number): number => tarBytes / 1e6 / (ms / 1000);

  const ours = await medianMs(7, () => diffIdOf(cs, nodeSha256));
  const hashOnly = await medianMs(7, () => {
    const hash = createHash('sha256');
    for (const chunk of chunks) hash.update(chunk);
    return hash.digest('hex');
  });
  const generateAndHash = await medianMs(7, () => {
    const hash = createHash('sha256');
    for (const entry of cs.entries) {
      if (entry.kind !== 'file') continue;
      // A fresh copy per page: what a generator that owns its output pays.
      for (const slice of contentSlices(entry.content as FileContent)) hash.update(new Uint8Array(slice));
    }
    return hash.digest('hex');
  });
  console.log(`  diffIdOf over a ${(tarBytes / MiB).toFixed(0)} MiB layer tar (${cs.entries.length} entries), Node sha256`);
  console.log(`  ours (diffIdOf, streamed tar)          ${mbps(ours).toFixed(0).padStart(6)} MB/s  ${ours.toFixed(1)} ms`);
  console.log(`  createHash, bytes already in memory    ${mbps(hashOnly).toFixed(0).padStart(6)} MB/s  ratio ours/it ${(hashOnly / ours).toFixed(2)}x (goal >= 0.8x)`);
  const wasm = await medianMs(3, () => diffIdOf(cs, wasmSha256));
  console.log(`  ours with the browser's WASM hasher     ${mbps(wasm).toFixed(0).padStart(6)} MB/s`);
  console.log(`  createHash, fresh copies of the pages  ${mbps(generateAndHash).toFixed(0).padStart(6)} MB/s  ratio ours/it ${(generateAndHash / ours).toFixed(2)}x`);
}
