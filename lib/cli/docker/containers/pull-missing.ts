import {
  createHub,
  createHubImageSource,
  familiarString,
  HUB_FILES,
  isEngineError,
  parseDockerRef,
  refKey,
  resolveImage,
  storeImage,
  encodeImageConfig,
  type Hub,
} from '@/lib/engine';
import type { DockerContext } from '../context';

/**
 * `docker run`/`create` of an image the daemon lacks: `Unable to find image 'alpine:latest'
 * locally`, then a pull whose progress goes to stderr (docker/cli `pullImage` writes to Err), then
 * the run goes on. Pulls through the context's registry service (the hub, pushed images, real
 * registries); without one (an embedder that wires none), straight from the built-in hub.
 */
let hub: Hub | undefined;

export async function ensureImage(ctx: DockerContext, image: string): Promise<void> {
  const store = ctx.daemon.store;
  try {
    await store.read((tx) => resolveImage(tx, image));
    return;
  } catch (error) {
    if (!isEngineError(error, 'no-such-image')) throw error;
  }
  // An ID prefix that is no image is not pulled: it is not a valid repository reference either.
  const named = parseDockerRef(image);
  const familiar = familiarString(named);
  const err = ctx.shell.stderr;
  err.write(`Unable to find image '${familiar}' locally\n`);
  const registries = ctx.registries;
  if (registries !== undefined) {
    await registries.pull({
      ref: image,
      store,
      onEvent: (e) => {
        ctx.transferProgress?.(e);
        if (e.final) err.write(e.id !== undefined ? `${e.id}: ${e.status}\n` : `${e.status}\n`);
      },
      now: () => new Date(ctx.now()).toISOString(),
      ...(ctx.shell.signal ? { signal: ctx.shell.signal } : {}),
    });
    return;
  }
  hub ??= createHub({ files: HUB_FILES });
  const source = await createHubImageSource(hub, ctx.sha256).resolve(refKey(image), 'linux/amd64');
  const path = named.path;
  err.write(`${named.tag ?? 'latest'}: Pulling from ${path}\n`);
  const known = new Set(await store.read((tx) => tx.keys('layers')));
  for (const layer of source.layers) err.write(`${layer.diffId.slice(7, 19)}: ${known.has(layer.diffId) ? 'Already exists' : 'Pull complete'}\n`);
  err.write(`Digest: ${source.digest}\nStatus: Downloaded newer image for ${familiar}\n`);
  const encoded = await encodeImageConfig(source.config, ctx.sha256);
  await store.write(async (tx) => {
    const id = await storeImage(tx, { configBytes: encoded.bytes, config: source.config, layers: source.layers.map((l) => ({ diffId: l.diffId, changeSet: l.changeSet })), sha256: ctx.sha256 });
    await tx.put('refs', refKey(image), { imageId: id });
  });
}
