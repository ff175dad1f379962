import { type Digest, type Sha256Factory, wasmSha256 } from '@/lib/util';
import { type ChangeSet } from './change-set';
import { type FileContent } from './types';

/**
 * A cheap identity for a change set, to memoize its diffID (DESIGN.md §3): sha256 over each
 * entry's metadata and its content identity — the sha256 of real bytes (cached per array) or the
 * seed and size of synthetic content — never the synthetic bytes themselves. Two change sets with
 * the same fingerprint produce the same layer tar. Bump the version prefix when the tar writer's
 * output changes, so stale memo entries stop matching.
 */
const FINGERPRINT_VERSION = 'layerlab-changeset-v1';

const bytesDigests = new WeakMap<Uint8Array, Digest>();

/** sha256 of real content, cached per byte array (arrays in trees are never mutated). */
export async function contentDigest(content: FileContent, factory: Sha256Factory = wasmSha256): Promise<string> {
  if (content.kind === 'synthetic') return `synthetic:${content.size}:${content.seed}`;
  const cached = bytesDigests.get(content.bytes);
  if (cached) return cached;
  const hasher = await factory();
  hasher.update(content.bytes);
  const digest = hasher.digest();
  bytesDigests.set(content.bytes, digest);
  return digest;
}

export async function fingerprint(changeSet: ChangeSet, factory: Sha256Factory = wasmSha256): Promise<Digest> {
  const encoder = new TextEncoder();
  const hasher = await factory();
  hasher.update(encoder.encode(`${FINGERPRINT_VERSION}\n`));
  let batch = '';
  for (const entry of changeSet.entries) {
    let line: string;
    switch (entry.kind) {
      case 'whiteout':
      case 'opaque':
        line = JSON.stringify([entry.kind, entry.path]);
        break;
      case 'dir':
        line = JSON.stringify([entry.kind, entry.path, entry.mode, entry.uid, entry.gid]);
        break;
      case 'symlink':
      case 'hardlink':
        line = JSON.stringify([entry.kind, entry.path, entry.mode, entry.uid, entry.gid, entry.target]);
        break;
      case 'file':
        line = JSON.stringify([entry.kind, entry.path, entry.mode, entry.uid, entry.gid, await contentDigest(entry.content, factory)]);
    }
    batch += `${line}\n`;
    if (batch.length > 65536) {
      hasher.update(encoder.encode(batch));
      batch = '';
    }
  }
  hasher.update(encoder.encode(batch));
  return hasher.digest();
}
