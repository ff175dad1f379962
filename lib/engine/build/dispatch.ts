import type { Instruction, InstructionKind } from '@/lib/dockerfile';
import { dispatchCopy } from './dispatch-copy';
import {
  dispatchArg,
  dispatchCmd,
  dispatchEntrypoint,
  dispatchEnv,
  dispatchExpose,
  dispatchHealthcheck,
  dispatchLabel,
  dispatchMaintainer,
  dispatchOnbuild,
  dispatchShell,
  dispatchStopsignal,
  dispatchUser,
  dispatchVolume,
} from './dispatch-metadata';
import { dispatchRun } from './dispatch-run';
import { dispatchWorkdir } from './dispatch-workdir';
import type { StepOutcome } from './layer-step';
import type { StageState, StepContext } from './session';

/**
 * The dispatch table (dockerfile2llb `dispatch`'s switch, as data): one handler per instruction
 * kind. FROM is not here: it starts a stage (stage-base.ts) rather than changing one.
 */
export type DispatchKind = Exclude<InstructionKind, 'from'>;
export type Handler<K extends DispatchKind> = (ctx: StepContext, state: StageState, instruction: Extract<Instruction, { kind: K }>) => Promise<StepOutcome>;

export const DISPATCH: { readonly [K in DispatchKind]: Handler<K> } = {
  run: dispatchRun,
  copy: dispatchCopy,
  add: dispatchCopy,
  workdir: dispatchWorkdir,
  env: dispatchEnv,
  arg: dispatchArg,
  label: dispatchLabel,
  user: dispatchUser,
  expose: dispatchExpose,
  cmd: dispatchCmd,
  entrypoint: dispatchEntrypoint,
  volume: dispatchVolume,
  shell: dispatchShell,
  stopsignal: dispatchStopsignal,
  healthcheck: dispatchHealthcheck,
  maintainer: dispatchMaintainer,
  onbuild: dispatchOnbuild,
};

/** Instructions that are build-graph vertices (numbered `[stage i/n]` steps in BuildKit). */
export function isVertexKind(kind: InstructionKind): boolean {
  return kind === 'run' || kind === 'copy' || kind === 'add' || kind === 'workdir';
}

export function dispatch(ctx: StepContext, state: StageState, instruction: Instruction): Promise<StepOutcome> {
  if (instruction.kind === 'from') throw new RangeError('FROM starts a stage; it is not dispatched');
  const handler = DISPATCH[instruction.kind] as Handler<DispatchKind>;
  return handler(ctx, state, instruction as Extract<Instruction, { kind: DispatchKind }>);
}
