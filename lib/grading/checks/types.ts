import type { BuildContext, BuildResult, Registries, Store } from '@/lib/engine';
import type { Sha256Factory } from '@/lib/util';

/**
 * Lab and Dockerfile checks (issue 7 item 3): a data table of kinds an instructor combines,
 * evaluated against what the student actually built — the engine's store, the registries, the
 * terminal's command history, the workspace files and the last build. Plain JSON data, so
 * lib/content's exercise schema can produce them from YAML.
 */

/** A size as a number of bytes or text (`200MB`, `1.5 GB`, `190MiB`; MB = 10^6 bytes as Docker shows). */
export type SizeSpec = number | string;

export interface CountRange {
  readonly min?: number;
  readonly max?: number;
}

/** Run-config fields a check may read (`docker image inspect` .Config). */
export type ConfigField = 'Cmd' | 'Entrypoint' | 'Env' | 'ExposedPorts' | 'User' | 'WorkingDir' | 'Labels';

export type LabCheckSpec =
  /** The image (tag, digest or ID) is in the store, or — with `exists: false` — is not. */
  | { readonly kind: 'image-exists'; readonly image: string; readonly exists?: boolean }
  /** `docker images` SIZE below and/or above. */
  | { readonly kind: 'image-size'; readonly image: string; readonly below?: SizeSpec; readonly above?: SizeSpec }
  /** Number of layers (`rootfs.diff_ids`), or of history entries with `count: 'history'`. */
  | ({ readonly kind: 'layer-count'; readonly image: string; readonly count?: 'layers' | 'history' } & CountRange)
  /** Number of FROM stages in the workspace's Dockerfile. */
  | ({ readonly kind: 'stage-count'; readonly dockerfile?: string } & CountRange)
  /** The final stage's base image (after stage-name aliases), matched with `*` wildcards: `python:*-slim`, `alpine*`. */
  | { readonly kind: 'base-image'; readonly dockerfile?: string; readonly matches: readonly string[] }
  /** A config field equals (JSON-equal) or contains (an element, key or substring) a value. */
  | { readonly kind: 'config'; readonly image: string; readonly field: ConfigField; readonly equals?: unknown; readonly contains?: string; readonly absent?: boolean }
  /** A path (or `*` / `**` glob) present or absent in the image's final filesystem. */
  | { readonly kind: 'file'; readonly image: string; readonly path: string; readonly present: boolean }
  /** A container of the image starts (its Cmd/Entrypoint resolve and the process does not fail). */
  | { readonly kind: 'image-starts'; readonly image: string; readonly args?: readonly string[] }
  /** In the last build, steps whose instruction matches (`*` wildcards) were — or were not — taken from the cache. */
  | { readonly kind: 'build-cached'; readonly step: string; readonly cached: boolean }
  /** Comparing two images the student built (before and after a change): the step's layer is — or is not — the same one. */
  | { readonly kind: 'layer-reused'; readonly image: string; readonly previous: string; readonly step: string; readonly reused: boolean }
  /** A command of the terminal history matches (`docker save -o *`): canonical words, flags in any order. */
  | { readonly kind: 'command'; readonly command: string; readonly used: boolean }
  /** A workspace tar written by `docker save` holds these tags (and optionally a layer count). */
  | ({ readonly kind: 'archive-tags'; readonly path: string; readonly tags: readonly string[] } & { readonly layers?: CountRange })
  /** A registry has the tag; with `sameAs`, it is the image a local reference names; with `platforms`, a variant for each. */
  | { readonly kind: 'registry-tag'; readonly ref: string; readonly sameAs?: string; readonly platforms?: readonly string[] }
  /** Bytes `docker build .` sends from the workspace after `.dockerignore` (BuildKit's `transferring context`). */
  | { readonly kind: 'context-size'; readonly dockerfile?: string; readonly below?: SizeSpec; readonly above?: SizeSpec }
  /** A file in the workspace is there (or, `present: false`, is not) and equals or contains a text. */
  | { readonly kind: 'workspace-file'; readonly path: string; readonly present?: boolean; readonly equals?: string; readonly contains?: string }
  /** Number of dangling (untagged) images in the store. */
  | ({ readonly kind: 'dangling-count' } & CountRange)
  /** The Dockerfile has no finding of these lint rules (`DL3008`, `LL1001`, …). */
  | { readonly kind: 'lint-clean'; readonly dockerfile?: string; readonly rules: readonly string[] };

export type LabCheckKind = LabCheckSpec['kind'];

export interface LabCheckCommon {
  readonly id: string;
  /** Weight of the check (default 1; 0 for a gate that only `required` matters for). */
  readonly points?: number;
  /** The lab is not passed unless this check passes. */
  readonly required?: boolean;
  readonly feedbackPass?: string;
  readonly feedbackFail?: string;
  readonly hint?: string;
}

export type LabCheck = LabCheckCommon & LabCheckSpec;

export interface LabDefinition {
  readonly id: string;
  readonly checks: readonly LabCheck[];
  /** Share of the points needed besides every required check (default 1: all of them). */
  readonly pass?: number;
}

/** What the checks read. `readFile` gives null for a missing file. */
export interface GradingFs {
  readFile(path: string): Promise<Uint8Array | null>;
}

export interface GradingContext {
  /** The workstation's image store (the daemon). */
  readonly store: Store;
  readonly registries?: Registries;
  /** The terminal's command history, oldest first (TerminalSnapshot.history). */
  readonly history: readonly string[];
  /** The workspace (paths relative to its root, `/` separators). */
  readonly workspace?: GradingFs;
  /** The workspace as a build context (for `context-size`; the same one `docker build .` would read). */
  readonly context?: BuildContext;
  readonly lastBuild?: BuildResult;
  readonly sha256?: Sha256Factory;
  /** Clock for the scratch container of `image-starts` (ms since the epoch; default a fixed time). */
  readonly now?: number;
}

export type CheckStatus = 'pass' | 'fail' | 'error';

export interface CheckResult {
  readonly id: string;
  readonly kind: LabCheckKind;
  /** `error`: the check could not run (no registry, no build yet): not gradable, uses no attempt. */
  readonly status: CheckStatus;
  readonly points: number;
  readonly max: number;
  readonly required: boolean;
  /** What was observed, e.g. `size 212.4MB`, `3 layers`. */
  readonly detail: string;
  readonly feedback?: string;
  readonly hint?: string;
}

export interface LabResult {
  readonly id: string;
  readonly kind: 'lab';
  readonly score: number;
  readonly max: number;
  readonly passed: boolean;
  /** False when a check could not run: the attempt should not count. */
  readonly gradable: boolean;
  readonly checks: readonly CheckResult[];
  readonly feedback: readonly string[];
}

/** What one kind's evaluator returns before the common fields are added. */
export interface Observation {
  readonly ok: boolean;
  readonly detail: string;
  /** The check could not run (missing context); `ok` is then ignored. */
  readonly error?: boolean;
}
