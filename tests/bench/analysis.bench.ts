/**
 * Analysis benchmark (issue 6, "Views"): the layer view's file tree and dive's efficiency over
 * interview question 2's "before" image (content/examples/interview-2-before, ≈ 800 MB), then over
 * a synthetic image with 100k files in one layer (what a real image of that size holds), where a
 * later layer rewrites 10k of them and deletes a directory of 10k. Cold = first call on a fresh
 * explorer (indexes and trees built); warm = the next call; each figure is a median of 5. Run: npm run -s bench -- analysis
 */
import { nodeSha256 } from '@/lib/cli/node-io';
import {
  analyzeImage,
  build,
  computeEfficiency,
  createFileExplorer,
  createHub,
  createHubImageSource,
  createMemoryContext,
  createMemoryStore,
  HUB_FILES,
  loadAnalysisImage,
  type AnalysisImage,
  type Store,
} from '@/lib/engine';
import { syntheticContent, type ChangeEntry } from '@/lib/engine/fs';
import type { Digest } from '@/lib/util';
import { loadExample } from '../helpers/examples';

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

function largestLayer(image: AnalysisImage): number {
  let best = 0;
  for (const layer of image.layers) if (layer.changeSet.entries.length > (image.layers[best]?.changeSet.entries.length ?? 0)) best = layer.index;
  return best;
}

/** Median of `runs` timings of `fn` (each run on fresh state: `fn` builds its own explorer). */
function median(runs: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(time(fn).ms);
  return times.sort((x, y) => x - y)[Math.floor(runs / 2)] ?? Number.NaN;
}

async function report(title: string, store: Store, name: string): Promise<void> {
  const image = await loadAnalysisImage(store, name);
  const big = largestLayer(image);
  const entries = image.layers.reduce((n, l) => n + l.changeSet.entries.length, 0);
  console.log(`${title}: ${(image.size / 1e6).toFixed(0)} MB, ${image.layers.length} layers, ${entries} change-set entries (largest: layer ${big + 1}, ${image.layers[big]?.changeSet.entries.length}); medians of 5`);
  const line = (what: string, ms: number) => console.log(`  ${what.padEnd(48)} ${ms.toFixed(1).padStart(8)} ms`);
  const warm = createFileExplorer(image);
  line(`layer ${big + 1}: list / (cold: index + lower tree)`, median(5, () => createFileExplorer(image).listLayer(big)));
  warm.listLayer(big);
  line(`layer ${big + 1}: list / (warm)`, median(5, () => warm.listLayer(big)));
  const widest = [...warm.walkLayer(big)].filter((e) => e.kind === 'dir').sort((a, b) => (b.children ?? 0) - (a.children ?? 0))[0];
  if (widest !== undefined) line(`layer ${big + 1}: list ${widest.path} (${widest.children} rows, page of 200)`, median(5, () => warm.listLayer(big, widest.path, { limit: 200 })));
  line(`layer ${big + 1}: walk every row (export, warm)`, median(5, () => [...warm.walkLayer(big)].length));
  line('image view: list / (cold: final tree + writers)', median(5, () => createFileExplorer(image).listImage('/')));
  warm.listImage('/');
  line('image view: list / (warm)', median(5, () => warm.listImage('/')));
  line('efficiency + wasted + caches (cold trees)', median(5, () => computeEfficiency(image)));
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push((await timeAsync(() => analyzeImage(store, name, { sha256: nodeSha256 }))).ms);
  line('analyzeImage (stack, chainIDs, efficiency)', times.sort((x, y) => x - y)[2] ?? Number.NaN);
}

/** 100k files under 1000 directories in one layer, then a layer rewriting 10k and deleting /srv/data (10k). */
export async function syntheticStore(): Promise<Store> {
  const store = createMemoryStore();
  const attrs = { mode: 0o644, uid: 0, gid: 0 };
  const base: ChangeEntry[] = [];
  for (let d = 0; d < 1000; d++) {
    const dir = d < 100 ? `srv/data/d${String(d).padStart(4, '0')}` : `usr/lib/pkg${String(d).padStart(4, '0')}`;
    base.push({ kind: 'dir', path: dir, ...attrs, mode: 0o755 });
    for (let f = 0; f < 100; f++) base.push({ kind: 'file', path: `${dir}/f${String(f).padStart(3, '0')}.so`, ...attrs, content: syntheticContent(8000 + ((d * 100 + f) % 997), `${d}/${f}`) });
  }
  const next: ChangeEntry[] = [{ kind: 'whiteout', path: 'srv/data' }];
  for (let d = 100; d < 200; d++) {
    for (let f = 0; f < 100; f++) next.push({ kind: 'file', path: `usr/lib/pkg${String(d).padStart(4, '0')}/f${String(f).padStart(3, '0')}.so`, ...attrs, content: syntheticContent(9000, `v2/${d}/${f}`) });
  }
  const sorted = (entries: ChangeEntry[]) => ({ entries: [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.kind === 'whiteout' ? -1 : 1)) });
  const layers = [sorted(base), sorted(next)];
  const ids = layers.map((_, i) => `sha256:${String(i + 1).repeat(64)}` as Digest);
  const size = (i: number) => (layers[i]?.entries ?? []).reduce((n, e) => n + (e.kind === 'file' && e.content.kind === 'synthetic' ? e.content.size : 0), 0);
  const config = { architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: ids }, history: ids.map((_, i) => ({ created_by: `RUN /bin/sh -c step${i} # buildkit` })) };
  const imageId = `sha256:${'f'.repeat(64)}` as Digest;
  await store.write(async (tx) => {
    for (const [i, id] of ids.entries()) await tx.put('layers', id, { diffId: id, size: size(i), parentChainId: null, recipe: layers[i] as { entries: ChangeEntry[] } });
    await tx.put('blobs', imageId, new TextEncoder().encode(JSON.stringify(config)));
    await tx.put('images', imageId, { id: imageId, configDigest: imageId, manifests: {}, diffIds: ids, created: '2024-05-01T10:00:00Z', size: size(0) + size(1) });
    await tx.put('refs', 'docker.io/library/synthetic:latest', { imageId });
  });
  return store;
}

export async function runAnalysisBench(): Promise<void> {
  const example = loadExample('interview-2-before');
  const store = createMemoryStore();
  const imageSource = createHubImageSource(createHub({ files: HUB_FILES }), nodeSha256);
  await build({ dockerfile: example.dockerfile, context: createMemoryContext(example.files), tags: ['q2:before'] }, { store, sha256: nodeSha256, imageSource });
  await report('analysis: interview-2-before', store, 'q2:before');
  await report('analysis: synthetic 100k-file layer', await syntheticStore(), 'synthetic');
}
