import type { Dockerfile, Range, ShellLexer, StageScope } from '@/lib/dockerfile';
import type { Digest } from '@/lib/util';
import { EngineError } from '../errors';
import type { ChangeSet, FsTree } from '../fs';
import type { ImageConfig, ImagePlatform } from '../image';
import type { DiffIdMemo } from '../layer';
import type { LoadedContext } from './context';
import type { BuildEvent, StepInfo } from './events';
import type { BuildPlan, PlannedStage } from './plan';
import type { BuildIo, BuildRequest, BuilderKind, BuildStepResult, InstalledSoftware, SourceImage } from './types';

/**
 * The internal state of one build: what every dispatch handler receives. Kept apart from the
 * public types so handlers can grow without changing the API the CLI and the web app call.
 */

/** A layer of a stage's image, base layers included. */
export interface StateLayer {
  diffId: Digest;
  size: number;
  createdBy: string;
  /** Null when the recipe is in the store but not loaded. */
  changeSet: ChangeSet | null;
  /** Byte length of the layer tar when known (hashed or looked up here), so the export need not load the recipe. */
  tarSize?: number;
}

/** A stage's image as it is built (dockerfile2llb `dispatchState`). Immutable: handlers return a new one. */
export interface StageState {
  tree: FsTree;
  /**
   * True when `tree` is exactly `layers` applied in order from the empty root, so `chainId` names
   * it (the tree cache may share it). False once a step's own output (a cache miss) or a change
   * that added no layer went into it.
   */
  treeFromLayers: boolean;
  config: ImageConfig;
  layers: readonly StateLayer[];
  /** ChainID of `layers` (null without layers): the parent of the next layer record. */
  chainId: Digest | null;
  /** ARG/ENV scope (mutable, owned by the stage; copied when a stage is based on another). */
  scope: StageScope;
  /** BuildKit cache key of the filesystem state so far (LLB vertex digest). */
  cacheKey: string;
  /** Classic builder: key of the "parent image" so far, and whether a miss busted the stage. */
  classicKey: string;
  classicBusted: boolean;
  /** A CMD was set in this stage (ENTRYPOINT then keeps it; an inherited CMD is reset). */
  cmdSet: boolean;
  /** What the base image has installed (shell kind, bash...), when known. */
  installed: InstalledSoftware | null;
}

export interface StepContext {
  session: BuildSession;
  stage: PlannedStage;
  /** Step numbering for progress (null for a metadata instruction in BuildKit mode). */
  step: StepInfo | null;
  /** The vertex number of this step's progress block (0 when it has none). */
  vertex: number;
  /** The instruction as written. */
  text: string;
  range: Range;
}

export interface BuildSession {
  readonly request: BuildRequest;
  readonly io: BuildIo;
  readonly mode: BuilderKind;
  readonly dockerfile: Dockerfile;
  readonly dockerfilePath: string;
  readonly plan: BuildPlan;
  /** Stages to build, dependencies first (BuildKit: those the target needs; classic: all up to it). */
  readonly order: readonly number[];
  readonly lexer: ShellLexer;
  readonly memo: DiffIdMemo;
  readonly platform: ImagePlatform;
  readonly platformText: string;
  /** SOURCE_DATE_EPOCH as an RFC 3339 time when given: it overrides every time the build writes. */
  readonly sourceDateEpoch: string | null;
  /** The wall clock (`request.now`) as an RFC 3339 time; the Unix epoch without a clock. */
  wallTime(): string;
  /** The platform step labels carry in a multi-platform build (`[linux/arm64 2/4]`), else null. */
  readonly labelPlatform: string | null;
  readonly noCache: boolean;
  readonly steps: BuildStepResult[];
  readonly warnings: string[];
  /** Finished stages by index (for FROM <stage> and COPY --from). */
  readonly stageStates: Map<number, StageState>;
  /** Classic builder numbering (`Step 3/9`): steps so far and the build's total. */
  readonly classic: { index: number; total: number };
  emit(event: BuildEvent): void;
  nextVertex(): number;
  now(): number;
  /** The build context, loaded once with .dockerignore applied, and its transfer sizes. */
  context(): Promise<LoadedContext>;
  /** The build context as a tree (loaded once, .dockerignore applied). */
  contextTree(): Promise<FsTree>;
  /** An image for FROM / COPY --from: the store first, then the image source (pull). */
  resolveImage(ref: string, platform: string): Promise<SourceImage>;
  /** sha256 of a string. */
  digestOf(text: string): Promise<Digest>;
  /** Deterministic `<uuid>::<id>` for BuildKit's "failed to calculate checksum of ref" text. */
  refId(source: string): Promise<string>;
  checkCancelled(): void;
}

/** A build failure with the instruction's source range, for the CLI's snippet. */
export class BuildError extends EngineError {
  readonly range: Range | undefined;

  constructor(message: string, range?: Range, options?: { cause?: unknown }) {
    super('build', message, options);
    this.range = range;
  }
}

export function isBuildError(value: unknown): value is BuildError {
  return value instanceof BuildError;
}
