import { wasmSha256, type Digest, type Sha256Factory } from '@/lib/util';
import type { HistoryEntry } from '../image';
import { chainIds } from '../layer';
import type { Store } from '../store';
import { findBaseChain, storeBaseCandidates, type BaseCandidate, type BaseImage } from './base-images';
import { instructionOf } from './instruction-text';
import { readAnalysisImage, type AnalysisImage } from './load-image';

/**
 * The layer stack view (issue 6 "Layer stack"): one entry per history entry, base first, empty
 * layers included and marked, each with its instruction, size, diffID and chainID, and whether it
 * came from a base image (grouped by that image). Plain data, ready for JSON.
 */

export interface StackEntry {
  /** Position in the config's history (0 = the oldest). */
  index: number;
  createdBy: string;
  /** The instruction as written (`RUN apt-get update`), builder decorations removed. */
  instruction: string;
  /** `RUN`, `COPY`, `CMD`…; '' when the history says nothing. */
  keyword: string;
  created?: string;
  comment?: string;
  /** A metadata-only step (ENV, CMD…): no layer. */
  emptyLayer: boolean;
  /** 0-based index into `rootfs.diff_ids`, null for an empty layer. */
  layer: number | null;
  diffId: Digest | null;
  chainId: Digest | null;
  /** Layer size in bytes (0 for an empty layer). */
  size: number;
  /** Index into `LayerStack.bases` of the base image this entry came from, null for the image's own steps. */
  base: number | null;
}

export interface StackBase extends BaseImage {
  /** Bytes of the layers this base adds on top of the bases below it. */
  size: number;
}

export interface LayerStack {
  imageId: Digest;
  tags: string[];
  entries: StackEntry[];
  /** Base images, outermost (the one the first FROM named) first. */
  bases: StackBase[];
  layerCount: number;
  /** The image's size (sum of its layers). */
  total: number;
  /** Bytes of the image's own layers (above every base). */
  ownSize: number;
  /** False when the history does not describe the layers (an image built by another tool): one entry per layer then. */
  historyMatches: boolean;
}

export interface LayerStackOptions {
  sha256?: Sha256Factory;
  /** Base images the store does not hold (e.g. the hub's), tried along with the store's. */
  extraBases?: readonly BaseCandidate[];
}

/** The stack of an image already loaded (see `loadAnalysisImage`); bases from the store's other images. */
export async function layerStackOf(store: Store, image: AnalysisImage, options: LayerStackOptions = {}): Promise<LayerStack> {
  const candidates = await store.read((tx) => storeBaseCandidates(tx, image));
  return buildLayerStack(image, findBaseChain(image, [...candidates, ...(options.extraBases ?? [])]), await chainIds(image.layers.map((l) => l.diffId), options.sha256 ?? wasmSha256));
}

/** The stack of `imageId` in the store. */
export async function layerStack(store: Store, imageId: Digest, options: LayerStackOptions = {}): Promise<LayerStack> {
  const image = await store.read((tx) => readAnalysisImage(tx, imageId));
  return layerStackOf(store, image, options);
}

export function buildLayerStack(image: AnalysisImage, chain: readonly BaseImage[], chains: readonly Digest[]): LayerStack {
  const history = image.config.history ?? [];
  const nonEmpty = history.filter((h) => h.empty_layer !== true).length;
  const historyMatches = history.length > 0 && nonEmpty === image.layers.length;
  const shell = image.config.config.Shell;
  const entries: StackEntry[] = [];
  const sourceEntries: readonly HistoryEntry[] = historyMatches ? history : image.layers.map(() => ({}));
  let layer = 0;
  for (const [index, entry] of sourceEntries.entries()) {
    const empty = historyMatches && entry.empty_layer === true;
    const at = empty ? null : layer++;
    const record = at === null ? undefined : image.layers[at];
    const { keyword, text } = instructionOf(entry.created_by, shell);
    const limit = (b: BaseImage) => (historyMatches ? b.historyCount : b.layerCount);
    const base = chain.findIndex((b) => index < limit(b));
    entries.push({
      index,
      createdBy: entry.created_by ?? '',
      instruction: text,
      keyword,
      ...(entry.created !== undefined ? { created: entry.created } : {}),
      ...(entry.comment !== undefined ? { comment: entry.comment } : {}),
      emptyLayer: empty,
      layer: at,
      diffId: record?.diffId ?? null,
      chainId: at === null ? null : (chains[at] ?? null),
      size: record?.size ?? 0,
      base: base < 0 ? null : base,
    });
  }
  const bases = chain.map((b, i) => ({ ...b, size: entries.filter((e) => e.base === i).reduce((n, e) => n + e.size, 0) }));
  const total = image.layers.reduce((n, l) => n + l.size, 0);
  return {
    imageId: image.id,
    tags: image.tags,
    entries,
    bases,
    layerCount: image.layers.length,
    total,
    ownSize: entries.filter((e) => e.base === null).reduce((n, e) => n + e.size, 0),
    historyMatches,
  };
}
