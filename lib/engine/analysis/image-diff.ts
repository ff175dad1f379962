import type { Digest } from '@/lib/util';
import { compareNames, sameContent, type DirEntry, type DirNode, type FsNode } from '../fs';
import type { Store } from '../store';
import { dirStats, joinPath, nodeBytes, type FileEntryKind } from './file-entry';
import { createTreeCache, finalTree, loadAnalysisImage, type AnalysisImage, type TreeCache } from './load-image';
import { sizeSaving, type SizeSaving } from './size-saving';

/**
 * A side-by-side diff of two images (issue 6 "Multi-stage": single-stage vs multi-stage, before vs
 * after): their common base layers, and the paths added, removed and changed from `a` to `b`. A
 * directory only one side has is one row with its totals (not one row per file inside). Trees of
 * a shared base are the same objects (one TreeCache), so identical subtrees are skipped unvisited.
 */

export type PathChangeDetail = 'kind' | 'content' | 'mode' | 'owner' | 'target';

export interface PathDiff {
  path: string;
  change: 'added' | 'removed' | 'changed';
  /** The kind in `b` (in `a` for a removed path). */
  kind: FileEntryKind;
  /** Bytes in `a` and in `b` (a directory's total; 0 where absent). */
  sizeA: number;
  sizeB: number;
  /** Files inside an added or removed directory. */
  files?: number;
  /** What differs for a changed path. */
  details?: PathChangeDetail[];
}

export interface DiffSide {
  id: Digest;
  tags: string[];
  size: number;
  layers: number;
}

export interface ImageDiff {
  a: DiffSide;
  b: DiffSide;
  /** Layers both start with (the same base), and their bytes. */
  commonBaseLayers: number;
  commonBaseBytes: number;
  /** Layers of `b` that `a` also has, anywhere, and their bytes. */
  sharedLayers: number;
  sharedBytes: number;
  /** In tree order. */
  paths: PathDiff[];
  added: { paths: number; bytes: number };
  removed: { paths: number; bytes: number };
  changed: { paths: number; bytesA: number; bytesB: number };
  /** From `a` to `b`: what `b` saves (negative when it is larger). */
  saving: SizeSaving;
}

export async function diffImages(store: Store, a: string, b: string, cache: TreeCache = createTreeCache()): Promise<ImageDiff> {
  return diffAnalysisImages(await loadAnalysisImage(store, a), await loadAnalysisImage(store, b), cache);
}

export function diffAnalysisImages(a: AnalysisImage, b: AnalysisImage, cache: TreeCache = createTreeCache()): ImageDiff {
  let common = 0;
  while (common < a.layers.length && common < b.layers.length && a.layers[common]?.diffId === b.layers[common]?.diffId) common++;
  const inA = new Set(a.layers.map((l) => l.diffId));
  const shared = b.layers.filter((l) => inA.has(l.diffId));
  const paths: PathDiff[] = [];
  diffDirs(finalTree(a, cache), finalTree(b, cache), '/', paths);
  const sum = (change: PathDiff['change'], side: 'sizeA' | 'sizeB') => paths.filter((p) => p.change === change).reduce((n, p) => n + p[side], 0);
  const count = (change: PathDiff['change']) => paths.filter((p) => p.change === change).length;
  const side = (image: AnalysisImage): DiffSide => ({ id: image.id, tags: image.tags, size: image.size, layers: image.layers.length });
  return {
    a: side(a),
    b: side(b),
    commonBaseLayers: common,
    commonBaseBytes: a.layers.slice(0, common).reduce((n, l) => n + l.size, 0),
    sharedLayers: shared.length,
    sharedBytes: shared.reduce((n, l) => n + l.size, 0),
    paths,
    added: { paths: count('added'), bytes: sum('added', 'sizeB') },
    removed: { paths: count('removed'), bytes: sum('removed', 'sizeA') },
    changed: { paths: count('changed'), bytesA: sum('changed', 'sizeA'), bytesB: sum('changed', 'sizeB') },
    saving: sizeSaving(a.size, b.size),
  };
}

function diffDirs(a: DirNode, b: DirNode, dir: string, out: PathDiff[]): void {
  const left: readonly DirEntry[] = a.children;
  const right: readonly DirEntry[] = b.children;
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    const x = left[i];
    const y = right[j];
    const c = x === undefined ? 1 : y === undefined ? -1 : compareNames(x.name, y.name);
    if (c < 0) {
      const e = x as DirEntry;
      out.push(oneSided(joinPath(dir, e.name), e.node, 'removed'));
      i++;
    } else if (c > 0) {
      const e = y as DirEntry;
      out.push(oneSided(joinPath(dir, e.name), e.node, 'added'));
      j++;
    } else {
      const { name, node: na } = x as DirEntry;
      const nb = (y as DirEntry).node;
      i++;
      j++;
      if (na === nb) continue;
      const path = joinPath(dir, name);
      const details = differences(na, nb);
      if (details.length > 0) out.push({ path, change: 'changed', kind: nb.kind, sizeA: nodeBytes(na), sizeB: nodeBytes(nb), details });
      if (na.kind === 'dir' && nb.kind === 'dir') diffDirs(na, nb, path, out);
    }
  }
}

function oneSided(path: string, node: FsNode, change: 'added' | 'removed'): PathDiff {
  const size = nodeBytes(node);
  return {
    path,
    change,
    kind: node.kind,
    sizeA: change === 'removed' ? size : 0,
    sizeB: change === 'added' ? size : 0,
    ...(node.kind === 'dir' ? { files: dirStats(node).files } : {}),
  };
}

function differences(a: FsNode, b: FsNode): PathChangeDetail[] {
  if (a.kind !== b.kind) return ['kind'];
  const out: PathChangeDetail[] = [];
  if (a.kind === 'file' && b.kind === 'file' && !sameContent(a.content, b.content)) out.push('content');
  if ((a.kind === 'symlink' || a.kind === 'hardlink') && a.target !== (b as typeof a).target) out.push('target');
  if (a.mode !== b.mode) out.push('mode');
  if (a.uid !== b.uid || a.gid !== b.gid) out.push('owner');
  return out;
}
