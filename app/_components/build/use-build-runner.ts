'use client';
// Runs builds through the engine and keeps the panel's view of the one in progress. Events can
// arrive by the thousand (pip's log lines, pull progress): they are folded into a ref and the
// panel re-renders at most once per animation frame, so a build never floods the main thread.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BuildEvent } from '@/lib/engine';
import type { BuildOutcome, BuildRequest, EngineApi } from '../../_lib/engine/api';
import { IDLE_BUILD, reduceBuild, STARTED_BUILD, type BuildView } from './build-steps';

export interface BuildRunner {
  view: BuildView;
  outcome: BuildOutcome | null;
  running: boolean;
  /** How many builds this page started (each one, at its click). */
  started: number;
  /**
   * Resolves with the outcome, or null when a build is already running. `prepare` (saving the open
   * file) runs after the panel shows the build as started, so a click is answered at once.
   */
  build(request: BuildRequest, prepare?: () => Promise<void>): Promise<BuildOutcome | null>;
  cancel(): void;
}

export function useBuildRunner(engine: EngineApi | null): BuildRunner {
  const [view, setView] = useState<BuildView>(IDLE_BUILD);
  const [outcome, setOutcome] = useState<BuildOutcome | null>(null);
  const [started, setStarted] = useState(0);
  const current = useRef<BuildView>(IDLE_BUILD);
  const frame = useRef<number | null>(null);
  const running = useRef(false);

  // After a reload the panel shows the last build the engine remembers.
  useEffect(() => {
    if (!engine) return;
    let live = true;
    engine
      .lastBuild()
      .then((last) => live && !running.current && setOutcome((shown) => shown ?? last))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [engine]);

  const flush = useCallback(() => {
    frame.current = null;
    setView(current.current);
  }, []);

  const build = useCallback(
    async (request: BuildRequest, prepare?: () => Promise<void>): Promise<BuildOutcome | null> => {
      if (!engine || running.current) return null;
      running.current = true;
      current.current = STARTED_BUILD;
      setView(STARTED_BUILD);
      setStarted((n) => n + 1);
      const onEvent = (event: BuildEvent) => {
        current.current = reduceBuild(current.current, event);
        frame.current ??= requestAnimationFrame(flush);
      };
      // The step list shows each vertex's own log lines (from the events); the plain log is the
      // terminal's business.
      const onLog = () => undefined;
      try {
        await prepare?.();
        const result = await engine.build(request, onEvent, onLog);
        current.current = { ...current.current, status: result.ok ? 'done' : 'error', error: result.error ?? current.current.error };
        setOutcome(result);
        return result;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        current.current = { ...current.current, status: 'error', error: message };
        setOutcome({ ok: false, error: message, tags: [], steps: [], simulatedSeconds: 0, realMs: 0 });
        throw error;
      } finally {
        running.current = false;
        if (frame.current !== null) cancelAnimationFrame(frame.current);
        flush();
      }
    },
    [engine, flush],
  );

  const cancel = useCallback(() => engine?.cancelBuild(), [engine]);
  return { view, outcome, running: view.status === 'running', started, build, cancel };
}
