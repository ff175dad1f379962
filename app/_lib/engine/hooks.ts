'use client';
/**
 * React's way to the engine worker. The page keeps no engine state of its own: components ask
 * the engine, and ask again when `useEngineChanges` says something changed.
 *
 *   const engine = useEngine();                       // null until the page runs in a browser
 *   useEngineChanges(['images'], () => reload());     // this tab's builds and other tabs' alike
 *   const { state, requestPersistence } = useStorageState();
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { EngineApi, EngineChange, StorageState } from './api';
import { getEngine, onEngineChange } from './client';

const noSubscription = () => () => undefined;

/** The page's engine; null during server rendering and hydration, then the one shared engine. */
export function useEngine(): EngineApi | null {
  return useSyncExternalStore(noSubscription, getEngine, () => null);
}

/**
 * Calls `callback` after each change of one of `kinds`, whichever tab made it. `erased` (all
 * data deleted) is delivered to every subscriber whatever its kinds: everything is gone.
 */
export function useEngineChanges(kinds: readonly EngineChange['kind'][], callback: (change: EngineChange) => void): void {
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  const key = [...kinds].sort().join(',');
  useEffect(() => {
    const wanted = new Set(key.split(','));
    return onEngineChange((change) => {
      if (change.kind === 'erased' || wanted.has(change.kind)) latest.current(change);
    });
  }, [key]);
}

export interface StorageStateHook {
  /** Usage, quota and whether the storage is persistent; null until first read. */
  state: StorageState | null;
  refresh(): Promise<void>;
  /** Asks the browser to keep this site's data (it may say no); refreshes the state. */
  requestPersistence(): Promise<boolean>;
}

/** The browser's storage for this site, read again after every change to the engine's data. */
export function useStorageState(): StorageStateHook {
  const engine = useEngine();
  const [state, setState] = useState<StorageState | null>(null);
  const refresh = useCallback(async () => {
    if (engine === null) return;
    setState(await engine.storage());
  }, [engine]);
  useEffect(() => {
    if (engine === null) return;
    let live = true;
    engine
      .ready()
      .then((first) => live && setState(first))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [engine]);
  useEngineChanges(['images', 'workspace'], () => void refresh().catch(() => undefined));
  const requestPersistence = useCallback(async () => {
    if (engine === null) return false;
    const granted = await engine.requestPersistence();
    await refresh();
    return granted;
  }, [engine, refresh]);
  return { state, refresh, requestPersistence };
}
