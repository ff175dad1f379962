import type { Digest, Sha256Factory } from '@/lib/util';
import { EngineError } from '../errors';
import { applyChangeSet, createTree, type FsTree } from '../fs';
import {
  createManifest,
  encodeImageConfig,
  MEDIA_TYPES,
  parseImageConfig,
  parseImagePlatform,
  parseNormalizedNamed,
  platformOf,
  samePlatform,
  serializeManifest,
  tagNameOnly,
  type ImageConfig,
} from '../image';
import { layerTarSize } from '../layer';
import type { Store } from '../store';
import type { TreeCache } from './tree-cache';
import type { ImageSource, SourceImage, SourceLayer } from './types';

/**
 * Base images for FROM and `COPY --from=<image>`: an image already in the store costs nothing
 * (no pull); otherwise the image source (the hub) serves it and the build keeps it, as
 * `docker build` leaves pulled bases in `docker images`. BuildKit's error for an unknown image
 * is `<ref>: failed to resolve source metadata for <normalized>: pull access denied, ...`.
 */

export interface ResolvedImage {
  image: SourceImage;
  /** True when it came from the image source (a download happened). */
  pulled: boolean;
}

/** `alpine` → `docker.io/library/alpine:latest` (distribution/reference `ParseNormalizedNamed` + `TagNameOnly`). */
export function normalizeRef(ref: string): string {
  try {
    const named = tagNameOnly(parseNormalizedNamed(ref));
    return `${named.domain}/${named.path}${named.tag !== undefined ? `:${named.tag}` : ''}${named.digest !== undefined ? `@${named.digest}` : ''}`;
  } catch (error) {
    if (error instanceof EngineError) throw new EngineError('build', `failed to parse stage name ${JSON.stringify(ref)}: ${error.message}`, { cause: error });
    throw error;
  }
}

/**
 * An image the store already has under `ref`, as a SourceImage, or null. With `matchPlatform`,
 * only an image of that platform counts (a build for linux/arm64 does not use the local amd64 one).
 */
export async function imageFromStore(store: Store, ref: string, platform: string, options: { matchPlatform?: boolean } = {}): Promise<SourceImage | null> {
  return store.read(async (tx) => {
    const link = (await tx.get('refs', ref)) ?? (/^sha256:[0-9a-f]{64}$/.test(ref) ? { imageId: ref as Digest } : undefined);
    if (link === undefined) return null;
    const record = await tx.get('images', link.imageId);
    if (record === undefined) return null;
    const bytes = await tx.get('blobs', record.configDigest);
    if (bytes === undefined) return null;
    const config = parseImageConfig(new TextDecoder().decode(bytes));
    if (options.matchPlatform === true && !samePlatform(platformOf(config), parseImagePlatform(platform))) return null;
    const layers = [];
    for (const diffId of config.rootfs.diff_ids) {
      const layer = await tx.get('layers', diffId);
      if (layer === undefined) return null;
      const tarSize = layer.tarSize ?? layer.tarBlob?.size;
      layers.push({ diffId, changeSet: layer.recipe, size: layer.size, ...(tarSize !== undefined ? { tarSize } : {}) });
    }
    const digest = record.manifests[platform] ?? Object.values(record.manifests)[0] ?? record.id;
    return { ref, digest, config, layers, size: record.size, downloadSize: 0, installed: null };
  });
}

/** The config and OCI manifest documents of an image and their digests (the manifest digest is what `FROM x@sha256:` names). */
export async function describeImage(config: ImageConfig, layers: readonly SourceLayer[], sha256: Sha256Factory) {
  const encoded = await encodeImageConfig(config, sha256);
  const manifest = createManifest(
    encoded.id,
    encoded.size,
    layers.map((l) => ({ digest: l.diffId, size: l.tarSize ?? layerTarSize(l.changeSet), mediaType: MEDIA_TYPES.ociLayer })),
  );
  const manifestBytes = new TextEncoder().encode(serializeManifest(manifest));
  const hasher = await sha256();
  hasher.update(manifestBytes);
  return { config: encoded, manifestBytes, manifestDigest: hasher.digest() };
}

/**
 * Keeps a pulled image: layer recipes, config and manifest blobs, the image and its tag, in one
 * transaction. With `tag: false` only the layer recipes are kept (the build's export needs them).
 */
export async function saveSourceImage(store: Store, image: SourceImage, platform: string, sha256: Sha256Factory, options: { tag: boolean; fallbackCreated: string }): Promise<void> {
  const { config, manifestBytes, manifestDigest } = await describeImage(image.config, image.layers, sha256);
  await store.write(async (tx) => {
    let parent: Digest | null = null;
    for (const layer of image.layers) {
      if (!(await tx.has('layers', layer.diffId))) {
        await tx.put('layers', layer.diffId, { diffId: layer.diffId, size: layer.size, parentChainId: parent, recipe: layer.changeSet, tarSize: layer.tarSize ?? layerTarSize(layer.changeSet) });
      }
      const h = await sha256();
      h.update(new TextEncoder().encode(`${parent} ${layer.diffId}`));
      parent = parent === null ? layer.diffId : h.digest();
    }
    if (!options.tag) return;
    await tx.put('blobs', config.id, config.bytes);
    await tx.put('blobs', manifestDigest, manifestBytes);
    await tx.put('images', config.id, {
      id: config.id,
      configDigest: config.id,
      manifests: { [platform]: manifestDigest },
      diffIds: image.layers.map((l) => l.diffId),
      created: image.config.created ?? options.fallbackCreated,
      size: image.size,
    });
    await tx.put('refs', image.ref, { imageId: config.id });
  });
}

export async function resolveImage(store: Store, source: ImageSource | undefined, ref: string, platform: string, options: { matchPlatform?: boolean } = {}): Promise<ResolvedImage> {
  const normalized = normalizeRef(ref);
  const local = await imageFromStore(store, normalized, platform, options);
  if (local !== null) return { image: local, pulled: false };
  const denied = (): EngineError =>
    new EngineError(
      'build',
      `${ref}: failed to resolve source metadata for ${normalized}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
    );
  if (source === undefined) throw denied();
  try {
    return { image: await source.resolve(normalized, platform), pulled: true };
  } catch (error) {
    if (error instanceof EngineError && error.code === 'no-such-image') {
      if (error.message.startsWith('pull access denied')) throw denied();
      // containerd's words when the index has no manifest for the platform (the pull's own text
      // is `no matching manifest for linux/386 in the manifest list entries`).
      if (error.message.startsWith('no matching manifest for')) {
        throw new EngineError('build', `${ref}: failed to resolve source metadata for ${normalized}: no match for platform in manifest: not found`, { cause: error });
      }
      throw new EngineError('build', `${ref}: failed to resolve source metadata for ${normalized}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

/** The root filesystem of an image: its layers applied in order. */
export function imageTree(image: SourceImage): FsTree {
  return image.layers.reduce((tree, layer) => applyChangeSet(tree, layer.changeSet), createTree());
}

/**
 * `imageTree` through a tree cache: `chainIds[i]` is ChainID(L0..i) of `image.layers`. Starts
 * from the longest cached prefix and caches each tree it builds (each is its prefix applied in
 * order from the empty root, exactly what its chainID names).
 */
export function cachedImageTree(image: SourceImage, chainIds: readonly Digest[], cache: TreeCache): FsTree {
  let start = image.layers.length;
  let tree: FsTree | undefined;
  for (; start > 0; start--) {
    const chainId = chainIds[start - 1];
    tree = chainId === undefined ? undefined : cache.get(chainId);
    if (tree !== undefined) break;
  }
  tree ??= createTree();
  for (let i = start; i < image.layers.length; i++) {
    const layer = image.layers[i];
    const chainId = chainIds[i];
    if (layer === undefined || chainId === undefined) throw new EngineError('build', `image ${image.ref}: no chainID for layer ${i}`);
    tree = applyChangeSet(tree, layer.changeSet);
    cache.set(chainId, tree);
  }
  return tree;
}
