import type { Sha256Factory } from '@/lib/util';
import { contentDigest, type FsNode } from '../fs';

/**
 * Build-cache keys (docker-semantics §2a.2). BuildKit's vertex digest is the digest of the op's
 * definition combined with its inputs' keys (`solver/llbsolver/ops/exec.go` / `file.go`
 * `CacheMap`); here a key is the sha256 of a canonical JSON of `{ parent, op }`, so the same op on
 * the same parent state gives the same key on every machine. Ops that read files add a content
 * checksum of exactly the selected paths (`cache/contenthash`), with mtime and the root's name
 * left out, so touching a file keeps the cache and chmod/content/owner changes bust it.
 */

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export async function hashText(text: string, factory: Sha256Factory): Promise<string> {
  const hasher = await factory();
  hasher.update(new TextEncoder().encode(text));
  return hasher.digest();
}

/** The key of a step: its op on top of the parent state's key. */
export async function stepCacheKey(parent: string, op: unknown, factory: Sha256Factory): Promise<string> {
  return hashText(canonicalJson({ parent, op }), factory);
}

// Nodes are immutable and shared between trees, so a node's checksum never changes.
const nodeChecksums = new WeakMap<FsNode, Promise<string>>();

/**
 * contenthash's checksum of a node: a tarsum-like header (type, mode, uid, gid, size, link target;
 * no mtime, no name) plus the content identity — sha256 of real bytes, seed and size of synthetic
 * content — and for a directory its sorted children's names and checksums.
 */
export function nodeChecksum(node: FsNode, factory: Sha256Factory): Promise<string> {
  const known = nodeChecksums.get(node);
  if (known !== undefined) return known;
  const pending = computeChecksum(node, factory);
  nodeChecksums.set(node, pending);
  return pending;
}

async function computeChecksum(node: FsNode, factory: Sha256Factory): Promise<string> {
  const header = [node.kind, node.mode, node.uid, node.gid];
  switch (node.kind) {
    case 'file':
      return hashText(canonicalJson([...header, await contentDigest(node.content, factory)]), factory);
    case 'symlink':
    case 'hardlink':
      return hashText(canonicalJson([...header, node.target]), factory);
    case 'dir': {
      const children: string[] = [];
      for (const { name, node: child } of node.children) children.push(name, await nodeChecksum(child, factory));
      return hashText(canonicalJson([...header, children]), factory);
    }
  }
}
