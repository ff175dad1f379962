import type { Digest, Sha256Factory } from '@/lib/util';
import type { ChangeSet } from '../fs';
import type { ImageConfig } from '../image';
import type { Store } from '../store';

/**
 * The registries every host shares (DESIGN.md §3, issue 5 items 3 and 5): Docker Hub and the
 * modeled registries (`registry.company.com`, `gcr.io`, …) whose content lives in one shared
 * Store, and real OCI distribution registries reached over HTTP for references whose domain has a
 * port or is `localhost` (`127.0.0.1:5000/myapp:1.0`).
 */
export interface Registries {
  /** `docker pull`: the image (or, with `allTags`, every tag of the repository) into `request.store`. */
  pull(request: PullRequest): Promise<PullResult>;
  /** `docker push`: a local tag (or, with `allTags`, every local tag of the repository) to its registry. */
  push(request: PushRequest): Promise<PushResult>;
  /** `docker login`: checks the credentials against the registry; returns Docker's status text. */
  login(server: string, credentials: Credentials, options?: { signal?: AbortSignal }): Promise<string>;
}

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** One line of Docker's progress stream (moby `jsonmessage.JSONMessage`). */
export interface TransferEvent {
  /** The short layer ID (`c6a83fedfae6`) or the tag, for per-item lines; absent for plain lines. */
  readonly id?: string;
  /** `Pull complete`, `Pushed`, `Mounted from library/alpine`, `Digest: sha256:…`, … */
  readonly status: string;
  /** Bytes so far and in all, while `Downloading` / `Pushing`. */
  readonly progress?: { readonly current: number; readonly total: number };
  /**
   * True for the last status an item reaches (`Pull complete`, `Already exists`, `Pushed`, …) and
   * for plain lines: what docker prints when its output is not a terminal. Intermediate statuses
   * (`Pulling fs layer`, `Downloading`, `Pushing`) are for a terminal that redraws.
   */
  readonly final: boolean;
}

export type TransferListener = (event: TransferEvent) => void;

interface TransferRequest {
  /** The reference as typed (`alpine`, `registry.company.com/myapp:1.0`, `alpine@sha256:…`). */
  readonly ref: string;
  /** The daemon's store: where pulled images land, where pushed ones come from. */
  readonly store: Store;
  /** Every tag of the repository (`-a`, `--all-tags`); `ref` must then name no tag. */
  readonly allTags?: boolean;
  /** The user's stored login for this reference's registry, if any. */
  readonly credentials?: Credentials;
  readonly onEvent?: TransferListener;
  readonly signal?: AbortSignal;
  /** Simulated bytes per second for this transfer (default: the service's). */
  readonly bandwidth?: number;
}

export interface PullRequest extends TransferRequest {
  /** `--platform`, default `linux/amd64`. */
  readonly platform?: string;
  /** ISO time recorded as the tag's LastTagTime. */
  readonly now?: () => string;
}

export type PushRequest = TransferRequest;

export interface PullResult {
  /** What docker prints last: the canonical reference (`docker.io/library/alpine:latest`), or the name with `-a`. */
  readonly reference: string;
  readonly images: readonly PulledImage[];
  /** Simulated seconds the transfer took over the bandwidth (nothing waited). */
  readonly simulatedSeconds: number;
  /** Bytes that crossed the (simulated or real) network. */
  readonly bytes: number;
}

export interface PulledImage {
  readonly reference: string;
  readonly imageId: Digest;
  readonly manifestDigest: Digest;
  /** False when the tag already named this image (`Status: Image is up to date for …`). */
  readonly updated: boolean;
}

export interface PushResult {
  readonly repository: string;
  readonly pushed: readonly { readonly tag: string; readonly digest: Digest; readonly size: number }[];
  readonly simulatedSeconds: number;
  readonly bytes: number;
}

/**
 * Images a modeled registry serves without anyone pushing them: the built-in hub (lib/engine/hub),
 * adapted by the caller (registry and hub are siblings in the engine's order, so neither imports
 * the other). Docker Hub's `library/*` and the hub's gcr.io / ghcr.io entries come from here.
 */
export interface BuiltinImages {
  /**
   * The image `ref` names (normalized, `docker.io/library/alpine:3.19`, or `…@sha256:…` by manifest
   * digest) for `platform`; null when the built-in content has no such repository. A known
   * repository without that tag, or without that platform, throws EngineError `no-such-image`
   * with Docker's words.
   */
  resolve(ref: string, platform: string): Promise<RemoteImageContent | null>;
  /** Canonical tags of a repository (`docker.io/library/alpine`), sorted; empty when unknown. */
  tags(repository: string): readonly string[];
  /**
   * The built-in repositories of `domain` holding a prefix of these layers, longest first, e.g.
   * an image built FROM python has its base layers in `docker.io/library/python` ("Mounted from").
   */
  layerSources(domain: string, config: ImageConfig): Promise<readonly { repository: string; diffIds: readonly Digest[] }[]>;
  /**
   * True for a modeled private registry that refuses pushes without a login (`registry.company.com`
   * in content/hub/registries.json); absent or false: any push is taken (Docker Hub has its own rule).
   */
  requiresLogin?(domain: string): boolean;
}

/** An image as a modeled registry holds it: documents plus layer recipes, no tar bytes. */
export interface RemoteImageContent {
  readonly manifestDigest: Digest;
  readonly config: ImageConfig;
  /** The exact config bytes (image ID = their sha256); serialized from `config` when absent. */
  readonly configBytes?: Uint8Array;
  readonly layers: readonly RecipeLayer[];
}

export interface RecipeLayer {
  readonly diffId: Digest;
  readonly changeSet: ChangeSet;
  /** Docker's layer size: bytes of the regular files it adds. */
  readonly size: number;
  /** Byte length of the layer tar. */
  readonly tarSize: number;
  /** The original tar, for a layer our writer would not reproduce byte for byte. */
  readonly original?: Uint8Array;
}

export interface RegistriesOptions {
  /** The shared store of the modeled registries (memory in tests, a directory in Node, IndexedDB in the browser). */
  readonly store: Store;
  readonly sha256: Sha256Factory;
  /** Docker Hub's official images and the hub's other registries. */
  readonly builtin?: BuiltinImages;
  /** For real registries; without it, a `host:port` reference fails as a registry that is down. */
  readonly fetch?: typeof fetch;
  /** Simulated bytes per second (default 20 MB/s, the build clock's default). */
  readonly bandwidth?: number;
  /** Real registries: how long to wait for response headers (default 15 s). */
  readonly timeoutMs?: number;
  /** Real registries: blobs larger than this are uploaded in PATCH chunks of this size (default 16 MiB). */
  readonly chunkSize?: number;
}
