'use client';
// A lab opened in the playground (`/playground/?lab=<id>`, from a lesson's lab card): the worker
// sets the workspace up once (starter files, setup lines, a fresh terminal), and "Check my work"
// grades what the student did since. Which lab the workspace holds is remembered, so a reload
// keeps the student's work instead of starting the lab over.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { LabExercise } from '@/lib/content';
import type { LabResult } from '@/lib/grading';
import type { EngineApi } from '../../_lib/engine/api';
import * as progress from '../../_lib/progress/attempts';
import type { ExerciseHtml } from '../quiz/exercise-html';
import { readCurrentExample } from './example-session';

export const CURRENT_LAB_KEY = 'layerlab.playground.lab';

export interface LabInfo {
  exercise: LabExercise;
  html: ExerciseHtml;
}

export type LabPhase = 'none' | 'opening' | 'ready' | 'missing' | 'failed';

export interface LabSession {
  lab: LabInfo | null;
  /** The id the URL asks for (null without `?lab=`). */
  requested: string | null;
  phase: LabPhase;
  problem: string | null;
  checking: boolean;
  result: LabResult | null;
  /** Bumped each time the lab is (re)opened: the terminal starts afresh. */
  epoch: number;
  check(): Promise<void>;
  startOver(): Promise<void>;
}

function remembered(): string | null {
  try {
    return localStorage.getItem(CURRENT_LAB_KEY);
  } catch {
    return null;
  }
}

function remember(id: string | null): void {
  try {
    if (id === null) localStorage.removeItem(CURRENT_LAB_KEY);
    else localStorage.setItem(CURRENT_LAB_KEY, id);
  } catch {
    // Storage disabled: the lab simply opens afresh on the next visit.
  }
}

/** The lab id in the page's URL. */
export function requestedLab(search: string): string | null {
  const id = new URLSearchParams(search).get('lab');
  return id === null || id.trim() === '' ? null : id;
}

/**
 * A lab is opened afresh unless the workspace already holds it (a reload, a second visit): it was
 * the last lab opened, and no example has replaced its files since.
 */
export function shouldOpenLab(requested: string, current: string | null, example: string | null = null): boolean {
  return requested !== current || example !== null;
}

function summary(result: LabResult): string {
  return result.checks.map((c) => `${c.id}: ${c.status}`).join(', ');
}

const noSubscription = () => () => undefined;

export function useLab(engine: EngineApi | null, labs: readonly LabInfo[], onOpened: () => Promise<void>, onError: (error: unknown) => void): LabSession {
  // The URL does not change while the page lives (null while rendering on the server).
  const requested = useSyncExternalStore(noSubscription, () => requestedLab(window.location.search), () => null);
  const [state, setState] = useState<'idle' | 'opening' | 'ready' | 'failed'>('idle');
  const [failure, setFailure] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<LabResult | null>(null);
  const [epoch, setEpoch] = useState(0);
  const lab = labs.find((l) => l.exercise.id === requested) ?? null;
  const labId = lab?.exercise.id ?? null;
  // Whether this visit sets the lab up afresh, decided once when the page finds its lab (two
  // localStorage reads; the panel re-renders on every build frame).
  const afresh = useMemo(() => labId !== null && shouldOpenLab(labId, remembered(), readCurrentExample()), [labId]);
  const opened = useRef(onOpened);
  useEffect(() => {
    opened.current = onOpened;
  });

  const open = useCallback(
    async (info: LabInfo) => {
      if (!engine) return;
      setState('opening');
      setResult(null);
      setFailure(null);
      try {
        await engine.openLab(info.exercise);
        remember(info.exercise.id);
        setEpoch((n) => n + 1);
        await opened.current();
        setState('ready');
      } catch (error) {
        setState('failed');
        setFailure(`The lab could not be set up: ${error instanceof Error ? error.message : String(error)}`);
        onError(error);
      }
    },
    [engine, onError],
  );

  // Opened once per page (React may run this effect twice in development).
  const started = useRef<string | null>(null);
  useEffect(() => {
    if (!engine || lab === null || started.current === lab.exercise.id || !afresh) return;
    started.current = lab.exercise.id;
    void Promise.resolve().then(() => open(lab));
  }, [engine, lab, afresh, open]);

  const phase: LabPhase =
    requested === null ? 'none' : lab === null ? 'missing' : state === 'idle' ? (engine && !afresh ? 'ready' : 'opening') : state;
  const problem = phase === 'missing' ? `There is no lab “${requested}”.` : failure;

  const check = useCallback(async () => {
    if (!engine || lab === null || checking) return;
    setChecking(true);
    setFailure(null);
    try {
      const graded = await engine.gradeLab(lab.exercise);
      setResult(graded);
      // A check that could not run is no attempt (PrairieLearn's gradable: false).
      if (graded.gradable) {
        await progress
          .recordAttempt({
            exerciseId: lab.exercise.id,
            lesson: lab.exercise.lesson,
            kind: lab.exercise.kind,
            response: summary(graded),
            score: graded.score,
            max: graded.max,
            passed: graded.passed,
            feedback: [...graded.feedback],
            hintsShown: await progress.hintsShown(lab.exercise.id).catch(() => 0),
            mode: 'practice',
          })
          .catch(onError);
      }
    } catch (error) {
      setFailure(`Your work could not be checked: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setChecking(false);
    }
  }, [engine, lab, checking, onError]);

  const startOver = useCallback(async () => {
    if (lab !== null) await open(lab);
  }, [lab, open]);

  return { lab, requested, phase, problem, checking, result, epoch, check, startOver };
}
