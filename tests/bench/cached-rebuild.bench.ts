/**
 * Cached rebuild benchmark (issue 3, "Speed"): a 20-step Dockerfile built once, then rebuilt with
 * every step a cache hit, in Node with node:crypto's sha256 over a memory store. Goal: median
 * under 20 ms. Run: npm run -s bench -- cached-rebuild
 */
import { nodeSha256 } from '@/lib/cli/node-io';
import { build, createMemoryContext } from '@/lib/engine/build';
import { createMemoryStore } from '@/lib/engine/store';

const DOCKERFILE = `FROM scratch
COPY rootfs/ /
ENV APP_HOME=/app
WORKDIR /app
ARG VERSION=1.0
LABEL version=$VERSION
COPY requirements.txt .
RUN mkdir -p /app/cache && echo deps > /app/cache/deps.txt
COPY config/ ./config/
RUN echo configured > /app/configured
COPY src/ ./src/
RUN echo built > /app/built
USER app
WORKDIR /app/src
COPY static/ /app/static/
RUN echo ok > /tmp/ok
EXPOSE 8080
ENV MODE=production
HEALTHCHECK CMD ["true"]
CMD ["python", "main.py"]
`;

function contextFiles(): Record<string, string | { data: string; mode: number }> {
  const files: Record<string, string | { data: string; mode: number }> = {
    'rootfs/bin/sh': { data: 'ELF', mode: 0o755 },
    'rootfs/bin/mkdir': { data: 'ELF', mode: 0o755 },
    'rootfs/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n',
    'rootfs/etc/group': 'root:x:0:\napp:x:1000:\n',
    'rootfs/tmp/.keep': '',
    'requirements.txt': 'flask==3.0.0\n',
  };
  for (let i = 0; i < 50; i++) files[`src/module_${i}.py`] = `print(${i})\n`.repeat(20);
  for (let i = 0; i < 10; i++) files[`config/c${i}.yaml`] = `key: ${i}\n`;
  for (let i = 0; i < 20; i++) files[`static/asset-${i}.css`] = `.c${i} { color: red }\n`.repeat(10);
  return files;
}

export async function runCachedRebuildBench(): Promise<void> {
  const store = createMemoryStore();
  const context = createMemoryContext(contextFiles());
  const request = { dockerfile: DOCKERFILE, context, tags: ['bench:latest'] };
  const io = { store, sha256: nodeSha256 };
  const first = await build(request, io);
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const start = performance.now();
    const again = await build(request, io);
    times.push(performance.now() - start);
    if (again.imageId !== first.imageId || !again.steps.every((s) => s.cached)) throw new Error('rebuild was not fully cached');
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
  console.log('cached-rebuild: fully cached rebuild of a 20-step Dockerfile (memory store, node:crypto)');
  console.log(`  steps ${first.steps.length}, layers ${first.layers.length}`);
  console.log(`  median ${median.toFixed(2)} ms (goal < 20 ms)`);
}
