// The records progress keeps (contract C3). Plain JSON values: they go into IndexedDB as they are
// and out again in an export file.

export type SelfRating = 'again' | 'hard' | 'good' | 'easy';
export type AttemptMode = 'practice' | 'test';

/** One answer to one exercise, kept with its feedback. Keyed by `exerciseId` + `at`. */
export interface Attempt {
  exerciseId: string;
  /** The lesson id (`3.1`). */
  lesson: string;
  /** The exercise kind (`fill-in`, `choice`, `open`, `lab`, …). */
  kind: string;
  /** When it was recorded, ms since the epoch (unique per exercise). */
  at: number;
  /** What the student answered (letters for choice, the text, a lab's summary). */
  response: string;
  score: number;
  max: number;
  passed: boolean;
  feedback: string[];
  /** Hints revealed when the answer was given. */
  hintsShown: number;
  mode: AttemptMode;
  /** The student's own rating of an open answer against the model answer (feeds the review queue). */
  selfRating?: SelfRating;
}

/** How many hints of an exercise the student has revealed. */
export interface HintRecord {
  exerciseId: string;
  hintsShown: number;
}

/** Everything progress holds: what an export file carries and an import merges. */
export interface ProgressData {
  attempts: Attempt[];
  hints: HintRecord[];
  /** Ids of the material's examples built in the playground. */
  examples: string[];
}

/** A failure of the progress store, in words the page can show as they are. */
export class ProgressError extends Error {
  constructor(
    readonly code: 'quota' | 'storage' | 'not-found' | 'invalid',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ProgressError';
  }
}
