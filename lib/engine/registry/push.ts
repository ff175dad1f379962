import { type Digest, shortId } from '@/lib/util';
import { EngineError } from '../errors';
import { familiarName, familiarString, isNameOnly, parseNormalizedNamed, referenceString, tagNameOnly, trimNamed, withDigest, type NamedReference } from '../image';
import { addLayerSources, layerSources, readStoredImage, readStoredIndex, type StoredImage, type StoredLayer } from './local-images';
import type { TransferContext } from './pull';
import type { PushSession } from './remote';
import type { PushRequest, PushResult, TransferEvent } from './types';

/**
 * `docker push` (moby `distribution/push.go`, `push_v2.go`): `The push refers to repository [...]`,
 * then per tag and per layer (top first, as docker lists them) `Layer already exists` when the
 * repository has the blob, `Mounted from <repo>` when another repository of the same registry
 * has it, else the upload (`Pushed`); then the config, the manifest and
 * `<tag>: digest: sha256:… size: N`. Afterwards the daemon records the repo digest and where each
 * layer now lives (for later mounts).
 *
 * A multi-platform image (a `buildx build --platform a,b --push`) whose every platform the daemon
 * holds goes up whole, as the containerd image store pushes it: each platform's layers (each once),
 * each platform manifest by digest, then the index under the tag — the digest line names the index.
 */
export async function pushImages(ctx: TransferContext, request: PushRequest): Promise<PushResult> {
  const named = parseNormalizedNamed(request.ref);
  if (request.allTags === true && !isNameOnly(named)) throw new EngineError('invalid-reference', "tag can't be used with --all-tags/-a");
  if (named.digest !== undefined) throw new EngineError('invalid-reference', 'cannot push a digest reference');
  const emit = (event: TransferEvent) => request.onEvent?.(event);
  const name = trimNamed(named);
  const repository = referenceString(name);
  emit({ status: `The push refers to repository [${repository}]`, final: true });
  const tagged = await request.store.read((tx) => tx.list('refs', { prefix: `${repository}:` }));
  if (tagged.length === 0) throw new EngineError('no-such-image', `An image does not exist locally with the tag: ${familiarName(name)}`);
  let targets: [string, Digest][];
  if (request.allTags === true) {
    targets = tagged.map(([key, ref]) => [key.slice(repository.length + 1), ref.imageId]);
  } else {
    const target = tagNameOnly(named);
    const found = tagged.find(([key]) => key === referenceString(target));
    if (found === undefined) throw new EngineError('no-such-image', `tag does not exist: ${familiarString(target)}`);
    targets = [[target.tag as string, found[1].imageId]];
  }
  const session = await ctx.remoteFor(name).startPush(request.credentials, request.signal);
  const pushed: { tag: string; digest: Digest; size: number }[] = [];
  let bytes = 0;
  for (const [tag, imageId] of targets) {
    const index = await request.store.read((tx) => readStoredIndex(tx, imageId));
    let result: { digest: Digest; size: number; bytes: number };
    let diffIds: Digest[];
    if (index !== undefined) {
      const done = new Set<Digest>();
      for (const image of index.images) bytes += await pushLayers(session, image, name, request, emit, done);
      for (const image of index.images) bytes += await session.putManifest(image, request.signal);
      result = await session.putIndex(index, tag, request.signal);
      diffIds = index.images.flatMap((image) => image.config.rootfs.diff_ids);
    } else {
      const image = await request.store.read((tx) => readStoredImage(tx, imageId, ctx.sha256));
      bytes += await pushLayers(session, image, name, request, emit, new Set());
      result = await session.putImage(image, tag, request.signal);
      diffIds = [...image.config.rootfs.diff_ids];
    }
    bytes += result.bytes;
    await request.store.write(async (tx) => {
      await tx.put('refs', referenceString(withDigest(name, result.digest)), { imageId });
      await addLayerSources(tx, diffIds, repository);
    });
    emit({ status: `${tag}: digest: ${result.digest} size: ${result.size}`, final: true });
    pushed.push({ tag, digest: result.digest, size: result.size });
  }
  return { repository, pushed, bytes, simulatedSeconds: bytes / (request.bandwidth ?? ctx.bandwidth) };
}

/** The layers of one image, top first, each once (`done`: those already handled in this push); returns the bytes uploaded. */
async function pushLayers(session: PushSession, image: StoredImage, name: NamedReference, request: PushRequest, emit: (event: TransferEvent) => void, done: Set<Digest>): Promise<number> {
  const unique = new Map<Digest, StoredLayer>();
  for (const layer of [...image.layers].reverse()) {
    if (unique.has(layer.record.diffId) || done.has(layer.record.diffId)) continue;
    unique.set(layer.record.diffId, layer);
    done.add(layer.record.diffId);
  }
  for (const diffId of unique.keys()) emit({ id: shortId(diffId), status: 'Preparing', final: false });
  const repository = referenceString(name);
  let bytes = 0;
  for (const [diffId, layer] of unique) {
    const id = shortId(diffId);
    if (await session.hasBlob(layer, image, request.signal)) {
      emit({ id, status: 'Layer already exists', final: true });
      continue;
    }
    const known = await request.store.read((tx) => layerSources(tx, diffId));
    const candidates = [...known.filter((r) => r.startsWith(`${name.domain}/`)), ...(await session.sourcesOf(layer, image))].filter((r) => r !== repository);
    let mounted: string | undefined;
    for (const from of new Set(candidates)) {
      if (await session.mount(layer, from, image, request.signal)) {
        mounted = from;
        break;
      }
    }
    if (mounted !== undefined) {
      // The path inside the registry, as docker prints it (`Mounted from library/alpine`).
      emit({ id, status: `Mounted from ${mounted.slice(name.domain.length + 1)}`, final: true });
      continue;
    }
    const total = layer.tarSize;
    bytes += await session.uploadLayer(layer, (current) => emit({ id, status: 'Pushing', progress: { current, total }, final: false }), request.signal);
    emit({ id, status: 'Pushed', final: true });
  }
  return bytes;
}
