import type { BuildOutcome, BuildStepSummary } from '@/app/_lib/engine/api';
import { instructionOf, type BuildEvent, type BuildResult, type ImageConfig } from '@/lib/engine';

/**
 * What the build panel gets back from a build (`BuildOutcome`): the engine's result, labelled as
 * BuildKit labels the steps, with the layer each step produced, and Docker's error text when it
 * failed. Pure, so it is tested without a worker.
 */

/** Collects each step's BuildKit label (`[2/4] RUN pip install …`) from the events, in order. */
export function createStepLabels(): { listen(event: BuildEvent): void; readonly labels: readonly string[] } {
  const labels: string[] = [];
  return {
    listen(event) {
      if (event.type === 'vertex-start' && event.step !== undefined) labels.push(event.name);
    },
    labels,
  };
}

/** `FROM golang:1.21 AS builder` → `FROM`. */
function keywordOf(instruction: string): string {
  return (instruction.trim().split(/\s+/, 1)[0] ?? '').toUpperCase();
}

/**
 * The layer of each step of the final stage. BuildKit writes one history entry per instruction
 * of that stage after the base image's entries; steps are those instructions minus the
 * metadata-only ones (CMD, ENV, …, which never run as steps). So history and steps are matched
 * from the end by keyword, and each matched entry that is not `empty_layer` takes the next
 * diffID from the end.
 */
export function stepLayers(result: Pick<BuildResult, 'steps' | 'layers'>, config: Pick<ImageConfig, 'history' | 'rootfs'>): Map<number, { diffId: string; size: number }> {
  const out = new Map<number, { diffId: string; size: number }>();
  const steps = result.steps;
  const last = steps[steps.length - 1];
  if (last === undefined) return out;
  const target: number[] = [];
  steps.forEach((step, i) => {
    if (step.stage === last.stage && keywordOf(step.instruction) !== 'FROM') target.push(i);
  });
  const sizes = new Map(result.layers.map((layer) => [layer.diffId as string, layer.size]));
  const history = config.history ?? [];
  const diffIds = config.rootfs.diff_ids;
  let s = target.length - 1;
  let layer = diffIds.length - 1;
  for (let h = history.length - 1; h >= 0 && s >= 0; h--) {
    const entry = history[h];
    if (entry === undefined) continue;
    const empty = entry.empty_layer === true;
    const step = target[s] as number;
    if (instructionOf(entry.created_by).keyword === keywordOf((steps[step] as BuildResult['steps'][number]).instruction)) {
      const diffId = diffIds[layer];
      if (!empty && diffId !== undefined) out.set(step, { diffId, size: sizes.get(diffId) ?? 0 });
      s--;
    }
    if (!empty) layer--;
  }
  return out;
}

export function stepSummaries(result: Pick<BuildResult, 'steps' | 'layers'>, labels: readonly string[], config?: Pick<ImageConfig, 'history' | 'rootfs'>): BuildStepSummary[] {
  const layers = config !== undefined ? stepLayers(result, config) : new Map<number, { diffId: string; size: number }>();
  return result.steps.map((step, i) => {
    const layer = layers.get(i);
    return {
      label: labels[i] ?? step.instruction,
      instruction: step.instruction,
      // BuildKit names no stage in a single-stage build (`[2/4]`, not `[stage-0 2/4]`).
      stage: result.steps.some((other) => other.stage !== step.stage) ? step.stage : null,
      cached: step.cached,
      simulatedSeconds: step.simulatedSeconds,
      realMs: step.realMs,
      ...(layer !== undefined ? { layer } : {}),
    };
  });
}

/**
 * Docker's error text from what a failed build printed: the failed step's log block
 * (`------\n > [2/3] RUN …:`), the Dockerfile snippet and `ERROR: failed to build: …`.
 */
export function errorTextOf(printed: string): string {
  const error = printed.lastIndexOf('ERROR: failed to build');
  if (error < 0) return printed.trim();
  const block = printed.lastIndexOf('------\n > ', error);
  return printed.slice(block >= 0 ? block : error).trimEnd();
}

/** The part of an outcome kept for the next build of the same tag ("5 min → 5 s"). */
export type PreviousBuild = NonNullable<BuildOutcome['previous']>;

export function previousOf(outcome: BuildOutcome): PreviousBuild {
  return { simulatedSeconds: outcome.simulatedSeconds, realMs: outcome.realMs, steps: outcome.steps };
}
