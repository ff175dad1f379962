// Attempts, hints and progress (contract C3): every answer is kept with its feedback in the
// IndexedDB database `layerlab-progress`; changes are announced to this tab and the others.
// Light on purpose (idb only): lesson pages record attempts through it. The review queue's
// scheduler (ts-fsrs) lives in schedule.ts and is loaded by /review only.
import { PROGRESS_KEY, readProgress } from './examples';
import { notifyProgressChanged } from './notify';
import { progressBackend, syncBuiltExamples } from './store';
import { ProgressError, type Attempt, type AttemptMode, type SelfRating } from './types';
import { statusOf, type ExerciseStatus } from './summary';

export type { Attempt, AttemptMode, HintRecord, ProgressData, SelfRating } from './types';
export { ProgressError } from './types';
export { subscribeProgress } from './notify';
export { statusOf, type ExerciseStatus } from './summary';
export { progressStorageKind } from './store';

/** Share of the points a retry costs in test mode (Moodle's penalty per try). */
export const TEST_MODE_PENALTY = 0.1;

function checkAttempt(attempt: Omit<Attempt, 'at'>): void {
  const problem =
    attempt.exerciseId === ''
      ? 'exerciseId is empty'
      : !Number.isFinite(attempt.score) || !Number.isFinite(attempt.max) || attempt.max < 0
        ? 'score and max must be numbers'
        : !Number.isInteger(attempt.hintsShown) || attempt.hintsShown < 0
          ? 'hintsShown must be a whole number'
          : null;
  if (problem) throw new ProgressError('invalid', `Attempt for ${attempt.exerciseId || '(no id)'} not recorded: ${problem}`);
}

/** Keeps an attempt (stamped now) and returns it as stored. Rejects with a ProgressError ('quota' when the disk is full). */
export async function recordAttempt(attempt: Omit<Attempt, 'at'>): Promise<Attempt> {
  checkAttempt(attempt);
  const backend = await progressBackend();
  const stored = await backend.addAttempt({ ...attempt, feedback: [...attempt.feedback], at: Date.now() });
  notifyProgressChanged();
  return stored;
}

/** Every attempt, oldest first; of one exercise when `exerciseId` is given. */
export async function listAttempts(exerciseId?: string): Promise<Attempt[]> {
  return (await progressBackend()).attempts(exerciseId);
}

/** The student's rating of their latest answer to an open question (the review queue schedules by it). */
export async function rateAttempt(exerciseId: string, rating: SelfRating): Promise<void> {
  const backend = await progressBackend();
  const latest = (await backend.attempts(exerciseId)).at(-1);
  if (!latest) throw new ProgressError('not-found', `No answer to ${exerciseId} to rate yet.`);
  await backend.putAttempt({ ...latest, selfRating: rating });
  notifyProgressChanged();
}

/** Remembers that `hintsShown` hints of an exercise are revealed (the count never goes down). */
export async function recordHintShown(exerciseId: string, hintsShown: number): Promise<void> {
  const backend = await progressBackend();
  const current = (await backend.hints(exerciseId))[0]?.hintsShown ?? 0;
  if (hintsShown <= current) return;
  await backend.putHints({ exerciseId, hintsShown });
  notifyProgressChanged();
}

export async function hintsShown(exerciseId: string): Promise<number> {
  return (await (await progressBackend()).hints(exerciseId))[0]?.hintsShown ?? 0;
}

export async function exerciseStatus(exerciseId: string): Promise<ExerciseStatus | null> {
  return statusOf(await listAttempts(exerciseId));
}

/**
 * The score an attempt counts for. Practice mode: the raw score, retries are free. Test mode:
 * `penalty` (a share of max, default 0.1) is taken off per earlier attempt, never below 0.
 */
export function scoreWithPenalty(raw: number, max: number, previousAttempts: number, mode: AttemptMode, penalty: number = TEST_MODE_PENALTY): number {
  if (mode === 'practice') return raw;
  const score = raw - Math.max(0, previousAttempts) * penalty * max;
  return Math.max(0, Math.round(score * 1e9) / 1e9);
}

/** Ids of the examples built in the playground: the store's and any recorded since in localStorage. */
export async function listBuiltExamples(): Promise<string[]> {
  const backend = await progressBackend();
  const stored = await backend.examples();
  const recorded = readProgress().builtExamples;
  // Write only when localStorage holds ids the store lacks: this runs on every change notification.
  if (recorded.some((id) => !stored.includes(id)) && (await syncBuiltExamples(backend)) > 0) notifyProgressChanged();
  return [...new Set([...stored, ...recorded])].sort();
}

/** Erases all progress: attempts, hints, built examples (also the localStorage copy). */
export async function resetProgress(): Promise<void> {
  const backend = await progressBackend();
  await backend.clear();
  try {
    localStorage.removeItem(PROGRESS_KEY);
  } catch {
    // No localStorage: nothing kept there.
  }
  notifyProgressChanged();
}

/** What to show for a failure of a progress call. */
export function progressErrorMessage(error: unknown): string {
  if (error instanceof ProgressError) return error.message;
  return `Progress could not be read or saved: ${error instanceof Error ? error.message : String(error)}`;
}
