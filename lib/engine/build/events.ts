/**
 * What a build tells whoever renders it, as it happens. BuildKit's model: numbered vertices
 * (`#5 [2/4] COPY . .`) that start, log, show progress, end as cached / done / error. The classic
 * builder's view (`Step 2/4 : COPY . .`, ` ---> Using cache`) is rendered from the same events
 * (`step` carries what it needs). Times: `simulatedSeconds` is the modeled duration (downloads at
 * a set bandwidth, install costs), `realMs` the time the engine actually spent.
 */
export type BuildEvent =
  | { type: 'vertex-start'; vertex: number; name: string; step?: StepInfo }
  | { type: 'vertex-log'; vertex: number; text: string; stream: 'stdout' | 'stderr'; simulatedSeconds: number }
  | { type: 'vertex-progress'; vertex: number; id: string; current: number; total: number; simulatedSeconds: number }
  | { type: 'vertex-cached'; vertex: number; classicId?: string }
  /** `classicId`: the classic builder's intermediate image (` ---> 1a2b3c4d5e6f`). */
  | { type: 'vertex-done'; vertex: number; simulatedSeconds: number; realMs: number; detail?: string[]; classicId?: string }
  | { type: 'vertex-error'; vertex: number; message: string }
  | { type: 'warning'; message: string }
  | { type: 'stage-skipped'; stage: string }
  /** The classic builder's context upload (`Sending build context to Docker daemon  2.048kB`). */
  | { type: 'context-sent'; bytes: number; tarBytes: number }
  | { type: 'build-done'; imageId: string; tags: string[]; simulatedSeconds: number; realMs: number }
  | { type: 'build-error'; message: string };

export interface StepInfo {
  /** Stage display name (`builder`, `stage-0`), null in a single-stage build (BuildKit omits it). */
  stage: string | null;
  /** The target platform in a multi-platform build (`[linux/arm64 2/4]`), else absent. */
  platform?: string;
  /** 1-based step within the stage and the stage's step count. */
  index: number;
  total: number;
  /** The instruction as written (`COPY app/ /app/`). */
  instruction: string;
  /** Classic builder numbering over every instruction of the build (`Step 3/9`). */
  classicIndex: number;
  classicTotal: number;
}

export type BuildEventListener = (event: BuildEvent) => void;

/** `[builder 2/4]` / `[2/4]` / `[linux/arm64 builder 2/4]` as BuildKit labels a step. */
export function stepLabel(step: StepInfo): string {
  const prefix = [step.platform, step.stage].filter((p) => p !== undefined && p !== null).join(' ');
  return `[${prefix === '' ? '' : `${prefix} `}${step.index}/${step.total}]`;
}
