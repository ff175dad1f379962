'use client';
// The learner's quiz mode, one setting for every question on the site: practice (retries are free)
// or test (each retry costs a share of the points, as Moodle's adaptive mode with penalties does).
// Kept in localStorage so it survives reloads; every card on the page follows a change at once.
import { useSyncExternalStore } from 'react';

export type QuizMode = 'practice' | 'test';

export const QUIZ_MODE_KEY = 'layerlab.quiz-mode';
const EVENT = 'layerlab:quiz-mode';

/** The stored mode; anything unreadable is practice. */
export function readQuizMode(storage: Pick<Storage, 'getItem'> | null = safeStorage()): QuizMode {
  try {
    return storage?.getItem(QUIZ_MODE_KEY) === 'test' ? 'test' : 'practice';
  } catch {
    return 'practice';
  }
}

export function writeQuizMode(mode: QuizMode, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(QUIZ_MODE_KEY, mode);
  } catch {
    // Storage refused (privacy settings): the mode lasts until the page is left.
    memoryMode = mode;
  }
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(EVENT));
}

let memoryMode: QuizMode | null = null;

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === QUIZ_MODE_KEY) onChange();
  };
  window.addEventListener(EVENT, onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener('storage', onStorage);
  };
}

/** The learner's mode; the exported HTML (no storage) renders practice. */
export function useQuizMode(): QuizMode {
  return useSyncExternalStore(subscribe, () => memoryMode ?? readQuizMode(), () => 'practice');
}

/** "Each retry costs 10% of the points." */
export function penaltyText(penalty: number): string {
  return `each retry costs ${Math.round(penalty * 100)}% of the points`;
}
