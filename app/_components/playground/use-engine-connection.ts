'use client';
// The playground's engine: the page's shared worker (app/_lib/engine), handed to the panes once
// it has opened its store and the workspace. Null until then, so nothing asks a closed store.
import { useEffect, useState } from 'react';
import type { EngineApi } from '../../_lib/engine/api';
import { useEngine } from '../../_lib/engine/hooks';

export interface EngineConnection {
  engine: EngineApi | null;
  /**
   * The worker as soon as it exists, before it has opened anything: for a pane that may mount
   * early and wait for its first answer (the terminal asks for its prompt), so its start overlaps
   * the engine's.
   */
  starting: EngineApi | null;
  /** Why the engine could not start (no IndexedDB, a broken store), in words. */
  error: string | null;
}

export function useEngineConnection(): EngineConnection {
  const engine = useEngine();
  const [ready, setReady] = useState<EngineApi | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (engine === null) return;
    let live = true;
    engine.ready().then(
      () => live && setReady(engine),
      (failure: unknown) => live && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      live = false;
    };
  }, [engine]);
  return { engine: ready, starting: engine, error };
}
