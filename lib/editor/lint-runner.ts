/**
 * Keeps lint markers current while the student types: every change schedules one analysis after
 * a short pause (typing a word costs one parse, not one per key). Parse and lint of a 1,000-line
 * Dockerfile take a few milliseconds (see the test), so it runs on the main thread.
 */
import type { LintOptions } from '@/lib/dockerfile';
import { createAnalysisCache, type DockerfileAnalysis } from './analyze';

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const browserTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface LintRunnerOptions {
  onResult(analysis: DockerfileAnalysis): void;
  /** Pause after the last change before linting. Default 250 ms. */
  delayMs?: number;
  lint?: LintOptions;
  /** Shared with the hover, completion and quick-fix providers so they reuse the parse. */
  analyze?: (text: string) => DockerfileAnalysis;
  timers?: Timers;
}

export interface LintRunner {
  /** The text changed: lint it after the pause. */
  update(text: string): void;
  /** Lint the pending text now (e.g. before a build). */
  flush(): void;
  /** The analysis of `text`: the last one if it is for that text, else computed now. */
  analysisFor(text: string): DockerfileAnalysis;
  dispose(): void;
}

export function createLintRunner(options: LintRunnerOptions): LintRunner {
  const timers = options.timers ?? browserTimers;
  const delay = options.delayMs ?? 250;
  let pending: string | null = null;
  let handle: unknown = null;
  let disposed = false;
  const analysisFor = options.analyze ?? createAnalysisCache(options.lint);
  const run = () => {
    handle = null;
    if (disposed || pending === null) return;
    const text = pending;
    pending = null;
    options.onResult(analysisFor(text));
  };
  return {
    update(text) {
      if (disposed) return;
      pending = text;
      if (handle !== null) timers.clear(handle);
      handle = timers.set(run, delay);
    },
    flush() {
      if (handle !== null) timers.clear(handle);
      run();
    },
    analysisFor,
    dispose() {
      disposed = true;
      if (handle !== null) timers.clear(handle);
      handle = null;
    },
  };
}
