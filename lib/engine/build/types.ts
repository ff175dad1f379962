import type { Digest, Sha256Factory } from '@/lib/util';
import type { ChangeSet } from '../fs';
import type { ImageConfig } from '../image';
import type { DiffIdMemo } from '../layer';
import type { Store } from '../store';
import type { BuildEventListener } from './events';

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

export interface BuildResult {
  imageId: Digest;
  /** Normalized references (`docker.io/library/app:latest`). */
  tags: string[];
  size: number;
  steps: BuildStepResult[];
  layers: BuildLayerResult[];
  stages: BuildStageResult[];
  simulatedSeconds: number;
  realMs: number;
  warnings: string[];
  /** Manifest digest of the exported image (OCI manifest). */
  manifestDigest: Digest;
  /**
   * The previous build of the same repository (first tag's name), when the store remembers one:
   * what makes "5 minutes → 5 seconds" visible after a cached rebuild.
   */
  previous?: { simulatedSeconds: number; realMs: number };
}
