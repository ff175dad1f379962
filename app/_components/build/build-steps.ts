// The build panel's model of a running build: BuildKit's vertices folded into a step list. Pure,
// so the panel renders whatever events the worker streamed, in order, and tests can replay them.
import type { BuildEvent } from '@/lib/engine';

export type StepStatus = 'running' | 'cached' | 'done' | 'error';

export interface StepView {
  vertex: number;
  /** BuildKit's vertex name: `[2/4] COPY requirements.txt .`, `[internal] load metadata …`. */
  name: string;
  /** Whether it is a Dockerfile instruction (internal vertices are shown quieter). */
  instruction: boolean;
  stage: string | null;
  status: StepStatus;
  simulatedSeconds: number;
  realMs: number;
  /** The last few log lines (pip's output, apt's), for the running step. */
  logs: string[];
  /** A transfer in progress (base image layers being pulled). */
  progress?: { current: number; total: number };
  error?: string;
}

export interface BuildView {
  status: 'idle' | 'running' | 'done' | 'error';
  steps: StepView[];
  warnings: string[];
  /** Stages the target does not need (BuildKit skips them). */
  skipped: string[];
  error?: string;
  imageId?: string;
  tags: string[];
  simulatedSeconds: number;
  realMs: number;
}

export const IDLE_BUILD: BuildView = { status: 'idle', steps: [], warnings: [], skipped: [], tags: [], simulatedSeconds: 0, realMs: 0 };
export const STARTED_BUILD: BuildView = { ...IDLE_BUILD, status: 'running' };

const MAX_LOG_LINES = 6;

function updateStep(view: BuildView, vertex: number, change: (step: StepView) => StepView): BuildView {
  const index = view.steps.findIndex((s) => s.vertex === vertex);
  if (index < 0) return view;
  const steps = view.steps.slice();
  steps[index] = change(steps[index] as StepView);
  return { ...view, steps };
}

/** Folds one build event into the view (returns a new object; the old one is untouched). */
export function reduceBuild(view: BuildView, event: BuildEvent): BuildView {
  switch (event.type) {
    case 'vertex-start': {
      const step: StepView = {
        vertex: event.vertex,
        name: event.name,
        instruction: event.step !== undefined,
        stage: event.step?.stage ?? null,
        status: 'running',
        simulatedSeconds: 0,
        realMs: 0,
        logs: [],
      };
      const exists = view.steps.some((s) => s.vertex === event.vertex);
      return exists ? updateStep(view, event.vertex, () => step) : { ...view, status: 'running', steps: [...view.steps, step] };
    }
    case 'vertex-log':
      return updateStep(view, event.vertex, (s) => ({
        ...s,
        simulatedSeconds: Math.max(s.simulatedSeconds, event.simulatedSeconds),
        logs: [...s.logs, ...event.text.replace(/\n$/, '').split('\n')].slice(-MAX_LOG_LINES),
      }));
    case 'vertex-progress':
      return updateStep(view, event.vertex, (s) => ({
        ...s,
        simulatedSeconds: Math.max(s.simulatedSeconds, event.simulatedSeconds),
        progress: { current: event.current, total: event.total },
      }));
    case 'vertex-cached':
      return updateStep(view, event.vertex, (s) => ({ ...s, status: 'cached', progress: undefined, logs: [] }));
    case 'vertex-done':
      return updateStep(view, event.vertex, (s) => ({
        ...s,
        status: s.status === 'cached' ? 'cached' : 'done',
        simulatedSeconds: event.simulatedSeconds,
        realMs: event.realMs,
        progress: undefined,
      }));
    case 'vertex-error':
      return updateStep(view, event.vertex, (s) => ({ ...s, status: 'error', error: event.message }));
    case 'warning':
      return { ...view, warnings: [...view.warnings, event.message] };
    case 'stage-skipped':
      return { ...view, skipped: [...view.skipped, event.stage] };
    case 'context-sent':
      return view;
    case 'build-done':
      return { ...view, status: 'done', imageId: event.imageId, tags: event.tags, simulatedSeconds: event.simulatedSeconds, realMs: event.realMs };
    case 'build-error':
      return { ...view, status: 'error', error: event.message };
  }
}

/** Instruction steps that ran from the cache, and how many instruction steps there were. */
export function cacheCounts(view: Pick<BuildView, 'steps'>): { cached: number; total: number } {
  const steps = view.steps.filter((s) => s.instruction);
  return { cached: steps.filter((s) => s.status === 'cached').length, total: steps.length };
}
