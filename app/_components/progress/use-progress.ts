'use client';
// The student's progress as React state: every attempt, the built examples and where progress is
// kept, read again whenever it changes in this tab or another.
import { useEffect, useState } from 'react';
import { listAttempts, listBuiltExamples, progressErrorMessage, progressStorageKind, subscribeProgress, type Attempt } from '../../_lib/progress/attempts';

export interface ProgressSnapshot {
  attempts: Attempt[];
  examples: string[];
  storage: 'indexeddb' | 'memory';
  /** When it was read (ms since the epoch). */
  readAt: number;
}

export function useProgress(): { progress: ProgressSnapshot | null; error: string | null } {
  const [progress, setProgress] = useState<ProgressSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let reading = 0;
    const read = async () => {
      const ticket = ++reading;
      try {
        const [attempts, examples, storage] = await Promise.all([listAttempts(), listBuiltExamples(), progressStorageKind()]);
        if (live && ticket === reading) {
          setProgress({ attempts, examples, storage, readAt: Date.now() });
          setError(null);
        }
      } catch (e) {
        if (live) setError(progressErrorMessage(e));
      }
    };
    void read();
    const stop = subscribeProgress(() => void read());
    return () => {
      live = false;
      stop();
    };
  }, []);
  return { progress, error };
}
