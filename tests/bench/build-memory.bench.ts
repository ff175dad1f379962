/**
 * Memory benchmark (issue 3, "Speed"): build an image whose layers total about 2 GB — node:18
 * (1.09 GB) plus a COPY of python:3.9's /usr (about 0.9 GB) — and report the process's peak RSS
 * while it pulls, copies, hashes every layer and stores the image. Synthetic content is produced
 * on demand and streamed through the hasher, so memory should stay far below the image size.
 * Goal: peak RSS under 300 MB. Run: npm run -s bench -- build-memory
 */
import { nodeSha256 } from '@/lib/cli/node-io';
import { build, createHub, createHubImageSource, createMemoryContext, createMemoryStore, HUB_FILES } from '@/lib/engine';

const DOCKERFILE = `FROM node:18
COPY --from=python:3.9 /usr /opt/python-usr
RUN echo done > /done
`;

export async function runBuildMemoryBench(): Promise<void> {
  const hub = createHub({ files: HUB_FILES });
  const store = createMemoryStore();
  const io = { store, sha256: nodeSha256, imageSource: createHubImageSource(hub, nodeSha256) };
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const start = performance.now();
  const result = await build({ dockerfile: DOCKERFILE, context: createMemoryContext({}), tags: ['memory:latest'] }, io);
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
  console.log('build-memory: an image whose layers total about 2 GB (node:18 + COPY --from=python:3.9 /usr)');
  console.log(`  image size ${mb(result.size)} MB in ${result.layers.length} layers, built in ${seconds.toFixed(1)} s`);
  console.log(`  RSS before ${mb(before)} MB, peak ${mb(peak)} MB (goal < 300 MB)`);
}
