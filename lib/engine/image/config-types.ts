import type { Digest } from '@/lib/util';

/**
 * The image config document (the blob whose sha256 is the image ID), shaped and named as Docker
 * writes it: moby/docker-image-spec `DockerOCIImage` = image-spec `v1.Image` with Docker's
 * extended `Config`. Field names are the JSON names, so a config read from an archive or the
 * hub is this type as-is. Every field Go marks `omitempty` is optional here.
 */

/** `HealthcheckConfig`: durations are integer nanoseconds (Go `time.Duration`). */
export interface HealthConfig {
  /** `[]` inherit, `["NONE"]` disable, `["CMD", ...]` exec, `["CMD-SHELL", cmd]` shell. */
  readonly Test?: readonly string[];
  readonly Interval?: number;
  readonly Timeout?: number;
  readonly StartPeriod?: number;
  readonly StartInterval?: number;
  readonly Retries?: number;
}

/** Go's `struct{}`: the value type of ExposedPorts and Volumes. */
export type EmptyObject = Readonly<Record<string, never>>;

/**
 * `DockerOCIImageConfig`: `v1.ImageConfig` (User ... ArgsEscaped) then Docker's extension
 * (Healthcheck, OnBuild, Shell). Moby's builder calls this the `runConfig`.
 */
export interface RunConfig {
  readonly User?: string;
  /** `"80/tcp": {}` */
  readonly ExposedPorts?: Readonly<Record<string, EmptyObject>>;
  /** `KEY=value`, in the order they were first set. */
  readonly Env?: readonly string[];
  readonly Entrypoint?: readonly string[];
  readonly Cmd?: readonly string[];
  readonly Volumes?: Readonly<Record<string, EmptyObject>>;
  readonly WorkingDir?: string;
  readonly Labels?: Readonly<Record<string, string>>;
  readonly StopSignal?: string;
  /** Deprecated in OCI; BuildKit still sets it for CMD (Windows compatibility). */
  readonly ArgsEscaped?: boolean;
  readonly Healthcheck?: HealthConfig;
  readonly OnBuild?: readonly string[];
  readonly Shell?: readonly string[];
}

/** image-spec `v1.History`. */
export interface HistoryEntry {
  readonly created?: string;
  readonly created_by?: string;
  readonly author?: string;
  readonly comment?: string;
  readonly empty_layer?: boolean;
}

/** image-spec `v1.RootFS`. */
export interface RootFs {
  readonly type: 'layers';
  /** Uncompressed layer digests, base first. */
  readonly diff_ids: readonly Digest[];
}

export interface ImageConfig {
  readonly architecture: string;
  readonly os: string;
  readonly 'os.version'?: string;
  readonly 'os.features'?: readonly string[];
  readonly variant?: string;
  /** RFC 3339 (any ISO string; written the way Go's `time.Time` marshals). */
  readonly created?: string;
  readonly author?: string;
  readonly config: RunConfig;
  readonly rootfs: RootFs;
  readonly history?: readonly HistoryEntry[];
}

/** BuildKit's history comment (`dockerfile2llb.historyComment`). */
export const BUILDKIT_HISTORY_COMMENT = 'buildkit.dockerfile.v0';
