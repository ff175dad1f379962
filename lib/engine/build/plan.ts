import {
  createArgScope,
  createShellLexer,
  isDockerfileError,
  withSuggestion,
  type ArgScope,
  type Instructions,
  type Stage,
  type Dockerfile,
} from '@/lib/dockerfile';
import { EngineError } from '../errors';

/** Where a stage starts: nothing, an earlier stage, or an image from a registry. */
export type StageBase =
  | { kind: 'scratch' }
  | { kind: 'stage'; index: number }
  | { kind: 'image'; ref: string };

/** Something a stage reads files from besides its base (`COPY --from`, `RUN --mount=from=`). */
export type StageSource = { kind: 'stage'; index: number } | { kind: 'image'; ref: string };

export interface PlannedStage {
  index: number;
  /** Lower-cased name, or null for an unnamed stage. */
  name: string | null;
  /** What progress output calls it: the name, or `stage-<index>`. */
  displayName: string;
  stage: Stage;
  base: StageBase;
  /** `--platform` of FROM after expansion, or null. */
  platform: string | null;
  /** Other stages and images this stage copies or mounts from, in order, without duplicates. */
  sources: StageSource[];
  /** Steps shown as `[name i/n]`: RUN, COPY, ADD, WORKDIR, plus the FROM of a non-scratch base. */
  stepCount: number;
}

export interface BuildPlan {
  stages: PlannedStage[];
  target: PlannedStage;
  /** Indexes of the stages the target needs, dependencies first (what BuildKit executes). */
  order: number[];
  /** Stages not needed for the target: BuildKit never runs them nor resolves their base images. */
  skipped: number[];
  /**
   * The ARG scope after the meta ARGs: the executor starts each stage's scope from it, and asks
   * it at the end which `--build-arg`s no ARG consumed (the classic builder warns about them).
   */
  argScope: ArgScope;
}

export interface PlanOptions {
  target?: string;
  buildArgs?: Readonly<Record<string, string>>;
  platform?: string;
}

/**
 * BuildKit's stage planning (`dockerfile2llb.toDispatchState`): expands FROM lines against the
 * meta ARGs, resolves stage references (FROM <stage>, COPY --from=<name|index|image>,
 * RUN --mount=from=), finds the target and the stages reachable from it. Errors carry
 * BuildKit's texts (docker-semantics §2b, §2c).
 */
export function planBuild(dockerfile: Dockerfile, instructions: Instructions, options: PlanOptions = {}): BuildPlan {
  const { stages } = instructions;
  if (stages.length === 0) throw new EngineError('build', 'the Dockerfile cannot be empty');
  const lastName = stages[stages.length - 1]?.name ?? '';
  const scope = createArgScope({
    buildArgs: options.buildArgs,
    platform: options.platform,
    targetStage: options.target ?? lastName,
    escapeToken: dockerfile.escapeToken,
  });
  const lexer = createShellLexer(dockerfile.escapeToken);
  wrapDockerfileErrors(() => {
    for (const meta of instructions.metaArgs) for (const decl of meta.args) scope.declareMeta(decl);
  });
  const metaEnv = scope.metaEnv();
  const byName = new Map<string, number>();
  const planned: PlannedStage[] = [];
  for (const stage of stages) {
    const image = wrapDockerfileErrors(() => lexer.expandWord(stage.from.image.value, metaEnv));
    if (image.trim() === '') {
      throw new EngineError('build', `base name (${stage.from.image.value}) should not be blank`);
    }
    const platform = stage.from.platform === null ? null : wrapDockerfileErrors(() => lexer.expandWord(stage.from.platform ?? '', metaEnv));
    const earlier = byName.get(image.toLowerCase());
    const base: StageBase =
      image.toLowerCase() === 'scratch' ? { kind: 'scratch' } : earlier !== undefined ? { kind: 'stage', index: earlier } : { kind: 'image', ref: image };
    planned.push({
      index: stage.index,
      name: stage.name,
      displayName: stage.name ?? `stage-${stage.index}`,
      stage,
      base,
      platform,
      sources: [],
      stepCount: countSteps(stage, base),
    });
    // A later stage with the same name wins the name (BuildKit; lint DuplicateStageName warns).
    if (stage.name !== null) byName.set(stage.name, stage.index);
  }
  for (const stage of planned) stage.sources = resolveSources(stage, planned);
  const target = findTarget(planned, options.target);
  const order = reachable(planned, target);
  const needed = new Set(order);
  return {
    stages: planned,
    target,
    order,
    skipped: planned.filter((s) => !needed.has(s.index)).map((s) => s.index),
    argScope: scope,
  };
}

function countSteps(stage: Stage, base: StageBase): number {
  let n = base.kind === 'scratch' ? 0 : 1;
  for (const command of stage.commands) {
    if (command.kind === 'run' || command.kind === 'copy' || command.kind === 'add' || command.kind === 'workdir') n++;
  }
  return n;
}

function resolveSources(stage: PlannedStage, all: readonly PlannedStage[]): StageSource[] {
  const sources: StageSource[] = [];
  const add = (source: StageSource): void => {
    const same = sources.some((s) => (s.kind === 'stage' && source.kind === 'stage' ? s.index === source.index : s.kind === 'image' && source.kind === 'image' && s.ref === source.ref));
    if (!same) sources.push(source);
  };
  for (const command of stage.stage.commands) {
    if (command.kind === 'copy' && command.from !== null) add(resolveFrom(command.from, stage, all));
    if (command.kind === 'run') {
      for (const mount of command.mounts) {
        const from = /(?:^|,)from=([^,]+)/.exec(mount)?.[1];
        if (from !== undefined) add(resolveFrom(from, stage, all));
      }
    }
  }
  return sources;
}

/** `--from=X`: a stage name, else a stage index, else an image reference (BuildKit order). */
export function resolveFrom(from: string, current: PlannedStage, all: readonly PlannedStage[]): StageSource {
  if (from.includes('$')) {
    throw new EngineError(
      'build',
      'variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround',
    );
  }
  const named = all.find((s) => s.name !== null && s.name === from.toLowerCase());
  const byIndex = /^\d+$/.test(from) ? all[Number(from)] : undefined;
  if (/^\d+$/.test(from) && byIndex === undefined) throw new EngineError('build', `invalid stage index ${from}`);
  const stage = named ?? byIndex;
  if (stage === undefined) return { kind: 'image', ref: from };
  if (stage.index >= current.index) {
    throw new EngineError(
      'build',
      `cannot copy from stage ${JSON.stringify(stage.displayName)}, it needs to be defined before current stage ${JSON.stringify(current.displayName)}`,
    );
  }
  return { kind: 'stage', index: stage.index };
}

function findTarget(stages: readonly PlannedStage[], target: string | undefined): PlannedStage {
  const last = stages[stages.length - 1] as PlannedStage;
  if (target === undefined || target === '') return last;
  const wanted = target.toLowerCase();
  // The last stage with the name wins, as for FROM references.
  const found = [...stages].reverse().find((s) => s.name === wanted);
  if (found) return found;
  const names = stages.flatMap((s) => (s.name === null ? [] : [s.name]));
  throw new EngineError('build', withSuggestion(`target stage ${JSON.stringify(target)} could not be found`, target, names, true));
}

/** Stages the target depends on, dependencies before dependants. */
function reachable(stages: readonly PlannedStage[], target: PlannedStage): number[] {
  const order: number[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (stage: PlannedStage): void => {
    const seen = state.get(stage.index);
    if (seen === 'done') return;
    if (seen === 'visiting') throw new EngineError('build', `circular dependency detected on stage: ${stage.displayName}`);
    state.set(stage.index, 'visiting');
    const deps: number[] = [];
    if (stage.base.kind === 'stage') deps.push(stage.base.index);
    for (const source of stage.sources) if (source.kind === 'stage') deps.push(source.index);
    for (const dep of deps) visit(stages[dep] as PlannedStage);
    state.set(stage.index, 'done');
    order.push(stage.index);
  };
  visit(target);
  return order;
}

function wrapDockerfileErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isDockerfileError(error)) throw new EngineError('build', error.message, { cause: error });
    throw error;
  }
}
