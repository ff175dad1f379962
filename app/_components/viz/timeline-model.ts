/**
 * The build timeline: each step with its simulated and real duration, beside the same step of the
 * previous build of the tag, so "5 min → 5 s" is visible per step and in total. Steps pair by
 * stage and instruction (the n-th `RUN pip install …` of a stage with the n-th before), not by
 * position, so inserting a line does not shift every comparison.
 */
import type { BuildOutcome, BuildStepSummary } from '../../_lib/engine/api';
import { beforeAfter, formatMs, formatSeconds } from './format';

export interface TimelineRow {
  key: string;
  label: string;
  instruction: string;
  stage: string | null;
  cached: boolean;
  simulatedSeconds: number;
  realMs: number;
  /** The same step in the previous build, when there was one and it had this step. */
  previous: { cached: boolean; simulatedSeconds: number; realMs: number } | null;
}

function stepKeys(steps: readonly BuildStepSummary[]): string[] {
  const seen = new Map<string, number>();
  return steps.map((step) => {
    const base = `${step.stage ?? ''}\u0000${step.instruction.trim()}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}\u0000${n}`;
  });
}

export function timelineRows(outcome: BuildOutcome): TimelineRow[] {
  const keys = stepKeys(outcome.steps);
  const before = new Map<string, BuildStepSummary>();
  if (outcome.previous !== undefined) {
    const previousKeys = stepKeys(outcome.previous.steps);
    outcome.previous.steps.forEach((step, i) => before.set(previousKeys[i] as string, step));
  }
  return outcome.steps.map((step, i) => {
    const key = keys[i] as string;
    const prior = before.get(key);
    return {
      key,
      label: step.label,
      instruction: step.instruction,
      stage: step.stage,
      cached: step.cached,
      simulatedSeconds: step.simulatedSeconds,
      realMs: step.realMs,
      previous: prior === undefined ? null : { cached: prior.cached, simulatedSeconds: prior.simulatedSeconds, realMs: prior.realMs },
    };
  });
}

/** What a step is called: BuildKit's label (`[2/4] COPY app.py .`), with the instruction when the label lacks it. */
export function stepTitle(row: Pick<TimelineRow, 'label' | 'instruction'>): string {
  return row.label.includes(row.instruction.trim()) ? row.label : `${row.label} ${row.instruction}`.trim();
}

export interface TimelineTotals {
  simulated: string;
  real: string;
  /** `5 min → 5 s` when there is a previous build. */
  simulatedChange: string | null;
  realChange: string | null;
  cachedSteps: number;
  steps: number;
}

export function timelineTotals(outcome: BuildOutcome): TimelineTotals {
  const { previous } = outcome;
  return {
    simulated: formatSeconds(outcome.simulatedSeconds),
    real: formatMs(outcome.realMs),
    simulatedChange: previous === undefined ? null : beforeAfter(formatSeconds(previous.simulatedSeconds), formatSeconds(outcome.simulatedSeconds)),
    realChange: previous === undefined ? null : beforeAfter(formatMs(previous.realMs), formatMs(outcome.realMs)),
    cachedSteps: outcome.steps.filter((s) => s.cached).length,
    steps: outcome.steps.length,
  };
}

/** The longest simulated duration and real time over both builds: the bars' common scale. */
export function timelineScale(rows: readonly TimelineRow[]): { simulated: number; real: number } {
  let simulated = 0;
  let real = 0;
  for (const row of rows) {
    simulated = Math.max(simulated, row.simulatedSeconds, row.previous?.simulatedSeconds ?? 0);
    real = Math.max(real, row.realMs, row.previous?.realMs ?? 0);
  }
  return { simulated, real };
}
