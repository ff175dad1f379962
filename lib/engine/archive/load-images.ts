import { type Digest, type Sha256Factory, sha256Of } from '@/lib/util';
import { EngineError } from '../errors';
import { type ChangeSet } from '../fs';
import { parseDockerRef, parseImageConfig, referenceString, type ImageConfig } from '../image';
import { diffIdOf, tarToChangeSet } from '../layer';
import type { Store } from '../store';
import { type ArchiveFile, type ArchiveLimits, readArchive } from './read-archive';
import { storeImage } from './store-image';
import { familiarRef } from './resolve-image';

/**
 * `docker load` (docker-semantics §2f): the Engine ≥ 25 layout and the legacy one are both read
 * through `manifest.json`, as moby's loader does. Every config is checked against the digest its
 * name claims, every layer's diffID is recomputed and compared with the config's `rootfs`, and
 * everything lands in ONE store write: a refusal at the last image changes nothing.
 */
export interface LoadOptions {
  readonly sha256: Sha256Factory;
  readonly limits?: ArchiveLimits;
  /** ISO time recorded as each loaded tag's LastTagTime; omitted when not given (deterministic). */
  readonly now?: () => string;
}

export interface LoadResult {
  readonly images: { readonly id: Digest; readonly tags: readonly string[] }[];
  /** What `docker load` prints, one line each, without newlines. */
  readonly lines: readonly string[];
}

interface PendingImage {
  readonly id: Digest;
  readonly configBytes: Uint8Array;
  readonly config: ImageConfig;
  readonly layers: { readonly diffId: Digest; readonly changeSet: ChangeSet; readonly original?: Uint8Array }[];
  readonly tags: string[];
}

const MAX_LINK_HOPS = 40;

export async function loadImages(store: Store, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: LoadOptions): Promise<LoadResult> {
  const files = await readArchive(source, options.sha256, options.limits);
  const manifestFile = files.has('manifest.json') ? resolveFile(files, 'manifest.json') : undefined;
  if (manifestFile === undefined || manifestFile.kind !== 'bytes') throw new EngineError('invalid-archive', 'invalid archive: does not contain a manifest.json');
  const items = parseManifestJson(manifestFile.bytes);
  const pending: PendingImage[] = [];
  for (const item of items) pending.push(await readImage(files, item, options.sha256));
  return store.write(async (tx) => {
    const lines: string[] = [];
    for (const image of pending) {
      await storeImage(tx, { configBytes: image.configBytes, config: image.config, layers: image.layers, sha256: options.sha256 });
      for (const tag of image.tags) {
        const key = referenceString(parseDockerRef(tag));
        const previous = await tx.get('refs', key);
        if (previous !== undefined && previous.imageId !== image.id) {
          lines.push(`The image ${familiarRef(key)} already exists, renaming the old one with ID ${previous.imageId} to empty string`);
        }
        await tx.put('refs', key, { imageId: image.id });
        if (options.now) {
          const record = await tx.get('images', image.id);
          if (record) await tx.put('images', image.id, { ...record, lastTagTime: options.now() });
        }
        lines.push(`Loaded image: ${familiarRef(key)}`);
      }
      if (image.tags.length === 0) lines.push(`Loaded image ID: ${image.id}`);
    }
    return { images: pending.map((p) => ({ id: p.id, tags: p.tags.map((t) => familiarRef(referenceString(parseDockerRef(t)))) })), lines };
  });
}

interface ManifestItem {
  readonly Config: string;
  readonly RepoTags: readonly string[];
  readonly Layers: readonly string[];
}

function parseManifestJson(bytes: Uint8Array): ManifestItem[] {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new EngineError('invalid-archive', `invalid manifest: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (raw === null) throw new EngineError('invalid-archive', 'invalid manifest, manifest cannot be null (but can be [])');
  if (!Array.isArray(raw)) throw new EngineError('invalid-archive', 'invalid manifest: not a list');
  return raw.map((item: Record<string, unknown> | null) => {
    const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
    if (typeof item !== 'object' || item === null || typeof item.Config !== 'string' || !(item.RepoTags == null || strings(item.RepoTags)) || !strings(item.Layers)) {
      throw new EngineError('invalid-archive', 'invalid manifest: each entry needs Config, RepoTags and Layers');
    }
    return { Config: item.Config, RepoTags: (item.RepoTags ?? []) as string[], Layers: item.Layers as string[] };
  });
}

/** A file by path, following Docker's symlinked duplicates (within the archive, boundedly). */
function resolveFile(files: ReadonlyMap<string, ArchiveFile>, path: string): ArchiveFile | undefined {
  let file = files.get(path);
  for (let hops = 0; file?.kind === 'link'; hops++) {
    if (hops > MAX_LINK_HOPS) throw new EngineError('invalid-archive', `invalid archive: too many links resolving ${path}`);
    file = files.get(file.target);
  }
  return file;
}

/** The digest a config's name claims: `blobs/sha256/<hex>` (Engine ≥ 25) or `<hex>.json` (legacy). */
function claimedDigest(path: string): Digest | undefined {
  const match = /^(?:blobs\/sha256\/([0-9a-f]{64})|([0-9a-f]{64})\.json)$/.exec(path);
  const hex = match?.[1] ?? match?.[2];
  return hex === undefined ? undefined : `sha256:${hex}`;
}

async function readImage(files: ReadonlyMap<string, ArchiveFile>, item: ManifestItem, sha256: Sha256Factory): Promise<PendingImage> {
  const configPath = cleanManifestPath(item.Config);
  const configFile = resolveFile(files, configPath);
  if (configFile?.kind !== 'bytes') throw new EngineError('invalid-archive', `invalid archive: open ${item.Config}: no such file or directory`);
  const id = await sha256Of(configFile.bytes, sha256);
  const claimed = claimedDigest(configPath);
  if (claimed !== undefined && claimed !== id) {
    throw new EngineError('digest-mismatch', `invalid config ${item.Config}: digest did not match, expected ${JSON.stringify(claimed)}, got ${JSON.stringify(id)}`);
  }
  const config = parseImageConfig(configFile.bytes);
  const expected = config.rootfs.diff_ids;
  if (expected.length !== item.Layers.length) {
    throw new EngineError('invalid-archive', `invalid manifest, layers length mismatch: expected ${expected.length}, got ${item.Layers.length}`);
  }
  const layers: PendingImage['layers'] = [];
  for (const [i, layerPath] of item.Layers.entries()) {
    const file = resolveFile(files, cleanManifestPath(layerPath));
    if (file === undefined || file.kind === 'link') throw new EngineError('invalid-archive', `invalid archive: open ${layerPath}: no such file or directory`);
    if (file.kind === 'refused') throw file.error;
    const layer = file.kind === 'layer' ? file : await smallLayer(file.bytes, sha256);
    if (layer.diffId !== expected[i]) {
      throw new EngineError('digest-mismatch', `invalid diffID for layer ${i}: expected ${JSON.stringify(expected[i])}, got ${JSON.stringify(layer.diffId)}`);
    }
    // A layer our writer would not reproduce byte for byte keeps its original tar (read-archive.ts).
    layers.push({ diffId: layer.diffId, changeSet: layer.changeSet, ...(layer.original !== undefined ? { original: layer.original } : {}) });
  }
  return { id, configBytes: configFile.bytes, config, layers, tags: [...item.RepoTags] };
}

/** A layer buffered as a document (too short to show the tar magic: an empty tar, say). */
async function smallLayer(bytes: Uint8Array, sha256: Sha256Factory): Promise<{ diffId: Digest; changeSet: ChangeSet; original?: Uint8Array }> {
  const diffId = await sha256Of(bytes, sha256);
  const changeSet = await tarToChangeSet([bytes]);
  return (await diffIdOf(changeSet, sha256)) === diffId ? { diffId, changeSet } : { diffId, changeSet, original: bytes };
}

function cleanManifestPath(path: string): string {
  // moby resolves manifest paths inside its temp dir (symlink.FollowSymlinkInScope); we refuse instead.
  if (path.startsWith('/') || path.split('/').includes('..')) throw new EngineError('path-escape', `invalid archive: ${JSON.stringify(path)} is outside of the archive`);
  return path.split('/').filter((p) => p !== '' && p !== '.').join('/');
}
