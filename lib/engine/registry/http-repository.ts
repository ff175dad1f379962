import { gunzipBytes } from '@/lib/shell';
import { type Digest, isDigest, type Sha256, type Sha256Factory, sha256Of } from '@/lib/util';
import { EngineError } from '../errors';
import {
  formatImagePlatform,
  isIndexMediaType,
  MEDIA_TYPES,
  parseImageConfig,
  parseImagePlatform,
  parseIndex,
  parseManifest,
  platformOf,
  referenceString,
  withDigest,
  withTag,
  type NamedReference,
} from '../image';
import { tarToChangeSet } from '../layer';
import { RegistryClient } from './http-client';
import { readErrorBody, statusError } from './http-errors';
import { choosePlatform } from './choose-platform';
import { createHttpPush } from './http-push';
import type { IncomingLayer } from './local-images';
import { manifestNotFound, noMatchingManifest, platformMismatch, pullAccessDenied, registryErrorText, repositoryNotFound } from './registry-errors';
import { DEFAULT_PLATFORM } from './pull';
import { sameTar } from './same-tar';
import type { RemoteRepository, ResolvedImage } from './remote';
import type { Credentials } from './types';

/**
 * A repository on a real registry (`127.0.0.1:5000/myapp`). Pull accepts OCI and Docker schema 2
 * manifests and indexes (picking the platform from an index), verifies every digest, gunzips
 * gzip layers and reads each tar through lib/engine/layer's reader, which refuses hostile tars.
 * A layer our tar writer would not reproduce byte for byte keeps its original tar, as `docker
 * load` does for foreign layers, so `docker save` afterwards is byte-exact.
 */
export interface HttpRepositoryOptions {
  readonly fetch: typeof fetch;
  readonly sha256: Sha256Factory;
  readonly credentials?: Credentials;
  readonly timeoutMs?: number;
  readonly chunkSize?: number;
}

const MANIFEST_ACCEPT = [MEDIA_TYPES.ociManifest, MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerManifest, MEDIA_TYPES.dockerManifestList].join(', ');
const LAYER_TYPES = new Set<string>([MEDIA_TYPES.ociLayer, MEDIA_TYPES.ociLayerGzip, MEDIA_TYPES.dockerLayer, MEDIA_TYPES.dockerLayerGzip]);

export function createHttpRepository(name: NamedReference, options: HttpRepositoryOptions): RemoteRepository {
  const client = new RegistryClient(name.domain, { fetch: options.fetch, ...(options.credentials !== undefined ? { credentials: options.credentials } : {}), ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) });
  const pull = [`repository:${name.path}:pull`];
  const blobPath = (digest: string) => `/v2/${name.path}/blobs/${digest}`;

  /** A blob's bytes, checked against its digest. */
  const getBlob = async (digest: Digest, progress?: (n: number) => void, signal?: AbortSignal): Promise<Uint8Array> => {
    const response = await client.request(blobPath(digest), { scopes: pull, ...(signal !== undefined ? { signal } : {}) });
    if (!response.ok) throw await statusError(response);
    // Hashed as it arrives, between network reads, rather than after.
    const hasher = await options.sha256();
    const bytes = await readBody(response, progress, hasher);
    const actual = hasher.digest();
    if (actual !== digest) throw new EngineError('digest-mismatch', `filesystem layer verification failed for digest ${digest}`);
    return bytes;
  };

  const getManifest = async (ref: NamedReference, reference: string, signal?: AbortSignal) => {
    if (client.auth === undefined) await client.ping(signal);
    const response = await client.request(`/v2/${name.path}/manifests/${reference}`, { scopes: pull, headers: { accept: MANIFEST_ACCEPT }, ...(signal !== undefined ? { signal } : {}) });
    if (!response.ok) throw await pullError(response, ref);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const digest = await sha256Of(bytes, options.sha256);
    const claimed = isDigest(reference) ? reference : response.headers.get('docker-content-digest');
    if (claimed !== null && isDigest(claimed) && claimed !== digest) throw new EngineError('digest-mismatch', `manifest verification failed for digest ${claimed}`);
    const json = JSON.parse(new TextDecoder().decode(bytes)) as { mediaType?: string };
    const mediaType = json.mediaType ?? response.headers.get('content-type') ?? '';
    return { bytes, digest, mediaType };
  };

  const pullError = async (response: Response, ref: NamedReference): Promise<EngineError> => {
    const body = await readErrorBody(response.clone());
    const cause = body === undefined ? undefined : registryErrorText(body.code, body.message);
    if (body?.code === 'MANIFEST_UNKNOWN' || (body === undefined && response.status === 404)) return manifestNotFound(ref, cause);
    if (body?.code === 'NAME_UNKNOWN') return repositoryNotFound(name, cause as string);
    if (body?.code === 'DENIED' || body?.code === 'UNAUTHORIZED') return pullAccessDenied(name, cause);
    return statusError(response);
  };

  return {
    name,
    async resolve(target, platform, signal) {
      const ref = target.digest !== undefined ? withDigest(name, target.digest) : withTag(name, target.tag ?? 'latest');
      let manifest = await getManifest(ref, target.digest ?? target.tag ?? 'latest', signal);
      let documentBytes = manifest.bytes.length;
      // Through an index, docker reports (and records as the repo digest) the index's digest.
      const shownDigest = manifest.digest;
      if (isIndexMediaType(manifest.mediaType)) {
        const chosen = choosePlatform(parseIndex(manifest.bytes).manifests, platform ?? DEFAULT_PLATFORM);
        if (chosen === undefined) throw noMatchingManifest(platform ?? DEFAULT_PLATFORM);
        manifest = await getManifest(ref, chosen, signal);
        documentBytes += manifest.bytes.length;
      }
      const parsed = parseManifest(manifest.bytes);
      const configBytes = await getBlob(parsed.config.digest, undefined, signal);
      const config = parseImageConfig(configBytes);
      if (platform !== undefined) {
        const actual = formatImagePlatform(platformOf(config));
        if (actual !== formatImagePlatform(parseImagePlatform(platform))) throw platformMismatch(ref, platform, actual);
      }
      if (parsed.layers.length !== config.rootfs.diff_ids.length) {
        throw new EngineError('invalid-config', `invalid manifest for ${referenceString(ref)}: ${parsed.layers.length} layers but ${config.rootfs.diff_ids.length} diff_ids in the config`);
      }
      const layers = parsed.layers.map((layer, i) => {
        if (!LAYER_TYPES.has(layer.mediaType)) throw new EngineError('registry', `unsupported layer media type ${layer.mediaType} (Layerlab reads uncompressed and gzip layers)`);
        return { diffId: config.rootfs.diff_ids[i] as Digest, digest: layer.digest, mediaType: layer.mediaType, transferSize: layer.size };
      });
      return { manifestDigest: shownDigest, configBytes, config, layers, documentBytes: documentBytes + configBytes.length };
    },
    async tags(signal) {
      const tags: string[] = [];
      let next: string | null = `/v2/${name.path}/tags/list`;
      while (next !== null) {
        const response = await client.request(next, { scopes: pull, ...(signal !== undefined ? { signal } : {}) });
        if (!response.ok) throw await pullError(response, name);
        const body = (await response.json()) as { tags?: string[] | null };
        tags.push(...(body.tags ?? []));
        next = nextLink(response.headers.get('link'));
      }
      if (tags.length === 0) throw pullAccessDenied(name);
      return [...new Set(tags)].sort();
    },
    async fetchLayer(image: ResolvedImage, index, progress, signal): Promise<IncomingLayer> {
      const layer = image.layers[index];
      if (layer === undefined) throw new Error(`fetchLayer: no layer ${index}`);
      const blob = await getBlob(layer.digest, progress, signal);
      const gzip = layer.mediaType.endsWith('gzip') || (blob[0] === 0x1f && blob[1] === 0x8b);
      const tar = gzip ? await gunzip(blob) : blob;
      const diffId = gzip ? await sha256Of(tar, options.sha256) : layer.digest;
      if (diffId !== layer.diffId) throw new EngineError('digest-mismatch', `invalid diffID for layer ${index}: expected ${JSON.stringify(layer.diffId)}, got ${JSON.stringify(diffId)}`);
      const changeSet = await tarToChangeSet([tar]);
      // Kept as the original when our writer would not give back the same bytes.
      const same = sameTar(changeSet, tar);
      return { diffId, changeSet, tarSize: tar.length, ...(same ? {} : { original: tar }) };
    },
    async startPush(credentials, signal) {
      const pushClient = credentials === options.credentials ? client : new RegistryClient(name.domain, { fetch: options.fetch, ...(credentials !== undefined ? { credentials } : {}), ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) });
      await pushClient.ping(signal);
      return createHttpPush(pushClient, name, { chunkSize: options.chunkSize ?? 16 * 1024 * 1024 });
    },
  };
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    return await gunzipBytes(bytes);
  } catch (error) {
    throw new EngineError('invalid-tar', `invalid layer: gzip: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** The whole body, reporting bytes as they arrive; one buffer when the length is announced. */
async function readBody(response: Response, progress?: (n: number) => void, hasher?: Sha256): Promise<Uint8Array> {
  if (response.body === null || progress === undefined) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    hasher?.update(bytes);
    return bytes;
  }
  const announced = Number(response.headers.get('content-length'));
  const reader = response.body.getReader();
  if (Number.isSafeInteger(announced) && announced > 0) {
    const out = new Uint8Array(announced);
    let at = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (at + value.length > announced) throw new EngineError('registry', `unexpected EOF: the registry sent more than the ${announced} bytes it announced`);
      hasher?.update(value);
      out.set(value, at);
      at += value.length;
      progress(at);
    }
    if (at !== announced) throw new EngineError('registry', 'unexpected EOF');
    return out;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hasher?.update(value);
    chunks.push(value);
    total += value.length;
    progress(total);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** RFC 5988 `Link: </v2/x/tags/list?n=100&last=b>; rel="next"`. */
function nextLink(header: string | null): string | null {
  const match = header === null ? null : /<([^>]+)>\s*;\s*rel="?next"?/.exec(header);
  return match?.[1] ?? null;
}
