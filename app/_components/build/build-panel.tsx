'use client';
// The build panel: Build button, tag, "no cache", then the build as BuildKit shows it (one row per
// vertex, CACHED or DONE with its time), the summary that makes caching visible ("previous build
// 1m 13s → now 0.1s"), and a failed build's error with the Dockerfile snippet Docker prints.
import type { FormEvent } from 'react';
import type { BuildOutcome } from '../../_lib/engine/api';
import styles from './build-panel.module.css';
import { cacheCounts, type BuildView, type StepView } from './build-steps';
import { formatBytes, formatMs, formatSeconds } from './format';

export interface BuildPanelProps {
  view: BuildView;
  /** The finished build (this session's, or the last one the engine remembers). */
  outcome: BuildOutcome | null;
  tag: string;
  onTagChange(tag: string): void;
  noCache: boolean;
  onNoCacheChange(noCache: boolean): void;
  /** False until the engine is ready. */
  enabled: boolean;
  /** Builds started on this page so far: the status says which build it is about. */
  started?: number;
  onBuild(): void;
  onCancel(): void;
  /** Opens the views for the built image. */
  onShowImage?(ref: string): void;
}

export function BuildPanel({ view, outcome, tag, onTagChange, noCache, onNoCacheChange, enabled, started = 0, onBuild, onCancel, onShowImage }: BuildPanelProps) {
  const running = view.status === 'running';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!running) onBuild();
  };
  const shown = view.status === 'idle' && outcome ? outcome : view.status === 'running' ? null : outcome;
  const counts = cacheCounts(view.status === 'idle' && outcome ? { steps: outcome.steps.map(toStepView) } : view);
  return (
    <div className={styles.panel}>
      <form className={styles.controls} onSubmit={submit} aria-label="Build the image">
        <label className={styles.tag}>
          <span>Tag</span>
          <input value={tag} onChange={(e) => onTagChange(e.target.value)} spellCheck={false} autoComplete="off" placeholder="app:latest" />
        </label>
        <label className={styles.check}>
          <input type="checkbox" checked={noCache} onChange={(e) => onNoCacheChange(e.target.checked)} />
          <span>No cache</span>
        </label>
        {running ? (
          <button type="button" className={styles.secondary} onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className={styles.build} data-testid="build-button" disabled={!enabled || running} aria-keyshortcuts="Control+Enter Meta+Enter">
          {running ? 'Building…' : 'Build'}
        </button>
      </form>
      <p className={styles.hint}>
        <kbd>Ctrl</kbd>+<kbd>Enter</kbd> in the editor builds too. Times are simulated: what the same build takes with Docker.
      </p>
      <p className={styles.status} aria-live="polite" data-testid="build-status" data-status={view.status} data-build={started}>
        {statusText(view, outcome, counts)}
      </p>
      {shown?.ok ? <BuildSummary outcome={shown} counts={counts} onShowImage={onShowImage} /> : null}
      {view.steps.length > 0 ? (
        <StepList steps={view.steps} />
      ) : outcome && view.status === 'idle' ? (
        <StepList steps={outcome.steps.map(toStepView)} />
      ) : null}
      {view.warnings.length > 0 ? (
        <ul className={styles.warnings} aria-label="Build warnings">
          {view.warnings.map((w, i) => (
            <li key={i}>WARNING: {w}</li>
          ))}
        </ul>
      ) : null}
      {shown && !shown.ok ? (
        <div className={styles.error} data-testid="build-error">
          <h3>The build failed</h3>
          <pre tabIndex={0} aria-label="Build error">
            {shown.error ?? view.error ?? 'The build failed.'}
          </pre>
        </div>
      ) : null}
    </div>
  );
}

function statusText(view: BuildView, outcome: BuildOutcome | null, counts: { cached: number; total: number }): string {
  if (view.status === 'running') {
    const step = [...view.steps].reverse().find((s) => s.status === 'running');
    return step ? `Building: ${step.name}` : 'Building…';
  }
  if (!outcome) return 'Not built yet.';
  if (!outcome.ok) return 'The build failed.';
  const name = outcome.tags[0] ?? outcome.imageId?.slice(7, 19) ?? 'the image';
  return `Built ${name}: ${counts.cached} of ${counts.total} steps from the cache.`;
}

function BuildSummary({ outcome, counts, onShowImage }: { outcome: BuildOutcome; counts: { cached: number; total: number }; onShowImage?(ref: string): void }) {
  const ref = outcome.tags[0] ?? outcome.imageId;
  return (
    <div className={styles.summary} data-testid="build-summary">
      <p className={styles.times}>
        {outcome.previous ? (
          <>
            <span>
              previous build <strong>{formatSeconds(outcome.previous.simulatedSeconds)}</strong>
            </span>
            <span aria-hidden="true"> → </span>
            <span className="visually-hidden"> then </span>
            <span>
              now <strong>{formatSeconds(outcome.simulatedSeconds)}</strong>
            </span>
          </>
        ) : (
          <span>
            build <strong>{formatSeconds(outcome.simulatedSeconds)}</strong>
          </span>
        )}
      </p>
      <dl className={styles.figures}>
        <div>
          <dt>Image</dt>
          <dd>{outcome.tags.join(', ') || outcome.imageId?.slice(7, 19)}</dd>
        </div>
        {outcome.size !== undefined ? (
          <div>
            <dt>Size</dt>
            <dd>{formatBytes(outcome.size)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Cached steps</dt>
          <dd>
            {counts.cached} of {counts.total}
          </dd>
        </div>
        <div>
          <dt>Real time here</dt>
          <dd>{formatMs(outcome.realMs)}</dd>
        </div>
      </dl>
      {ref && onShowImage ? (
        <button type="button" className={styles.secondary} onClick={() => onShowImage(ref)}>
          Show layers
        </button>
      ) : null}
    </div>
  );
}

function StepList({ steps }: { steps: StepView[] }) {
  return (
    <ol className={styles.steps} aria-label="Build steps" data-testid="build-steps">
      {steps.map((step) => (
        <li key={step.vertex} className={styles.step} data-status={step.status} data-instruction={step.instruction}>
          <span className={styles.badge} data-status={step.status}>
            {step.status === 'cached' ? 'CACHED' : step.status === 'done' ? 'DONE' : step.status === 'error' ? 'ERROR' : 'RUNNING'}
          </span>
          <span className={styles.stepName}>{step.name}</span>
          <span className={styles.stepTime}>{step.status === 'done' || (step.status === 'running' && step.simulatedSeconds > 0) ? formatSeconds(step.simulatedSeconds) : ''}</span>
          {step.progress ? (
            <progress className={styles.progress} max={step.progress.total} value={step.progress.current} aria-label={`Downloading for ${step.name}`} />
          ) : null}
          {step.status === 'running' && step.logs.length > 0 ? <pre className={styles.logs}>{step.logs.join('\n')}</pre> : null}
          {step.error ? <p className={styles.stepError}>{step.error}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** A finished build's steps (from the engine's summary) in the step list's shape. */
export function toStepView(step: BuildOutcome['steps'][number], index: number): StepView {
  return {
    vertex: index,
    name: step.label.includes(step.instruction) ? step.label : `${step.label} ${step.instruction}`,
    instruction: true,
    stage: step.stage,
    status: step.cached ? 'cached' : 'done',
    simulatedSeconds: step.simulatedSeconds,
    realMs: step.realMs,
    logs: [],
  };
}
