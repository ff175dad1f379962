import type { DirNode } from '../fs';
import { underPattern, type CachePath } from './cache-paths';
import { childOf, dirStats, joinPath } from './file-entry';
import { finalTree, type AnalysisImage, type TreeCache } from './load-image';

/** A cache directory the final image still holds, and which layers filled it. */
export interface CacheFinding {
  /** CACHE_PATHS id (`apt-lists`). */
  id: string;
  label: string;
  /** The directory found (a `*` in the table resolved: `/home/app/.cache/pip`). */
  dir: string;
  bytes: number;
  files: number;
  /** Layers (0-based) that wrote files there, with the bytes each wrote. */
  writtenBy: { layer: number; bytes: number }[];
  fix: string;
}

/** Every cache directory of `table` present in the image with at least one byte in it, largest first. */
export function cacheLeftBehind(image: AnalysisImage, cache: TreeCache, table: readonly CachePath[]): CacheFinding[] {
  const tree = finalTree(image, cache);
  const findings: CacheFinding[] = [];
  const seen = new Set<string>();
  for (const rule of table) {
    for (const dir of expandPattern(tree, rule.dir)) {
      if (seen.has(dir.path)) continue;
      seen.add(dir.path);
      const { bytes, files } = dirStats(dir.node);
      if (bytes === 0) continue;
      findings.push({ id: rule.id, label: rule.label, dir: dir.path, bytes, files, writtenBy: writers(image, dir.path), fix: rule.fix });
    }
  }
  return findings.sort((a, b) => b.bytes - a.bytes || (a.dir < b.dir ? -1 : 1));
}

/** Directories of the tree matching a pattern whose `*` stands for one component. */
function expandPattern(tree: DirNode, pattern: string): { path: string; node: DirNode }[] {
  let found: { path: string; node: DirNode }[] = [{ path: '/', node: tree }];
  for (const part of pattern.split('/').filter((p) => p !== '')) {
    const next: { path: string; node: DirNode }[] = [];
    for (const { path, node } of found) {
      if (part === '*') {
        for (const child of node.children) if (child.node.kind === 'dir') next.push({ path: joinPath(path, child.name), node: child.node });
        continue;
      }
      const child = childOf(node, part);
      if (child?.kind === 'dir') next.push({ path: joinPath(path, part), node: child });
    }
    found = next;
  }
  return found;
}

function writers(image: AnalysisImage, dir: string): { layer: number; bytes: number }[] {
  const out: { layer: number; bytes: number }[] = [];
  for (const [layer, record] of image.layers.entries()) {
    let bytes = 0;
    for (const entry of record.changeSet.entries) {
      if (entry.kind === 'file' && underPattern(`/${entry.path}`, dir)) bytes += entry.content.kind === 'bytes' ? entry.content.bytes.length : entry.content.size;
    }
    if (bytes > 0) out.push({ layer, bytes });
  }
  return out;
}
