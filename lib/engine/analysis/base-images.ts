import { shortId, type Digest } from '@/lib/util';
import { repoTagsOf } from '../archive';
import { parseImageConfig, type HistoryEntry } from '../image';
import type { ReadTx } from '../store';
import type { AnalysisImage } from './load-image';

/**
 * Which images an image was built on. Docker records no FROM in an image, so the base is found
 * the way the layers themselves tell it: another image whose layers are a prefix of this one's
 * (and whose history is a prefix of its history, when both have one). The longest such prefix is
 * the image FROM resolved to; repeating the search on that prefix gives the base's own base, so
 * `app` on `mybase` on `ubuntu:20.04` groups as three. Base images a build pulls stay in the store
 * (`docker build` keeps them), which is what makes this work; callers may add candidates the
 * store lacks (e.g. the hub's images with known diffIDs).
 */

export interface BaseCandidate {
  /** What to call it: `ubuntu:20.04`, or the short ID of an untagged image. */
  name: string;
  imageId?: Digest;
  diffIds: readonly Digest[];
  /** Its history, when known: a base must also match there. */
  history?: readonly HistoryEntry[];
}

export interface BaseImage {
  name: string;
  imageId: Digest | null;
  /** How many of the image's layers (from the bottom) come from this base. */
  layerCount: number;
  /** How many of the image's history entries come from it (= layerCount when history is unknown). */
  historyCount: number;
}

/** Every other image of the store as a candidate (configs read only for prefix matches). */
export async function storeBaseCandidates(tx: ReadTx, image: AnalysisImage): Promise<BaseCandidate[]> {
  const out: BaseCandidate[] = [];
  for (const [id, record] of await tx.list('images')) {
    if (id === image.id || record.diffIds.length === 0 || !isPrefix(record.diffIds, image.layers.map((l) => l.diffId))) continue;
    const bytes = await tx.get('blobs', record.configDigest);
    const history = bytes === undefined ? undefined : parseImageConfig(bytes).history;
    const tags = await repoTagsOf(tx, id as Digest);
    out.push({ name: tags[0] ?? shortId(id), imageId: id as Digest, diffIds: record.diffIds, ...(history !== undefined ? { history } : {}) });
  }
  return out;
}

/** The chain of bases under `image`, outermost (the first FROM's image) first; empty for none. */
export function findBaseChain(image: AnalysisImage, candidates: readonly BaseCandidate[]): BaseImage[] {
  const diffIds = image.layers.map((l) => l.diffId);
  const history = image.config.history ?? [];
  const chain: BaseImage[] = [];
  let maxLayers = diffIds.length;
  let maxHistory = history.length > 0 ? history.length : Number.POSITIVE_INFINITY;
  for (;;) {
    let best: { candidate: BaseCandidate; historyCount: number } | null = null;
    for (const candidate of candidates) {
      const n = candidate.diffIds.length;
      if (n === 0 || n > maxLayers || !isPrefix(candidate.diffIds, diffIds)) continue;
      const historyCount = matchedHistory(candidate, history, n);
      if (historyCount === null) continue;
      // A base is strictly smaller: by history when known, else by layers.
      const smaller = history.length > 0 ? historyCount < maxHistory : n < maxLayers;
      if (!smaller) continue;
      if (best === null || n > best.candidate.diffIds.length || (n === best.candidate.diffIds.length && historyCount > best.historyCount)) {
        best = { candidate, historyCount };
      }
    }
    if (best === null) break;
    const n = best.candidate.diffIds.length;
    chain.unshift({ name: best.candidate.name, imageId: best.candidate.imageId ?? null, layerCount: n, historyCount: best.historyCount });
    maxLayers = n;
    maxHistory = best.historyCount;
  }
  return chain;
}

/**
 * How many history entries the candidate accounts for: all of its entries when they are a prefix
 * of the image's (same `created_by` and empty-layer marks), null when the histories disagree.
 * Without history on either side, its layer count.
 */
function matchedHistory(candidate: BaseCandidate, history: readonly HistoryEntry[], layers: number): number | null {
  const own = candidate.history;
  if (own === undefined || own.length === 0 || history.length === 0) return history.length === 0 ? layers : historyIndexAfterLayers(history, layers);
  if (own.length > history.length) return null;
  for (let i = 0; i < own.length; i++) {
    const a = own[i] as HistoryEntry;
    const b = history[i] as HistoryEntry;
    if ((a.created_by ?? '') !== (b.created_by ?? '') || (a.empty_layer === true) !== (b.empty_layer === true)) return null;
  }
  return own.length;
}

/** The number of history entries up to and including the one that made layer `layers - 1`. */
function historyIndexAfterLayers(history: readonly HistoryEntry[], layers: number): number {
  let seen = 0;
  for (let i = 0; i < history.length; i++) {
    if ((history[i] as HistoryEntry).empty_layer !== true) seen++;
    if (seen === layers) return i + 1;
  }
  return history.length;
}

function isPrefix(prefix: readonly string[], of: readonly string[]): boolean {
  if (prefix.length > of.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== of[i]) return false;
  return true;
}
