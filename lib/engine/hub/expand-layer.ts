import { formatApkInstalled, formatDpkgStatus } from './package-db';
import { mergePackages, type HubLayerRef } from './resolve-hub-image';
import { createRandom, fnv1a, splitBytes } from './seeded-random';

/** Content of a regular file: real text, or deterministic synthetic bytes of a given size. */
export type HubContent = { kind: 'text'; text: string } | { kind: 'synthetic'; size: number; seed: string };

/** A plain filesystem entry, ready for lib/engine/fs to put in a tree. */
export type HubFsEntry =
  | { type: 'dir'; path: string; mode: number; uid: number; gid: number }
  | { type: 'file'; path: string; mode: number; uid: number; gid: number; size: number; content: HubContent }
  | { type: 'symlink'; path: string; mode: number; uid: number; gid: number; target: string }
  | { type: 'hardlink'; path: string; mode: number; uid: number; gid: number; target: string };

/** Files per synthesized subdirectory of a bulk entry: real trees rarely hold thousands in one. */
const BULK_FILES_PER_DIR = 64;
const encoder = new TextEncoder();

/**
 * Expands a layer definition into its filesystem entries for one platform, in definition order,
 * with each missing parent directory emitted before its first child (a Docker layer tar carries
 * the parent directories of what it changes). Deterministic: seeds come from the layer's key, the
 * platform and the path, never from a clock or Math.random.
 */
export function expandHubLayer(layer: HubLayerRef, platform: string): HubFsEntry[] {
  const out: HubFsEntry[] = [];
  const seen = new Set<string>();
  const seedOf = (path: string): string => `${layer.key}|${platform}|${path}`;
  const add = (entry: HubFsEntry): void => {
    addParents(entry.path, seen, out);
    if (entry.type === 'dir' && seen.has(entry.path)) {
      // An explicit dir after an implied one: keep the explicit owner and mode.
      const index = out.findIndex((e) => e.path === entry.path);
      if (index >= 0) out[index] = entry;
      return;
    }
    seen.add(entry.path);
    out.push(entry);
  };
  for (const entry of layer.def.entries) {
    const uid = 'uid' in entry ? (entry.uid ?? 0) : 0;
    const gid = 'gid' in entry ? (entry.gid ?? 0) : 0;
    switch (entry.kind) {
      case 'dir':
        add({ type: 'dir', path: entry.path, mode: parseMode(entry.mode, 0o755), uid, gid });
        break;
      case 'file': {
        const content: HubContent =
          entry.text !== undefined ? { kind: 'text', text: entry.text } : { kind: 'synthetic', size: entry.size ?? 0, seed: seedOf(entry.path) };
        const size = content.kind === 'text' ? encoder.encode(content.text).length : content.size;
        add({ type: 'file', path: entry.path, mode: parseMode(entry.mode, defaultFileMode(entry.path)), uid, gid, size, content });
        break;
      }
      case 'symlink':
        add({ type: 'symlink', path: entry.path, mode: 0o777, uid, gid, target: entry.target });
        break;
      case 'hardlink':
        add({ type: 'hardlink', path: entry.path, mode: 0o755, uid: 0, gid: 0, target: entry.target });
        break;
      case 'packages': {
        const list = mergePackages(layer.packagesBelow[entry.path] ?? [], entry.list);
        const text = entry.format === 'dpkg' ? formatDpkgStatus(list, platform) : formatApkInstalled(list, platform);
        add({ type: 'file', path: entry.path, mode: 0o644, uid: 0, gid: 0, size: encoder.encode(text).length, content: { kind: 'text', text } });
        break;
      }
      case 'bulk':
        add({ type: 'dir', path: entry.path, mode: 0o755, uid, gid });
        for (const file of expandBulk(entry.path, entry.files, entry.bytes, entry.ext ?? '', seedOf(entry.path), entry.names ?? [])) {
          if (file.dir !== null) add({ type: 'dir', path: file.dir, mode: 0o755, uid, gid });
          add({ type: 'file', path: file.path, mode: parseMode(entry.mode, 0o644), uid, gid, size: file.size, content: { kind: 'synthetic', size: file.size, seed: seedOf(file.path) } });
        }
        break;
    }
  }
  return out;
}

function expandBulk(
  root: string,
  files: number,
  bytes: number,
  ext: string,
  seed: string,
  names: readonly string[],
): { path: string; dir: string | null; size: number }[] {
  const sizes = splitBytes(bytes, files, createRandom(fnv1a(seed)));
  const unnamed = files - names.length;
  const dirs = Math.ceil(unnamed / BULK_FILES_PER_DIR);
  const width = String(Math.max(dirs - 1, 0)).length;
  return sizes.map((size, index) => {
    const realName = names[index];
    if (realName !== undefined) return { path: `${root}/${realName}`, dir: null, size };
    const i = index - names.length;
    const sub = dirs > 1 ? `${root}/d${String(Math.floor(i / BULK_FILES_PER_DIR)).padStart(width, '0')}` : null;
    const name = `f${String(i % BULK_FILES_PER_DIR).padStart(2, '0')}${ext}`;
    return { path: `${sub ?? root}/${name}`, dir: sub !== null && i % BULK_FILES_PER_DIR === 0 ? sub : null, size };
  });
}

function addParents(path: string, seen: Set<string>, out: HubFsEntry[]): void {
  const parts = path.split('/').slice(1, -1);
  let current = '';
  for (const part of parts) {
    current += `/${part}`;
    if (seen.has(current)) continue;
    seen.add(current);
    out.push({ type: 'dir', path: current, mode: 0o755, uid: 0, gid: 0 });
  }
}

function parseMode(mode: string | undefined, fallback: number): number {
  return mode === undefined ? fallback : parseInt(mode, 8);
}

/** Files in a bin directory are programs; everything else is data. Data can override with "mode". */
function defaultFileMode(path: string): number {
  return /\/s?bin\/[^/]+$/.test(path) || path.endsWith('.sh') ? 0o755 : 0o644;
}

/** Layer size as Docker reports it: the bytes of the regular files the layer adds. */
export function hubLayerSize(entries: readonly HubFsEntry[]): number {
  let total = 0;
  for (const entry of entries) if (entry.type === 'file') total += entry.size;
  return total;
}
