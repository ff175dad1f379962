import type { Digest } from '@/lib/util';
import type { ImageConfig, NamedReference } from '../image';
import type { IncomingLayer, StoredImage, StoredIndex, StoredLayer } from './local-images';
import type { Credentials } from './types';

/**
 * One repository of one registry as pull and push see it. Two kinds implement it: the modeled
 * registries over the shared store (modeled-registry.ts) and a real registry over HTTP
 * (http-repository.ts); pull.ts and push.ts hold Docker's logic once for both.
 */
export interface RemoteRepository {
  /** Canonical name without tag: `docker.io/library/alpine`, `127.0.0.1:5000/myapp`. */
  readonly name: NamedReference;
  /**
   * The image a tag or digest names, for `platform` (`--platform`; undefined: the default,
   * linux/amd64, and a single-platform image of another platform is still taken, as docker does).
   */
  resolve(target: { readonly tag?: string; readonly digest?: string }, platform: string | undefined, signal?: AbortSignal): Promise<ResolvedImage>;
  /** Every tag (`pull -a`), sorted. */
  tags(signal?: AbortSignal): Promise<string[]>;
  /** A layer's content, verified; `progress` reports bytes received. */
  fetchLayer(image: ResolvedImage, index: number, progress: (current: number) => void, signal?: AbortSignal): Promise<IncomingLayer>;
  /** Opens a push (a real registry is pinged here: a registry that is down fails before any layer). */
  startPush(credentials: Credentials | undefined, signal?: AbortSignal): Promise<PushSession>;
}

export interface RemoteLayer {
  readonly diffId: Digest;
  /** The blob's digest in the manifest (= diffID for an uncompressed layer). */
  readonly digest: Digest;
  readonly mediaType: string;
  /** Bytes that cross the network for it (compressed size; estimated for modeled registries). */
  readonly transferSize: number;
}

export interface ResolvedImage {
  readonly manifestDigest: Digest;
  readonly configBytes: Uint8Array;
  readonly config: ImageConfig;
  /** One entry per config diffID, base first. */
  readonly layers: readonly RemoteLayer[];
  /** Bytes of manifest and config fetched while resolving. */
  readonly documentBytes: number;
}

export interface PushSession {
  /** True when the repository already has the layer's blob (`Layer already exists`); a refusal throws here. */
  hasBlob(layer: StoredLayer, image: StoredImage, signal?: AbortSignal): Promise<boolean>;
  /** Repositories of this registry known to hold the layer, besides the target (canonical names). */
  sourcesOf(layer: StoredLayer, image: StoredImage): Promise<readonly string[]>;
  /** Cross-repository mount; false when the registry declined (then the layer is uploaded). */
  mount(layer: StoredLayer, from: string, image: StoredImage, signal?: AbortSignal): Promise<boolean>;
  /** Uploads a layer; returns the bytes sent. */
  uploadLayer(layer: StoredLayer, progress: (current: number) => void, signal?: AbortSignal): Promise<number>;
  /** Uploads the config (if missing) and puts the manifest under `tag`; returns what push prints. */
  putImage(image: StoredImage, tag: string, signal?: AbortSignal): Promise<{ digest: Digest; size: number; bytes: number }>;
  /** One platform of an index: uploads the config (if missing) and puts the manifest by its digest; returns the bytes sent. */
  putManifest(image: StoredImage, signal?: AbortSignal): Promise<number>;
  /** Puts an image index under `tag`, once every platform manifest is there; returns what push prints. */
  putIndex(index: StoredIndex, tag: string, signal?: AbortSignal): Promise<{ digest: Digest; size: number; bytes: number }>;
}
