import type { Digest, Sha256Factory } from '@/lib/util';
import type { ChangeSet } from '../fs';
import type { ImageConfig } from '../image';
import type { DiffIdMemo } from '../layer';
import type { Store } from '../store';
import type { BuildEventListener } from './events';
import type { StageBase, StageSource } from './plan';

/**
 * The public shapes of `build(request, io)`: what the CLI and the web app's worker pass in and
 * get back. Everything else in lib/engine/build is internal.
 */

/** One entry of the build context, path relative to the context root with `/` separators. */
export interface ContextEntry {
  path: string;
  type: 'file' | 'dir' | 'symlink';
  /** Permission bits (07777). */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  linkTarget?: string;
  /** Modification time; never part of a cache key (BuildKit contenthash skips it). */
  mtime?: number;
}

/**
 * The directory `docker build` sends. The Node CLI implements it over a directory, the browser
 * over the workspace, tests with `createMemoryContext`. `.dockerignore` is read through it and
 * applied by the build, as the daemon side of BuildKit would see it.
 */
export interface BuildContext {
  list(): Promise<ContextEntry[]>;
  read(path: string): Promise<Uint8Array>;
}

export type BuilderKind = 'buildkit' | 'classic';

export interface BuildRequest {
  /** The Dockerfile text. */
  dockerfile: string;
  /** As given with `-f` (for messages), `Dockerfile` by default. */
  dockerfilePath?: string;
  context: BuildContext;
  /** `-t` values as typed (`app`, `app:1.0`, `registry.example.com/x:y`). */
  tags?: string[];
  target?: string;
  buildArgs?: Readonly<Record<string, string>>;
  noCache?: boolean;
  /** `--platform`, e.g. `linux/arm64`; default linux/amd64. */
  platform?: string;
  /** Default `buildkit`; `classic` is `DOCKER_BUILDKIT=0`. */
  builder?: BuilderKind;
  /** `--label` values added to the final config. */
  labels?: Readonly<Record<string, string>>;
  /**
   * Wall clock in ms since the epoch. With it, a step's layer records the time it was first built
   * and the image's `created` is its latest history time (BuildKit): a fully cached rebuild gives
   * the same image ID, a changed step a new time. Without it every time is the Unix epoch (tests).
   * `SOURCE_DATE_EPOCH` in `buildArgs` overrides both.
   */
  now?: () => number;
  /**
   * Several target platforms (`buildx build --platform a,b,c`): each is built, steps are labelled
   * `[linux/arm64 2/4]`, and the result is an image index (see `BuildResult.index`). One entry
   * behaves as `platform`.
   */
  platforms?: readonly string[];
  /**
   * `image` (default): export the image into the store and tag it. `cache`: build only, leaving
   * the result in the build cache (buildx's docker-container driver without --load/--push).
   */
  output?: 'image' | 'cache';
  /**
   * Keep base images a build pulls as tagged images in the store (default true: the daemon's
   * builder). A docker-container builder keeps them in its own cache instead.
   */
  keepPulledImages?: boolean;
}

/** A base image layer as an ImageSource serves it. */
export interface SourceLayer {
  diffId: Digest;
  changeSet: ChangeSet;
  /** Docker's layer size: bytes of the regular files it adds. */
  size: number;
  /**
   * Byte length of the layer tar when known (hashed, or recorded in the store); always set when
   * it is not the recipe's (a blob-backed layer loaded from another tool's archive).
   */
  tarSize?: number;
}

/** What a registry (the hub) or the local store returns for a reference on one platform. */
export interface SourceImage {
  /** Normalized reference, `docker.io/library/alpine:3.19`. */
  ref: string;
  /** Manifest digest (or a stable identity): the FROM cache key, BuildKit's resolved digest. */
  digest: Digest;
  config: ImageConfig;
  layers: SourceLayer[];
  /** Sum of the layer sizes. */
  size: number;
  /** Bytes a pull would transfer (compressed-ish), for the simulated download time. */
  downloadSize: number;
  /** What the image has installed, for the RUN model (null when unknown). */
  installed?: InstalledSoftware | null;
}

/** The hub's `installed` facts the RUN model needs (which shell, bash, package manager, libc). */
export interface InstalledSoftware {
  shell: 'dash' | 'busybox-ash' | 'bash' | null;
  bash: boolean;
  packageManager: 'apt' | 'apk' | null;
  libc: 'glibc' | 'musl' | null;
}

/** Where base images come from (the hub implements it; see `createHubImageSource`). */
export interface ImageSource {
  resolve(ref: string, platform: string): Promise<SourceImage>;
}

export interface BuildIo {
  store: Store;
  sha256: Sha256Factory;
  /** Registry for FROM / COPY --from images not in the store. Without one, only local images resolve. */
  imageSource?: ImageSource;
  onEvent?: BuildEventListener;
  signal?: AbortSignal;
  /**
   * DiffID memo shared across builds (DESIGN.md §3: rebuilding the same change never hashes it
   * again). Without one, the build uses a default memo kept per store object, so repeated builds
   * over one store in one process — `--no-cache` included — reuse earlier hashes.
   */
  diffIdMemo?: DiffIdMemo;
  clock?: {
    /** Simulated download bandwidth in bytes per second (default 20 MB/s). */
    bandwidthBytesPerSecond?: number;
    /** Real time in ms for `realMs` figures (default `performance.now`). */
    now?: () => number;
  };
}

export interface BuildStepResult {
  /** The instruction as written, e.g. `COPY app/ /app/`. */
  instruction: string;
  /** Stage display name (`builder`, `stage-0`). */
  stage: string;
  cached: boolean;
  simulatedSeconds: number;
  realMs: number;
}

export interface BuildLayerResult {
  createdBy: string;
  size: number;
  diffId: Digest;
}

export interface BuildStageResult {
  name: string;
  /** False for a stage the target did not need (skipped). */
  built: boolean;
  /** Total size of the stage's image (0 when skipped). */
  size: number;
}

/**
 * One Dockerfile stage as a node of the stage graph (issue 6 "Multi-stage"): what its FROM names
 * and what it copies or mounts from (the graph's edges), and the layers it built. Read by
 * lib/engine/analysis `stageGraph`.
 */
export interface BuildStageNode {
  /** Position in the Dockerfile (0-based), as `--from=<index>` counts. */
  index: number;
  /** The name, or `stage-<index>` (as `BuildStageResult.name`). */
  name: string;
  base: StageBase;
  sources: StageSource[];
  /** The built stage's layers, base first; empty for a skipped stage. */
  diffIds: Digest[];
  /** The stage the image is (the last one, or `--target`). */
  target: boolean;
}

export interface BuildResult {
  imageId: Digest;
  /** Normalized references (`docker.io/library/app:latest`). */
  tags: string[];
  size: number;
  steps: BuildStepResult[];
  layers: BuildLayerResult[];
  stages: BuildStageResult[];
  /** The same stages with their FROM and `COPY --from` edges and layers (the linux/amd64 build's). */
  stageGraph?: BuildStageNode[];
  simulatedSeconds: number;
  realMs: number;
  warnings: string[];
  /** Manifest digest of the exported image (OCI manifest). */
  manifestDigest: Digest;
  /** A multi-platform build's image index: its digest and bytes, and each platform's image. */
  index?: BuildIndexResult;
  /**
   * The previous build of the same repository (first tag's name), when the store remembers one:
   * what makes "5 minutes → 5 seconds" visible after a cached rebuild.
   */
  previous?: { simulatedSeconds: number; realMs: number };
}

/** One platform's image of a multi-platform build. */
export interface BuildPlatformImage {
  /** `linux/arm64`, `linux/arm/v7` (containerd's normalized form). */
  platform: string;
  imageId: Digest;
  manifestDigest: Digest;
  size: number;
}

export interface BuildIndexResult {
  digest: Digest;
  /** The OCI index document as stored (the blob of `digest`). */
  bytes: Uint8Array;
  images: BuildPlatformImage[];
}
