import { lookup, type ChangeEntry, type DirNode, type FsNode } from '../fs';
import { CACHE_PATHS, cacheOf, type CachePath } from './cache-paths';
import { dirStats } from './file-entry';
import { createTreeCache, treeAfter, type AnalysisImage, type TreeCache } from './load-image';
import { BOTH, DIVE_ONLY, MAIN_ONLY, PathLedger, type LedgerFigures, type Occurrence } from './path-ledger';
import { cacheLeftBehind, type CacheFinding } from './cache-findings';

/**
 * Efficiency and wasted bytes, as dive computes them, with the reason for each wasted path.
 *
 * Two ledgers are kept. `dive` follows dive to the letter: a whiteout of a directory counts once,
 * at the directory, with the size of everything under it — so `RUN rm -rf /dir` in a later layer
 * leaves dive's score untouched (a quirk of dive). The main figures count such a deletion per
 * file, as a whiteout of each file it hides (and an opaque directory as a deletion of each lower
 * file it hides, which dive ignores): a file added and deleted later is wasted whole, whichever
 * way it was deleted. Everything else is identical. CI rules judge the main figures.
 */

export type WasteReason =
  /** The path's last occurrence deletes it: every copy before is shipped for nothing. */
  | { kind: 'deleted'; writtenIn: number[]; deletedIn: number }
  /** A later layer wrote the path again: the copies before the final one are shipped for nothing. */
  | { kind: 'overwritten'; writtenIn: number[]; deletedIn: number[]; finalLayer: number };

export interface WastedPath {
  path: string;
  /** Layers holding the path (dive's "Count"). */
  count: number;
  /** dive's "Wasted Space": the path's bytes summed over every layer that holds it. */
  cumulativeBytes: number;
  /** Bytes of the copy in the final image (0 when deleted). */
  finalBytes: number;
  /** What a better Dockerfile would save: cumulative − final. */
  reclaimableBytes: number;
  reason: WasteReason;
  /** The cache directory the path lies in, if any (see CACHE_PATHS). */
  cache?: string;
}

/** Reclaimable bytes per cause: "layer 4 deleted 19.9 MB that layer 2 added". */
export interface WasteCause {
  kind: 'deleted' | 'overwritten';
  /** The layer that deleted or last overwrote the paths. */
  layer: number;
  paths: number;
  bytes: number;
}

export interface EfficiencyFigures {
  /** Σmin / Σcumulative over every leaf path, 0..1. */
  efficiency: number;
  /** Σ cumulative bytes of the paths held by more than one layer. */
  wastedBytes: number;
  /** wastedBytes / userSizeBytes (0 when the image has no user bytes). */
  userWastedPercent: number;
  /** Paths held by more than one layer. */
  inefficientPaths: number;
}

export interface EfficiencyReport extends EfficiencyFigures {
  /** Sum of the layer sizes. */
  sizeBytes: number;
  /** dive's user bytes: every layer but the first (dive does not look at base images). */
  userSizeBytes: number;
  /** Paths held by more than one layer, most cumulative bytes first (capped by `limit`). */
  wasted: WastedPath[];
  causes: WasteCause[];
  /** The same figures with dive's own whiteout weighting, to compare with `dive --ci`. */
  dive: EfficiencyFigures;
  /** Caches the final image still holds (not counted in wastedBytes: dive does not see them). */
  cacheLeftBehind: CacheFinding[];
  cacheBytes: number;
}

export interface EfficiencyOptions {
  cache?: TreeCache;
  /** Keep at most this many wasted paths (default: all). The figures always count every path. */
  limit?: number;
  cachePaths?: readonly CachePath[];
}

export function computeEfficiency(image: AnalysisImage, options: EfficiencyOptions = {}): EfficiencyReport {
  const cache = options.cache ?? createTreeCache();
  const ledger = new PathLedger();
  for (const [layer, record] of image.layers.entries()) addLayer(image, layer, record.changeSet.entries, ledger, cache);

  const sizeBytes = image.layers.reduce((n, l) => n + l.size, 0);
  const userSizeBytes = image.layers.slice(1).reduce((n, l) => n + l.size, 0);
  const figures = ({ score, wastedBytes, repeated }: LedgerFigures): EfficiencyFigures => ({
    efficiency: score,
    wastedBytes,
    userWastedPercent: userSizeBytes === 0 ? 0 : wastedBytes / userSizeBytes,
    inefficientPaths: repeated,
  });
  const table = options.cachePaths ?? CACHE_PATHS;
  const wasted = [...ledger.repeatedPaths()].map((r) => wastedPath(r.path, r.cumulative, r.occurrences, table));
  wasted.sort((a, b) => b.cumulativeBytes - a.cumulativeBytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const findings = cacheLeftBehind(image, cache, table);
  return {
    ...figures(ledger.figures('main')),
    sizeBytes,
    userSizeBytes,
    wasted: options.limit === undefined ? wasted : wasted.slice(0, options.limit),
    causes: causesOf(wasted),
    dive: figures(ledger.figures('dive')),
    cacheLeftBehind: findings,
    cacheBytes: findings.reduce((n, f) => n + f.bytes, 0),
  };
}

function addLayer(image: AnalysisImage, layer: number, entries: readonly ChangeEntry[], ledger: PathLedger, cache: TreeCache): void {
  // dive visits leaves only: a path with something under it in this layer is not one.
  const parents = new Set<string>();
  let deletes = false;
  for (const entry of entries) {
    if (entry.kind === 'opaque') {
      deletes = true;
      continue;
    }
    if (entry.kind === 'whiteout') deletes = true;
    for (let slash = entry.path.lastIndexOf('/'); slash > 0; slash = entry.path.lastIndexOf('/', slash - 1)) {
      const parent = entry.path.slice(0, slash);
      if (parents.has(parent)) break;
      parents.add(parent);
    }
  }
  // Paths the layer writes itself: a deletion it also rewrites counts as the write.
  const written = deletes ? new Set(entries.filter((e) => e.kind !== 'whiteout' && e.kind !== 'opaque').map((e) => `/${e.path}`)) : null;
  const lower = deletes ? treeAfter(image, layer - 1, cache) : null;
  for (const entry of entries) {
    const path = `/${entry.path}`;
    if (entry.kind === 'opaque') {
      const dir = lowerNode(lower, path);
      if (dir?.kind === 'dir') for (const child of dir.children) deleteLeaves(ledger, layer, `${path === '/' ? '' : path}/${child.name}`, child.node, written);
      continue;
    }
    if (entry.kind === 'whiteout') {
      const below = lowerNode(lower, path);
      if (below?.kind !== 'dir') {
        // dive sees the `.wh.` entry even when the layer writes the path again; here the write counts.
        ledger.add(path, layer, 0, true, written?.has(path) === true ? DIVE_ONLY : BOTH);
        continue;
      }
      // dive: one leaf at the directory weighing all it held; here: each file it hides.
      ledger.add(path, layer, dirStats(below).bytes, true, DIVE_ONLY);
      deleteLeaves(ledger, layer, path, below, written);
      continue;
    }
    if (parents.has(entry.path)) continue;
    const size = entry.kind === 'file' ? (entry.content.kind === 'bytes' ? entry.content.bytes.length : entry.content.size) : 0;
    ledger.add(path, layer, size, false, BOTH);
  }
}

function lowerNode(tree: DirNode | null, path: string): FsNode | undefined {
  if (tree === null) return undefined;
  try {
    return lookup(tree, path, { follow: false });
  } catch {
    return undefined; // a parent that is not a directory below: nothing to delete
  }
}

/** A deletion of `node` at `path`: one size-0 occurrence per leaf it hides. */
function deleteLeaves(ledger: PathLedger, layer: number, path: string, node: FsNode, written: Set<string> | null): void {
  if (node.kind === 'dir' && node.children.length > 0) {
    for (const child of node.children) deleteLeaves(ledger, layer, `${path}/${child.name}`, child.node, written);
    return;
  }
  if (written?.has(path) !== true) ledger.add(path, layer, 0, true, MAIN_ONLY);
}

function wastedPath(path: string, cumulative: number, occurrences: readonly Occurrence[], table: readonly CachePath[]): WastedPath {
  const last = occurrences[occurrences.length - 1] as (typeof occurrences)[number];
  const writtenIn = occurrences.filter((o) => !o.deleted).map((o) => o.layer);
  const deletedIn = occurrences.filter((o) => o.deleted).map((o) => o.layer);
  const finalBytes = last.deleted ? 0 : last.size;
  const reason: WasteReason = last.deleted
    ? { kind: 'deleted', writtenIn, deletedIn: last.layer }
    : { kind: 'overwritten', writtenIn, deletedIn, finalLayer: last.layer };
  const cacheDir = cacheOf(path, table);
  return {
    path,
    count: occurrences.length,
    cumulativeBytes: cumulative,
    finalBytes,
    reclaimableBytes: cumulative - finalBytes,
    reason,
    ...(cacheDir !== undefined ? { cache: cacheDir.id } : {}),
  };
}

function causesOf(wasted: readonly WastedPath[]): WasteCause[] {
  const byKey = new Map<string, WasteCause>();
  for (const w of wasted) {
    if (w.reclaimableBytes === 0) continue;
    const layer = w.reason.kind === 'deleted' ? w.reason.deletedIn : w.reason.finalLayer;
    const key = `${w.reason.kind}:${layer}`;
    const cause = byKey.get(key) ?? { kind: w.reason.kind, layer, paths: 0, bytes: 0 };
    cause.paths += 1;
    cause.bytes += w.reclaimableBytes;
    byKey.set(key, cause);
  }
  return [...byKey.values()].sort((a, b) => b.bytes - a.bytes || a.layer - b.layer);
}
