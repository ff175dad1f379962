'use client';
// What every view shares: loading data from the engine (stale answers dropped), the loading,
// empty and error states, and the "Export JSON" button.
import { useEffect, useEffectEvent, useState, type ReactNode } from 'react';
import { downloadJson, exportFileName } from './export-json';
import styles from './viz.module.css';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string };

/** The message of whatever a rejected engine call threw (Comlink passes Errors through). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'The engine could not answer.';
}

/**
 * Loads `load()` whenever `key` changes (and on `reload()`); answers to an older key are dropped,
 * so a slow answer never replaces a newer one. `key` null means "nothing to load".
 */
export function useEngineData<T>(key: string | null, load: () => Promise<T>): { state: Loaded<T>; reload(): void } {
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<{ key: string; state: Loaded<T> } | null>(null);
  const run = useEffectEvent(() => load());
  const current = key === null ? null : `${key}\u0000${attempt}`;
  useEffect(() => {
    if (current === null) return;
    let live = true;
    run().then(
      (data) => live && setAnswer({ key: current, state: { status: 'ready', data } }),
      (error: unknown) => live && setAnswer({ key: current, state: { status: 'error', message: errorMessage(error) } }),
    );
    return () => {
      live = false;
    };
  }, [current]);
  const state: Loaded<T> = answer !== null && answer.key === current ? answer.state : { status: 'loading' };
  return { state, reload: () => setAttempt((n) => n + 1) };
}

export function LoadingState({ children }: { children: ReactNode }) {
  return (
    <p className={styles.status} role="status">
      <span className={styles.spinner} aria-hidden="true" />
      {children}
    </p>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className={styles.empty}>{children}</p>;
}

export function ErrorState({ title, message, onRetry }: { title: string; message: string; onRetry?: () => void }) {
  return (
    <div className={styles.error} role="alert">
      <p className={styles.errorTitle}>{title}</p>
      <pre className={styles.errorText}>{message}</pre>
      {onRetry !== undefined && (
        <button type="button" className={styles.button} onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Renders `children(data)` when ready, and the loading and error states otherwise. */
export function Load<T>({ state, what, onRetry, children }: { state: Loaded<T>; what: string; onRetry?: () => void; children: (data: T) => ReactNode }) {
  if (state.status === 'loading') return <LoadingState>Loading {what}…</LoadingState>;
  if (state.status === 'error') return <ErrorState title={`Could not load ${what}`} message={state.message} {...(onRetry ? { onRetry } : {})} />;
  return <>{children(state.data)}</>;
}

/** Downloads `data()` as `<subject>.<view>.json`, pretty-printed. */
export function ExportButton({ subject, view, data, disabled }: { subject: string; view: string; data: () => unknown; disabled?: boolean }) {
  return (
    <button type="button" className={styles.button} disabled={disabled} onClick={() => downloadJson(data(), exportFileName(subject, view))}>
      Export JSON
    </button>
  );
}

/**
 * A wide or long table's scroll box: a labelled region that takes focus, so a keyboard can
 * scroll it (axe: scrollable-region-focusable).
 */
export function TableWrap({ label, tall = false, children }: { label: string; tall?: boolean; children: ReactNode }) {
  return (
    <div className={`${styles.tableWrap} ${tall ? styles.tall : ''}`} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** A view's heading row: its title, a line of figures, and its actions. */
export function ViewHeader({ id, title, children }: { id: string; title: string; children?: ReactNode }) {
  return (
    <div className={styles.header}>
      <h3 id={id} className={styles.title}>
        {title}
      </h3>
      <div className={styles.actions}>{children}</div>
    </div>
  );
}
