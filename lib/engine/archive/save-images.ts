import { type Digest, type Sha256Factory } from '@/lib/util';
import { EngineError } from '../errors';
import { goJsonString, MEDIA_TYPES, serializeIndex, type Descriptor } from '../image';
import { changeSetToTar } from '../layer';
import type { LayerRecord, ReadTx, Store } from '../store';
import { type ArchiveEntry, fileEntry, writeArchive } from './archive-tar';
import { layerTarSizeOf, ociManifestFor } from './image-manifest';
import { familiarRef, resolveSaveTargets } from './resolve-image';

/**
 * `docker save` in Engine ≥ 25's format (docker-semantics §2f): an OCI image layout (`oci-layout`,
 * `index.json`, `blobs/sha256/*`) that also carries Docker's `manifest.json` and `repositories`, so
 * both `docker load`/`podman load` and OCI tools read it. Layers are the uncompressed tars named
 * by diffID, produced from their recipes while the archive streams out — or, for a blob-backed
 * layer (one loaded from another tool's archive), its original tar read from the store. The legacy v1 JSON blobs
 * Docker adds are left out: no manifest references them and no loader needs them.
 */
export interface SaveOptions {
  readonly sha256: Sha256Factory;
  /** Output chunk size (default 1 MiB). */
  readonly chunkSize?: number;
}

interface SavedImage {
  readonly id: Digest;
  readonly refs: readonly string[];
  readonly config: Uint8Array;
  readonly layers: readonly LayerRecord[];
  readonly manifest: Descriptor;
  readonly manifestBytes: Uint8Array;
}

const encoder = new TextEncoder();
const hexOf = (digest: Digest): string => digest.slice('sha256:'.length);
const blobPath = (digest: Digest): string => `blobs/sha256/${hexOf(digest)}`;

/**
 * The archive for `names` as an async stream of chunks. Names are resolved and every record read
 * before the first byte, so a missing image fails the save without writing anything.
 */
export async function saveImages(store: Store, names: readonly string[], options: SaveOptions): Promise<AsyncIterable<Uint8Array>> {
  const images = await store.read(async (tx) => {
    const targets = await resolveSaveTargets(tx, names);
    return Promise.all(targets.map((t) => readImage(tx, t.imageId, t.refs, options.sha256)));
  });
  if (images.every((image) => image.refs.length === 0 && image.layers.length === 0)) {
    throw new EngineError('invalid-archive', 'empty export - not implemented');
  }
  // A kept original is read when its turn comes, so at most one is in memory at a time.
  const original = async function* (diffId: Digest): AsyncGenerator<Uint8Array> {
    const bytes = await store.get('blobs', diffId);
    if (bytes === undefined) throw new EngineError('store', `the original tar of layer ${diffId} is missing from the store`);
    yield bytes;
  };
  return writeArchive(archiveEntries(images, original), options.chunkSize);
}

async function readImage(tx: ReadTx, id: Digest, refs: readonly string[], sha256: Sha256Factory): Promise<SavedImage> {
  const record = await tx.get('images', id);
  const config = record && (await tx.get('blobs', record.configDigest));
  if (!record || !config) throw new EngineError('no-such-image', `No such image: ${id}`);
  const layers: LayerRecord[] = [];
  for (const diffId of record.diffIds) {
    const layer = await tx.get('layers', diffId);
    if (!layer) throw new EngineError('store', `layer ${diffId} of image ${id} is missing from the store`);
    if (layer.tarBlob !== undefined && !(await tx.has('blobs', diffId))) throw new EngineError('store', `the original tar of layer ${diffId} of image ${id} is missing from the store`);
    layers.push(layer);
  }
  const manifest = await ociManifestFor(record.configDigest, config.length, layers, sha256);
  return { id, refs, config, layers, manifest: manifest.descriptor, manifestBytes: manifest.bytes };
}

function archiveEntries(images: readonly SavedImage[], original: (diffId: Digest) => AsyncIterable<Uint8Array>): ArchiveEntry[] {
  // One blob per digest, whatever the number of images sharing it, in name order like a walk of
  // Docker's output directory.
  const blobs = new Map<string, ArchiveEntry>();
  for (const image of images) {
    blobs.set(blobPath(image.id), fileEntry(blobPath(image.id), image.config));
    blobs.set(blobPath(image.manifest.digest), fileEntry(blobPath(image.manifest.digest), image.manifestBytes));
    for (const layer of image.layers) {
      const name = blobPath(layer.diffId);
      const body = layer.tarBlob !== undefined ? () => original(layer.diffId) : () => changeSetToTar(layer.recipe);
      blobs.set(name, { kind: 'file', name, size: layerTarSizeOf(layer), body });
    }
  }
  const entries: ArchiveEntry[] = [{ kind: 'dir', name: 'blobs' }, { kind: 'dir', name: 'blobs/sha256' }];
  entries.push(...[...blobs.keys()].sort().map((name) => blobs.get(name) as ArchiveEntry));
  entries.push(fileEntry('index.json', encoder.encode(indexJson(images))));
  entries.push(fileEntry('manifest.json', encoder.encode(manifestJson(images))));
  entries.push(fileEntry('oci-layout', encoder.encode('{"imageLayoutVersion":"1.0.0"}')));
  const repositories = repositoriesJson(images);
  if (repositories !== undefined) entries.push(fileEntry('repositories', encoder.encode(repositories)));
  return entries;
}

/** One descriptor per tag, annotated with the full name and the tag; an untagged image gets one bare descriptor. */
function indexJson(images: readonly SavedImage[]): string {
  const manifests: Descriptor[] = [];
  for (const image of images) {
    if (image.refs.length === 0) manifests.push(image.manifest);
    for (const ref of image.refs) {
      const tag = ref.slice(ref.lastIndexOf(':') + 1);
      const named: Record<string, string> = ref.includes('@') ? {} : { 'org.opencontainers.image.ref.name': tag };
      manifests.push({ ...image.manifest, annotations: { 'io.containerd.image.name': ref, ...named } });
    }
  }
  return `${serializeIndex({ schemaVersion: 2, mediaType: MEDIA_TYPES.ociIndex, manifests })}\n`;
}

/** Docker's compat manifest (moby `tarexport.manifestItem`, written with json.Encoder: compact, newline). */
function manifestJson(images: readonly SavedImage[]): string {
  const items = images.map((image) => {
    const tags = image.refs.filter((r) => !r.includes('@')).map(familiarRef);
    const layers = image.layers.map((l) => goJsonString(blobPath(l.diffId)));
    const sources = image.layers.map((l) => `${goJsonString(l.diffId)}:{"mediaType":"${MEDIA_TYPES.ociLayer}","size":${layerTarSizeOf(l)},"digest":${goJsonString(l.diffId)}}`);
    const uniqueSources = [...new Set(sources)].sort();
    return `{"Config":${goJsonString(blobPath(image.id))},"RepoTags":${tags.length === 0 ? 'null' : `[${tags.map(goJsonString).join(',')}]`},"Layers":[${layers.join(',')}]${uniqueSources.length > 0 ? `,"LayerSources":{${uniqueSources.join(',')}}` : ''}}`;
  });
  return `[${items.join(',')}]\n`;
}

/** `{"app":{"latest":"<top layer hex>"}}`, only for tagged images that have layers. */
function repositoriesJson(images: readonly SavedImage[]): string | undefined {
  const repos = new Map<string, Map<string, string>>();
  for (const image of images) {
    const top = image.layers.at(-1);
    if (top === undefined) continue;
    for (const ref of image.refs.filter((r) => !r.includes('@')).map(familiarRef)) {
      const colon = ref.lastIndexOf(':');
      const repo = ref.slice(0, colon);
      const tags = repos.get(repo) ?? new Map<string, string>();
      tags.set(ref.slice(colon + 1), hexOf(top.diffId));
      repos.set(repo, tags);
    }
  }
  if (repos.size === 0) return undefined;
  const sorted = [...repos].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const body = sorted.map(([repo, tags]) => `${goJsonString(repo)}:{${[...tags].sort(([a], [b]) => (a < b ? -1 : 1)).map(([t, id]) => `${goJsonString(t)}:${goJsonString(id)}`).join(',')}}`);
  return `{${body.join(',')}}\n`;
}
