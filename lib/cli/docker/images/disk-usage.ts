import type { ReadTx } from '@/lib/engine';
import type { Digest } from '@/lib/util';
import { containerCounts, readContainers, readImages, type ContainerEntry, type ImageEntry } from './image-data';

/**
 * The daemon's `/system/df` (moby `daemon/disk_usage.go` + graphdriver image service): images
 * with shared and unique sizes, containers with their writable-layer sizes, build cache records,
 * and the totals the summary table derives from them (docker/cli `formatter/disk_usage.go`).
 * Layers are counted once per chain (the same diffIDs from the base), as the layer store does.
 */
export interface ImageUsage {
  readonly entry: ImageEntry;
  readonly sharedSize: number;
  readonly containers: number;
}

export interface BuildCacheUsage {
  readonly id: string;
  readonly size: number;
  readonly shared: boolean;
  readonly created: string;
  readonly lastUsed: string;
  readonly usageCount: number;
}

export interface DiskUsage {
  readonly images: ImageUsage[];
  /** Sum of every stored layer chain's size, each counted once. */
  readonly layersSize: number;
  readonly containers: ContainerEntry[];
  readonly buildCache: BuildCacheUsage[];
}

/**
 * Layer sizes by diffID, per store: a diffID names one content forever, so its size never
 * changes, and a terminal's repeated `docker system df` need not read every layer recipe again.
 */
const sizeCache = new WeakMap<object, Map<string, number>>();

async function layerSizesOf(tx: ReadTx, diffIds: Iterable<string>, cache: Map<string, number>): Promise<Map<string, number>> {
  for (const diffId of diffIds) {
    if (cache.has(diffId)) continue;
    const layer = await tx.get('layers', diffId);
    if (layer !== undefined) cache.set(diffId, layer.size);
  }
  return cache;
}

export async function readDiskUsage(tx: ReadTx, store?: object, now?: number): Promise<DiskUsage> {
  const [entries, containers, cache] = await Promise.all([readImages(tx), readContainers(tx, now), tx.list('buildCache')]);
  let known = store === undefined ? undefined : sizeCache.get(store);
  if (known === undefined) {
    known = new Map();
    if (store !== undefined) sizeCache.set(store, known);
  }
  const wanted = new Set<string>(entries.flatMap((e) => e.record.diffIds));
  for (const [, record] of cache) if (record.result.diffId != null) wanted.add(record.result.diffId);
  const layerSizes = await layerSizesOf(tx, wanted, known);
  // Chains as integers: chain(i) = (chain(i-1), diffId(i)); refs count the images on each.
  const chainIndex = new Map<string, number>();
  const chainSize: number[] = [];
  const chainRefs: number[] = [];
  const chainsOf = entries.map((entry) => {
    const chains: number[] = [];
    let parent = -1;
    for (const diffId of entry.record.diffIds) {
      const key = `${parent} ${diffId}`;
      let index = chainIndex.get(key);
      if (index === undefined) {
        index = chainSize.length;
        chainIndex.set(key, index);
        chainSize.push(layerSizes.get(diffId) ?? 0);
        chainRefs.push(0);
      }
      chains.push(index);
      parent = index;
    }
    for (const c of new Set(chains)) chainRefs[c] = (chainRefs[c] as number) + 1;
    return chains;
  });
  const counts = containerCounts(containers);
  const images = entries.map((entry, i) => ({
    entry,
    sharedSize: (chainsOf[i] as number[]).reduce((n, c) => n + ((chainRefs[c] as number) > 1 ? (chainSize[c] as number) : 0), 0),
    containers: counts.get(entry.id) ?? 0,
  }));
  const layersSize = chainSize.reduce((n, s) => n + s, 0);
  const imageLayers = new Set(entries.flatMap((e) => e.record.diffIds));
  const byLayer = new Map<Digest, BuildCacheUsage>();
  for (const [, record] of cache) {
    const diffId = record.result.diffId;
    if (diffId == null) continue;
    const previous = byLayer.get(diffId);
    const usageCount = (previous?.usageCount ?? 0) + 1;
    const lastUsed = previous !== undefined && previous.lastUsed > record.lastUsed ? previous.lastUsed : record.lastUsed;
    const created = previous !== undefined && previous.created < record.created ? previous.created : record.created;
    byLayer.set(diffId, { id: cacheId(diffId), size: layerSizes.get(diffId) ?? 0, shared: imageLayers.has(diffId), created, lastUsed, usageCount });
  }
  return { images, layersSize, containers, buildCache: [...byLayer.values()] };
}

/** BuildKit names records with 25 base-36 characters; ours derive from the layer's diffID. */
function cacheId(diffId: string): string {
  const hex = diffId.slice('sha256:'.length);
  let out = '';
  for (let i = 0; i < 25; i++) out += (parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 36).toString(36);
  return out;
}

/** A container counts as active (not reclaimable) while it runs (`Running` is set for paused ones too). */
export const isActiveContainer = (c: ContainerEntry): boolean => c.status === 'running' || c.status === 'paused' || c.status === 'restarting';

export interface UsageRow {
  readonly Active: string;
  readonly Reclaimable: string;
  readonly Size: string;
  readonly TotalCount: string;
  readonly Type: string;
}

/** The four summary rows of `docker system df`. */
export function summaryRows(du: DiskUsage, human: (n: number) => string): UsageRow[] {
  const percent = (reclaimable: number, total: number) => (total > 0 ? `${human(reclaimable)} (${Math.trunc((reclaimable * 100) / total)}%)` : human(reclaimable));
  const activeImages = du.images.filter((i) => i.containers > 0);
  const used = activeImages.reduce((n, i) => n + i.entry.record.size - i.sharedSize, 0);
  const containerSize = du.containers.reduce((n, c) => n + c.sizeRw, 0);
  const containerReclaimable = du.containers.filter((c) => !isActiveContainer(c)).reduce((n, c) => n + c.sizeRw, 0);
  const cacheSize = du.buildCache.filter((b) => !b.shared).reduce((n, b) => n + b.size, 0);
  return [
    { Active: String(activeImages.length), Reclaimable: percent(Math.max(du.layersSize - used, 0), du.layersSize), Size: human(du.layersSize), TotalCount: String(du.images.length), Type: 'Images' },
    { Active: String(du.containers.filter(isActiveContainer).length), Reclaimable: percent(containerReclaimable, containerSize), Size: human(containerSize), TotalCount: String(du.containers.length), Type: 'Containers' },
    { Active: '0', Reclaimable: human(0), Size: human(0), TotalCount: '0', Type: 'Local Volumes' },
    { Active: '0', Reclaimable: human(cacheSize), Size: human(cacheSize), TotalCount: String(du.buildCache.length), Type: 'Build Cache' },
  ];
}
