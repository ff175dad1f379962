import type { Digest } from '@/lib/util';
import { EngineError } from '../errors';
import { MEDIA_TYPES, type NamedReference } from '../image';
import { tarPieces } from '../layer';
import type { RegistryClient } from './http-client';
import { statusError } from './http-errors';
import type { StoredImage, StoredLayer } from './local-images';
import type { PushSession } from './remote';

/**
 * Pushing to a real registry (distribution-spec "Push"): `HEAD` each blob first, cross-repository
 * mount (`POST …/blobs/uploads/?mount=<digest>&from=<repo>`) when another repository is known to
 * hold it, else an upload: monolithic (`POST` then `PUT ?digest=` with the body) up to
 * `chunkSize`, chunked above it (`PATCH` with `Content-Range`, then a closing `PUT`). Layers go up
 * uncompressed (`application/vnd.oci.image.layer.v1.tar`): their digest is the diffID the store
 * already knows, so nothing is hashed or compressed on the way (on loopback, gzip would cost far
 * more time than the bytes it saves), and the manifest is byte for byte the one `docker save`
 * writes. Every OCI tool (skopeo, podman, umoci, containerd) reads uncompressed layers.
 */
export function createHttpPush(client: RegistryClient, name: NamedReference, options: { chunkSize: number }): PushSession {
  const push = [`repository:${name.path}:pull,push`];
  const blobPath = (digest: string) => `/v2/${name.path}/blobs/${digest}`;
  /** Upload sessions a declined mount opened (the registry answers 202 with one): reused by the upload. */
  const opened = new Map<Digest, string>();

  const head = async (digest: Digest, signal?: AbortSignal): Promise<boolean> => {
    const response = await client.request(blobPath(digest), { method: 'HEAD', scopes: push, ...(signal !== undefined ? { signal } : {}) });
    if (response.status === 404) return false;
    if (response.ok) return true;
    throw await pushError(response);
  };

  const startUpload = async (signal?: AbortSignal): Promise<string> => {
    const response = await client.request(`/v2/${name.path}/blobs/uploads/`, { method: 'POST', scopes: push, ...(signal !== undefined ? { signal } : {}) });
    if (response.status !== 202) throw await pushError(response);
    await response.body?.cancel();
    return location(response);
  };

  const location = (response: Response): string => {
    const value = response.headers.get('location');
    if (value === null) throw new EngineError('registry', `${response.url}: upload response without a Location header`);
    return new URL(value, `${client.base}/`).toString();
  };

  /** Uploads a blob from chunks of known total size; returns the bytes sent. */
  const upload = async (digest: Digest, size: number, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, progress: (n: number) => void, signal?: AbortSignal): Promise<number> => {
    let url = opened.get(digest) ?? (await startUpload(signal));
    opened.delete(digest);
    const opts = signal !== undefined ? { signal } : {};
    let sent = 0;
    if (size > options.chunkSize) {
      for await (const piece of rechunk(chunks, options.chunkSize)) {
        const response = await client.request(url, {
          method: 'PATCH',
          scopes: push,
          headers: { 'content-type': 'application/octet-stream', 'content-range': `${sent}-${sent + piece.length - 1}`, 'content-length': String(piece.length) },
          body: piece,
          ...opts,
        });
        if (response.status !== 202) throw await pushError(response);
        await response.body?.cancel();
        url = location(response);
        sent += piece.length;
        progress(sent);
      }
      return finish(url, digest, undefined, sent, opts);
    }
    const body = await collect(chunks, size);
    progress(body.length);
    return finish(url, digest, body, body.length, opts);
  };

  const finish = async (url: string, digest: Digest, body: Uint8Array | undefined, sent: number, opts: { signal?: AbortSignal }): Promise<number> => {
    const target = new URL(url);
    target.searchParams.set('digest', digest);
    const response = await client.request(target.toString(), {
      method: 'PUT',
      scopes: push,
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(body?.length ?? 0) },
      ...(body !== undefined ? { body } : {}),
      ...opts,
    });
    if (response.status !== 201) throw await pushError(response);
    await response.body?.cancel();
    return sent;
  };

  return {
    async hasBlob(layer, _image, signal) {
      return head(layer.record.diffId, signal);
    },
    async sourcesOf() {
      // Only the daemon's own record (where it pulled or pushed a layer) names mount sources here.
      return [];
    },
    async mount(layer, from, _image, signal) {
      const fromPath = from.slice(name.domain.length + 1);
      const query = `mount=${encodeURIComponent(layer.record.diffId)}&from=${encodeURIComponent(fromPath)}`;
      const response = await client.request(`/v2/${name.path}/blobs/uploads/?${query}`, {
        method: 'POST',
        scopes: [...push, `repository:${fromPath}:pull`],
        ...(signal !== undefined ? { signal } : {}),
      });
      await response.body?.cancel();
      if (response.status === 201) return true;
      // 202: the registry could not mount and opened an upload instead; the upload will use it.
      if (response.status === 202) opened.set(layer.record.diffId, location(response));
      return false;
    },
    async uploadLayer(layer: StoredLayer, progress, signal) {
      // tarPieces: views, copied once into the upload buffers (never kept across pieces).
      const chunks = layer.original !== undefined ? [layer.original] : tarPieces(layer.record.recipe);
      return upload(layer.record.diffId, layer.tarSize, chunks, progress, signal);
    },
    async putImage(image, tag, signal) {
      const bytes = await putConfig(image, signal);
      await putDocument(tag, MEDIA_TYPES.ociManifest, image.manifestBytes, image.manifestDigest, signal);
      return { digest: image.manifestDigest, size: image.manifestBytes.length, bytes: bytes + image.manifestBytes.length };
    },
    async putManifest(image, signal) {
      const bytes = await putConfig(image, signal);
      await putDocument(image.manifestDigest, MEDIA_TYPES.ociManifest, image.manifestBytes, image.manifestDigest, signal);
      return bytes + image.manifestBytes.length;
    },
    async putIndex(index, tag, signal) {
      await putDocument(tag, MEDIA_TYPES.ociIndex, index.bytes, index.digest, signal);
      return { digest: index.digest, size: index.bytes.length, bytes: index.bytes.length };
    },
  };

  /** The config blob, uploaded unless the registry has it; returns the bytes sent. */
  async function putConfig(image: StoredImage, signal?: AbortSignal): Promise<number> {
    if (await head(image.id, signal)) return 0;
    return upload(image.id, image.configBytes.length, [image.configBytes], () => undefined, signal);
  }

  /** `PUT /v2/<name>/manifests/<tag or digest>`; the registry's digest must be ours. */
  async function putDocument(reference: string, mediaType: string, body: Uint8Array, digest: Digest, signal?: AbortSignal): Promise<void> {
    const response = await client.request(`/v2/${name.path}/manifests/${reference}`, {
      method: 'PUT',
      scopes: push,
      headers: { 'content-type': mediaType },
      body,
      ...(signal !== undefined ? { signal } : {}),
    });
    if (response.status !== 201) throw await pushError(response);
    await response.body?.cancel();
    const claimed = response.headers.get('docker-content-digest');
    if (claimed !== null && claimed !== digest) throw new EngineError('digest-mismatch', `manifest digest mismatch: the registry says ${claimed}, expected ${digest}`);
  }
}

/** The registry's refusal as docker prints it after the layer lines (`denied: …`, `unauthorized: …`). */
const pushError = statusError;

/** Regroups a stream of chunks into pieces of `size` bytes (the last one shorter). */
async function* rechunk(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  // One buffer, refilled for each piece once the previous one is sent (the caller awaits each
  // PATCH before it asks for the next): fresh memory costs a page fault per page on first touch.
  const buffer = new Uint8Array(size);
  let filled = 0;
  for await (const chunk of chunks) {
    let offset = 0;
    while (offset < chunk.length) {
      const take = Math.min(size - filled, chunk.length - offset);
      buffer.set(chunk.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled === size) {
        yield buffer;
        filled = 0;
      }
    }
  }
  if (filled > 0) yield buffer.subarray(0, filled);
}

async function collect(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, size: number): Promise<Uint8Array> {
  const out = new Uint8Array(size);
  let at = 0;
  for await (const chunk of chunks) {
    if (at + chunk.length > size) throw new EngineError('store', `blob is longer than its recorded size ${size}`);
    out.set(chunk, at);
    at += chunk.length;
  }
  if (at !== size) throw new EngineError('store', `blob is ${at} bytes, its recorded size is ${size}`);
  return out;
}
