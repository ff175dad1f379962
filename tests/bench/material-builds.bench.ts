/**
 * Material builds benchmark (issue 4, "Speed"): interview question 2's "2 GB" Dockerfile
 * (content/examples/interview-2-before) built in Node with node:crypto's sha256 over a memory
 * store — cold (hub layers and every RUN layer hashed), again with `--no-cache` in the same
 * process (goal < 150 ms: diffIDs memoized), and as a cached rebuild (goal < 20 ms). Each is also
 * printed as a ratio to the time createHash('sha256') takes to hash the image's bytes once, the
 * floor for building it without memoization. Run: npm run -s bench -- material-builds
 */
import { createHash } from 'node:crypto';
import { nodeSha256 } from '@/lib/cli/node-io';
import { build, createHub, createHubImageSource, createMemoryContext, createMemoryStore, HUB_FILES, type BuildResult } from '@/lib/engine';
import { loadExample } from '../helpers/examples';

const EXAMPLE = 'interview-2-before';

async function timed(run: () => Promise<BuildResult>): Promise<{ ms: number; result: BuildResult }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

/** Wall time of hashing `total` bytes once with node:crypto (fed in 1 MiB chunks, like a tar stream). */
function hashFloorMs(total: number): number {
  const chunk = new Uint8Array(1 << 20).map((_, i) => (i * 2654435761) >>> 24);
  const hash = createHash('sha256');
  const start = performance.now();
  let left = total;
  while (left > 0) {
    const n = Math.min(left, chunk.length);
    hash.update(n === chunk.length ? chunk : chunk.subarray(0, n));
    left -= n;
  }
  hash.digest();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function runMaterialBuildsBench(): Promise<void> {
  const example = loadExample(EXAMPLE);
  const hub = createHub({ files: HUB_FILES });
  const imageSource = createHubImageSource(hub, nodeSha256);
  const store = createMemoryStore();
  const request = (noCache: boolean) => ({ dockerfile: example.dockerfile, context: createMemoryContext(example.files), tags: ['q2:before'], noCache });
  const io = { store, sha256: nodeSha256, imageSource };

  const cold = await timed(() => build(request(false), io));
  const noCacheRuns: number[] = [];
  for (let i = 0; i < 5; i++) noCacheRuns.push((await timed(() => build(request(true), io))).ms);
  const cachedRuns: number[] = [];
  let cached: BuildResult | undefined;
  for (let i = 0; i < 20; i++) {
    const run = await timed(() => build(request(false), io));
    cachedRuns.push(run.ms);
    cached = run.result;
  }
  const floor = hashFloorMs(cold.result.size);

  const noCache = median(noCacheRuns);
  const rebuild = median(cachedRuns);
  const line = (name: string, ms: number, goal: number) =>
    `  ${name.padEnd(22)} ${ms.toFixed(1).padStart(9)} ms  (goal < ${goal} ms)  ${(ms / floor).toFixed(3)}× the hash floor`;
  console.log(`material-builds: ${EXAMPLE} (interview Q2's "2 GB" Dockerfile): ${(cold.result.size / 1e6).toFixed(0)} MB in ${cold.result.layers.length} layers`);
  console.log(`  hash floor: createHash('sha256') over ${(cold.result.size / 1e6).toFixed(0)} MB once: ${floor.toFixed(1)} ms`);
  console.log(line('cold build', cold.ms, 1500));
  console.log(line('--no-cache (median 5)', noCache, 150));
  console.log(line('cached (median 20)', rebuild, 20));
  console.log(`  cached rebuild: ${cached?.steps.filter((s) => s.cached).length ?? 0}/${cached?.steps.length ?? 0} steps cached, same image ${cached?.imageId === cold.result.imageId}`);
}
