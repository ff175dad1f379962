import { type Digest, type Sha256Factory, sha256Of, shortId } from '@/lib/util';
import { EngineError } from '../errors';
import { familiarString, isNameOnly, parseNormalizedNamed, referenceString, tagNameOnly, trimNamed, withDigest, withTag, type NamedReference } from '../image';
import { layerTarSize } from '../layer';
import { addLayerSources, putImage, uncompressedManifest, type IncomingLayer } from './local-images';
import type { RemoteRepository } from './remote';
import type { PulledImage, PullRequest, PullResult, TransferEvent } from './types';

/**
 * `docker pull` (moby `distribution/pull_v2.go`): resolve the manifest, then per layer `Already
 * exists` when the daemon has its diffID or download it, then one store write with the layers,
 * the image, the tag and the repo digest. Everything is fetched and verified before that write,
 * so a registry failing halfway leaves the store as it was.
 */
export interface TransferContext {
  readonly sha256: Sha256Factory;
  readonly bandwidth: number;
  remoteFor(name: NamedReference): RemoteRepository;
}

export const DEFAULT_PLATFORM = 'linux/amd64';

export async function pullImages(ctx: TransferContext, request: PullRequest): Promise<PullResult> {
  const named = parseNormalizedNamed(request.ref);
  if (request.allTags === true && !isNameOnly(named)) throw new EngineError('invalid-reference', "tag can't be used with --all-tags/-a");
  const emit = (event: TransferEvent) => request.onEvent?.(event);
  const repo = ctx.remoteFor(trimNamed(named));
  const targets = request.allTags === true ? (await repo.tags(request.signal)).map((tag) => withTag(trimNamed(named), tag)) : [tagNameOnly(named)];
  const images: PulledImage[] = [];
  let bytes = 0;
  for (const target of targets) {
    const result = await pullOne(ctx, repo, target, request, emit);
    images.push(result.image);
    bytes += result.bytes;
  }
  const shown = request.allTags === true ? trimNamed(named) : (targets[0] as NamedReference);
  const updated = images.some((i) => i.updated);
  emit({ status: `Status: ${updated ? 'Downloaded newer image' : 'Image is up to date'} for ${familiarString(shown)}`, final: true });
  return { reference: referenceString(shown), images, bytes, simulatedSeconds: bytes / (request.bandwidth ?? ctx.bandwidth) };
}

async function pullOne(
  ctx: TransferContext,
  repo: RemoteRepository,
  target: NamedReference,
  request: PullRequest,
  emit: (event: TransferEvent) => void,
): Promise<{ image: PulledImage; bytes: number }> {
  const signal = request.signal;
  const image = await repo.resolve(target.digest !== undefined ? { digest: target.digest } : { tag: target.tag ?? 'latest' }, request.platform, signal);
  // The message id is the tag or digest, the repository its path (`latest: Pulling from library/alpine`).
  emit({ id: target.digest ?? target.tag ?? 'latest', status: `Pulling from ${repo.name.path}`, final: true });
  const imageId = await sha256Of(image.configBytes, ctx.sha256);
  const haveImage = await request.store.read((tx) => tx.has('images', imageId));
  let layers: IncomingLayer[] = [];
  let bytes = image.documentBytes;
  if (!haveImage) {
    // Layers the daemon has are taken from its store (recipe, sizes); the others are downloaded.
    const present = await request.store.read(async (tx) => {
      const out = new Map<Digest, IncomingLayer>();
      for (const layer of image.layers) {
        const record = await tx.get('layers', layer.diffId);
        if (record !== undefined) out.set(layer.diffId, { diffId: record.diffId, changeSet: record.recipe, size: record.size, tarSize: record.tarBlob?.size ?? record.tarSize ?? layerTarSize(record.recipe) });
      }
      return out;
    });
    const fetched = new Map<Digest, IncomingLayer>();
    for (const [i, layer] of image.layers.entries()) {
      const id = shortId(layer.digest);
      if (present.has(layer.diffId)) {
        emit({ id, status: 'Already exists', final: true });
        continue;
      }
      if (fetched.has(layer.diffId)) continue;
      emit({ id, status: 'Pulling fs layer', final: false });
      const total = layer.transferSize;
      const incoming = await repo.fetchLayer(image, i, (current) => emit({ id, status: 'Downloading', progress: { current, total }, final: false }), signal);
      bytes += layer.transferSize;
      emit({ id, status: 'Download complete', final: false });
      emit({ id, status: 'Pull complete', final: true });
      fetched.set(layer.diffId, incoming);
    }
    layers = image.layers.map((l) => (present.get(l.diffId) ?? fetched.get(l.diffId)) as IncomingLayer);
  }
  // The daemon keeps the manifest `docker save` would write (uncompressed layers), as a load does;
  // the registry's manifest digest is recorded as the repo digest below.
  const local = haveImage ? undefined : await uncompressedManifest(imageId, image.configBytes.length, layers, ctx.sha256);
  const name = trimNamed(target);
  const refKey = referenceString(target);
  const digestKey = referenceString(withDigest(name, image.manifestDigest));
  const updated = await request.store.write(async (tx) => {
    if (local !== undefined) {
      await putImage(tx, {
        configBytes: image.configBytes,
        config: image.config,
        layers,
        manifestBytes: local.bytes,
        manifestDigest: local.digest,
        sha256: ctx.sha256,
      });
    }
    const previous = await tx.get('refs', refKey);
    await tx.put('refs', refKey, { imageId });
    await tx.put('refs', digestKey, { imageId });
    if (previous?.imageId !== imageId && request.now !== undefined) {
      const record = await tx.get('images', imageId);
      if (record !== undefined) await tx.put('images', imageId, { ...record, lastTagTime: request.now() });
    }
    await addLayerSources(tx, image.config.rootfs.diff_ids, referenceString(name));
    return previous?.imageId !== imageId;
  });
  emit({ status: `Digest: ${image.manifestDigest}`, final: true });
  return { image: { reference: refKey, imageId, manifestDigest: image.manifestDigest, updated }, bytes };
}

