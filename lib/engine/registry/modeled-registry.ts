import { type Digest, type Sha256Factory } from '@/lib/util';
import { encodeImageConfig, formatImagePlatform, MEDIA_TYPES, parseImagePlatform, parseIndex, parseManifest, referenceString, withDigest, withTag, type NamedReference } from '../image';
import type { ReadTx, Store, WriteTx } from '../store';
import { choosePlatform } from './choose-platform';
import { putImage, readStoredImage, type IncomingLayer, type StoredImage, type StoredIndex, type StoredLayer } from './local-images';
import { DENIED, manifestNotFound, noMatchingManifest, platformMismatch, pullAccessDenied, pushDenied, UNAUTHORIZED } from './registry-errors';
import type { PushSession, RemoteLayer, RemoteRepository, ResolvedImage } from './remote';
import { DEFAULT_PLATFORM } from './pull';
import type { BuiltinImages, Credentials, RecipeLayer } from './types';

/**
 * A modeled registry (Docker Hub, registry.company.com, gcr.io, …): what was pushed lives in the
 * shared store as ordinary records — refs `registry.company.com/myapp:1.0` and
 * `…@sha256:<manifest>`, image records, config and manifest blobs, layer recipes — so a push on
 * one host and a pull on another share the recipes and never produce tar bytes. The built-in
 * hub answers for what nobody pushed. Transfers are charged as gzip would send them.
 */

/** Registry transfers are gzip-compressed; like the build's pulls, charge about 40% of the tar. */
const COMPRESSION_RATIO = 0.4;

export interface ModeledOptions {
  readonly store: Store;
  readonly sha256: Sha256Factory;
  readonly builtin?: BuiltinImages;
}

const transferSize = (tarSize: number) => Math.ceil(tarSize * COMPRESSION_RATIO);

export function createModeledRepository(options: ModeledOptions, name: NamedReference): RemoteRepository {
  const repository = referenceString(name);
  const { store, builtin, sha256 } = options;
  /** Where each resolved image's layers come from, for fetchLayer. */
  const contents = new WeakMap<ResolvedImage, (index: number) => Promise<IncomingLayer>>();

  const pushedTags = () => store.read(async (tx) => (await tx.keys('refs', { prefix: `${repository}:` })).map((k) => k.slice(repository.length + 1)));

  return {
    name,
    async resolve(target, platform) {
      const ref = target.digest !== undefined ? withDigest(name, target.digest) : withTag(name, target.tag ?? 'latest');
      const key = referenceString(ref);
      const link = await store.get('refs', key);
      if (link !== undefined) {
        const indexed = await store.read((tx) => readIndexed(tx, key, platform));
        const image = await store.read((tx) => readStoredImage(tx, indexed?.imageId ?? link.imageId, sha256));
        if (platform !== undefined && formatImagePlatform(parseImagePlatform(platform)) !== image.platform) throw platformMismatch(ref, platform, image.platform);
        const resolved: ResolvedImage = {
          // Through an index, docker reports (and records as the repo digest) the index's digest.
          manifestDigest: indexed?.indexDigest ?? image.manifestDigest,
          configBytes: image.configBytes,
          config: image.config,
          layers: image.layers.map((l) => remoteLayer(l.record.diffId, l.tarSize)),
          documentBytes: image.manifestBytes.length + image.configBytes.length,
        };
        contents.set(resolved, async (i) => toIncoming(image.layers[i] as StoredLayer));
        return resolved;
      }
      const content = builtin === undefined ? null : await builtin.resolve(key, platform ?? DEFAULT_PLATFORM);
      if (content === null) {
        if ((await pushedTags()).length > 0) throw manifestNotFound(ref);
        throw pullAccessDenied(name);
      }
      const config = content.configBytes ?? (await encodeImageConfig(content.config, sha256)).bytes;
      const resolved: ResolvedImage = {
        manifestDigest: content.manifestDigest,
        configBytes: config,
        config: content.config,
        layers: content.layers.map((l) => remoteLayer(l.diffId, l.tarSize)),
        documentBytes: config.length,
      };
      contents.set(resolved, async (i) => fromRecipe(content.layers[i] as RecipeLayer));
      return resolved;
    },
    async tags() {
      const tags = [...new Set([...(await pushedTags()), ...(builtin?.tags(repository) ?? [])])].sort();
      if (tags.length === 0) throw pullAccessDenied(name);
      return tags;
    },
    async fetchLayer(image, index, progress) {
      const fetch = contents.get(image);
      if (fetch === undefined) throw new Error('fetchLayer: image was not resolved by this repository');
      const layer = await fetch(index);
      // Nothing streams here: the recipe arrives whole, and so does its (simulated) byte count.
      progress(image.layers[index]?.transferSize ?? 0);
      return layer;
    },
    async startPush(credentials) {
      return createModeledPush(options, name, credentials);
    },
  };
}

/** Meta key naming the index a pushed tag or index digest stands for (set by putIndex, cleared by putImage). */
const indexKey = (ref: string) => `registry-index/${ref}`;

/**
 * When `ref` names a pushed index: the index digest and the image of the wanted platform (default
 * linux/amd64), or Docker's `no matching manifest for …` when the index has no such platform.
 */
async function readIndexed(tx: ReadTx, ref: string, platform: string | undefined): Promise<{ indexDigest: Digest; imageId: Digest } | undefined> {
  const indexDigest = await tx.get('meta', indexKey(ref));
  if (typeof indexDigest !== 'string') return undefined;
  const bytes = await tx.get('blobs', indexDigest);
  if (bytes === undefined) return undefined;
  const wanted = platform ?? DEFAULT_PLATFORM;
  const chosen = choosePlatform(parseIndex(bytes).manifests, wanted);
  const manifest = chosen === undefined ? undefined : await tx.get('blobs', chosen);
  if (manifest === undefined) throw noMatchingManifest(wanted);
  return { indexDigest: indexDigest as Digest, imageId: parseManifest(manifest).config.digest };
}

function remoteLayer(diffId: Digest, tarSize: number): RemoteLayer {
  return { diffId, digest: diffId, mediaType: MEDIA_TYPES.ociLayer, transferSize: transferSize(tarSize) };
}

function toIncoming(layer: StoredLayer): IncomingLayer {
  const { record } = layer;
  return { diffId: record.diffId, changeSet: record.recipe, size: record.size, tarSize: layer.tarSize, ...(layer.original !== undefined ? { original: layer.original } : {}) };
}

function fromRecipe(layer: RecipeLayer): IncomingLayer {
  return { diffId: layer.diffId, changeSet: layer.changeSet, size: layer.size, tarSize: layer.tarSize, ...(layer.original !== undefined ? { original: layer.original } : {}) };
}

/**
 * Docker Hub wants a login for any push, and nobody may push to the official `library/`
 * namespace; a private registry the hub marks `requiresLogin` (registry.company.com) wants a
 * login (any works) to push, and lets anyone pull, as the material's servers pull without one;
 * the other modeled registries take what they are given. Returns the refusal, if any.
 */
function pushRefusal(name: NamedReference, credentials: Credentials | undefined, builtin: BuiltinImages | undefined): string | undefined {
  if (name.domain === 'docker.io') return credentials !== undefined && !name.path.startsWith('library/') ? undefined : DENIED;
  if (credentials === undefined && builtin?.requiresLogin?.(name.domain) === true) return UNAUTHORIZED;
  return undefined;
}

function createModeledPush(options: ModeledOptions, name: NamedReference, credentials: Credentials | undefined): PushSession {
  const repository = referenceString(name);
  const { store, builtin, sha256 } = options;
  let index: Map<Digest, Set<string>> | undefined;
  const builtinSources = new Map<Digest, Promise<readonly { repository: string; diffIds: readonly Digest[] }[]>>();

  /** diffID → repositories of this registry holding it, from what was pushed (read once per push). */
  const pushedIndex = async (): Promise<Map<Digest, Set<string>>> => {
    index ??= await store.read(async (tx) => {
      const out = new Map<Digest, Set<string>>();
      for (const [key, ref] of await tx.list('refs', { prefix: `${name.domain}/` })) {
        const repo = key.replace(/[:@].*$/, '');
        for (const diffId of (await tx.get('images', ref.imageId))?.diffIds ?? []) {
          const repos = out.get(diffId) ?? new Set<string>();
          repos.add(repo);
          out.set(diffId, repos);
        }
      }
      return out;
    });
    return index;
  };
  const fromBuiltin = async (image: StoredImage, diffId: Digest): Promise<string[]> => {
    if (builtin === undefined) return [];
    let sources = builtinSources.get(image.id);
    if (sources === undefined) builtinSources.set(image.id, (sources = builtin.layerSources(name.domain, image.config)));
    return (await sources).filter((s) => s.diffIds.includes(diffId)).map((s) => s.repository);
  };
  const holders = async (layer: StoredLayer, image: StoredImage): Promise<Set<string>> =>
    new Set([...((await pushedIndex()).get(layer.record.diffId) ?? []), ...(await fromBuiltin(image, layer.record.diffId))]);
  const refuse = () => {
    const refusal = pushRefusal(name, credentials, builtin);
    if (refusal !== undefined) throw pushDenied(refusal);
  };
  /** The layers it lacks, its documents and its digest reference; returns the image ID. */
  const storeImage = async (tx: WriteTx, image: StoredImage): Promise<Digest> => {
    const id = await putImage(tx, {
      configBytes: image.configBytes,
      config: image.config,
      layers: image.layers.map(toIncoming),
      manifestBytes: image.manifestBytes,
      manifestDigest: image.manifestDigest,
      sha256,
    });
    await tx.put('refs', referenceString(withDigest(name, image.manifestDigest)), { imageId: id });
    return id;
  };
  const remember = async (image: StoredImage) => {
    const known = await pushedIndex();
    for (const diffId of image.config.rootfs.diff_ids) known.set(diffId, new Set([...(known.get(diffId) ?? []), repository]));
  };

  return {
    async hasBlob(layer, image) {
      refuse();
      return (await holders(layer, image)).has(repository);
    },
    async sourcesOf(layer, image) {
      return [...(await holders(layer, image))].filter((r) => r !== repository).sort();
    },
    async mount(layer, from, image) {
      return (await holders(layer, image)).has(from);
    },
    async uploadLayer(layer) {
      return transferSize(layer.tarSize);
    },
    async putImage(image, tag) {
      refuse();
      // One write: the layers it lacks, the documents, the tag and the digest.
      await store.write(async (tx) => {
        const id = await storeImage(tx, image);
        await tx.put('refs', `${repository}:${tag}`, { imageId: id });
        // The tag now names one manifest, no longer an index it may have named.
        await tx.delete('meta', indexKey(`${repository}:${tag}`));
      });
      await remember(image);
      return { digest: image.manifestDigest, size: image.manifestBytes.length, bytes: image.configBytes.length + image.manifestBytes.length };
    },
    async putManifest(image) {
      refuse();
      await store.write((tx) => storeImage(tx, image));
      await remember(image);
      return image.configBytes.length + image.manifestBytes.length;
    },
    async putIndex(index: StoredIndex, tag) {
      refuse();
      // The tag's image is the host platform's (what a registry UI lists first); pulls read the index.
      const main = index.images.find((i) => i.platform === DEFAULT_PLATFORM) ?? (index.images[0] as StoredImage);
      await store.write(async (tx) => {
        await tx.put('blobs', index.digest, index.bytes);
        const record = await tx.get('images', main.id);
        if (record !== undefined) {
          const manifests = Object.fromEntries(index.images.map((i) => [i.platform, i.manifestDigest]));
          await tx.put('images', main.id, { ...record, manifests: { ...record.manifests, ...manifests }, indexDigest: index.digest });
        }
        for (const ref of [`${repository}:${tag}`, referenceString(withDigest(name, index.digest))]) {
          await tx.put('refs', ref, { imageId: main.id });
          await tx.put('meta', indexKey(ref), index.digest);
        }
      });
      return { digest: index.digest, size: index.bytes.length, bytes: index.bytes.length };
    },
  };
}
