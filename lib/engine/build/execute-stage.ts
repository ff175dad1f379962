import { isDockerfileError, type Instruction } from '@/lib/dockerfile';
import { isEngineError } from '../errors';
import { dispatch, isVertexKind } from './dispatch';
import type { StepInfo } from './events';
import { stepLabel } from './events';
import type { StepOutcome } from './layer-step';
import type { PlannedStage } from './plan';
import { formatDecimalBytes } from './progress-plain';
import { BuildError, type BuildSession, type StageState, type StepContext } from './session';
import { startStage } from './stage-base';

/**
 * Runs one stage: FROM, the base's ONBUILD triggers, then each instruction through the dispatch
 * table, emitting BuildKit's vertex events (or the classic builder's steps) and recording each
 * step's result. Any failure becomes a BuildError carrying the instruction's range.
 */

function wrap(error: unknown, ctx: { range: StepContext['range'] }): unknown {
  if (error instanceof BuildError) return error;
  if (isDockerfileError(error)) return new BuildError(error.message, error.range ?? ctx.range, { cause: error });
  if (isEngineError(error) && error.code !== 'cancelled') return new BuildError(error.message, ctx.range, { cause: error });
  return error;
}

export async function executeStage(session: BuildSession, planned: PlannedStage, singleStage: boolean): Promise<StageState> {
  const classic = session.mode === 'classic';
  const stageName = singleStage ? null : planned.displayName;
  let index = 0;
  const info = (text: string): StepInfo => ({
    stage: stageName,
    ...(session.labelPlatform !== null ? { platform: session.labelPlatform } : {}),
    index: ++index,
    total: planned.stepCount,
    instruction: text,
    classicIndex: ++session.classic.index,
    classicTotal: session.classic.total,
  });
  const record = (text: string, outcome: { cached: boolean; simulatedSeconds: number }, realMs: number) =>
    session.steps.push({ instruction: text, stage: planned.displayName, cached: outcome.cached, simulatedSeconds: outcome.simulatedSeconds, realMs });

  // FROM
  const fromText = planned.stage.from.node.original;
  const started = session.now();
  const fromVertex = planned.base.kind === 'image' || classic ? session.nextVertex() : 0;
  const fromStep = planned.base.kind !== 'scratch' || classic ? info(fromText) : null;
  let start;
  try {
    start = await startStage(session, planned);
  } catch (error) {
    throw wrap(error, { range: planned.stage.from.range });
  }
  if (fromVertex !== 0 && fromStep !== null) {
    const image = start.image;
    const name = image !== null && !classic ? `${stepLabel(fromStep)} FROM ${image.ref}@${image.digest}` : `${stepLabel(fromStep)} ${fromText}`;
    session.emit({ type: 'vertex-start', vertex: fromVertex, name, step: fromStep });
    const pulled = image !== null && image.downloadSize > 0;
    let seconds = 0;
    if (pulled && image !== null) {
      const bandwidth = session.io.clock?.bandwidthBytesPerSecond ?? 20e6;
      const total = image.layers.reduce((n, l) => n + l.size, 0) || 1;
      for (const layer of image.layers) {
        const share = Math.round((image.downloadSize * layer.size) / total);
        const layerSeconds = share / bandwidth;
        seconds += layerSeconds;
        session.emit({ type: 'vertex-progress', vertex: fromVertex, id: layer.diffId, current: share, total: share, simulatedSeconds: layerSeconds });
      }
    }
    const realMs = session.now() - started;
    if (!pulled && !classic && image !== null) session.emit({ type: 'vertex-cached', vertex: fromVertex });
    const detail = pulled && image !== null ? [`resolve ${image.ref}@${image.digest} done`, `extracting ${formatDecimalBytes(image.size)} done`] : undefined;
    const classicId = classic ? start.state.classicKey.slice(7, 19) : undefined;
    session.emit({ type: 'vertex-done', vertex: fromVertex, simulatedSeconds: seconds, realMs, ...(detail ? { detail } : {}), ...(classicId ? { classicId } : {}) });
    record(fromText, { cached: !pulled, simulatedSeconds: seconds }, realMs);
  }

  let state = start.state;
  const commands: Array<{ instruction: Instruction; trigger: boolean }> = [
    ...start.triggers.map((instruction) => ({ instruction, trigger: true })),
    ...planned.stage.commands.map((instruction) => ({ instruction, trigger: false })),
  ];
  for (const { instruction } of commands) {
    session.checkCancelled();
    const text = instruction.node.original;
    const vertexKind = isVertexKind(instruction.kind);
    const step = vertexKind || classic ? info(text) : null;
    const vertex = step !== null ? session.nextVertex() : 0;
    const ctx: StepContext = { session, stage: planned, step, vertex, text, range: instruction.range };
    if (step !== null) session.emit({ type: 'vertex-start', vertex, name: classic ? text : `${stepLabel(step)} ${text}`, step });
    const begin = session.now();
    let outcome: StepOutcome;
    try {
      outcome = await dispatch(ctx, state, instruction);
    } catch (error) {
      const wrapped = wrap(error, ctx);
      if (step !== null) session.emit({ type: 'vertex-error', vertex, message: wrapped instanceof Error ? wrapped.message : String(wrapped) });
      throw wrapped;
    }
    const realMs = session.now() - begin;
    state = outcome.state;
    if (step === null) continue;
    if (outcome.cached) session.emit({ type: 'vertex-cached', vertex, ...(outcome.classicId ? { classicId: outcome.classicId } : {}) });
    session.emit({ type: 'vertex-done', vertex, simulatedSeconds: outcome.simulatedSeconds, realMs, ...(outcome.classicId ? { classicId: outcome.classicId } : {}) });
    record(text, outcome, realMs);
  }
  return state;
}
