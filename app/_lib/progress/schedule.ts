// The review queue (issue 7 item 4): one FSRS card per quiz exercise, replayed from the attempt
// log, so a card is always what its attempts say (an import or a reset needs no second record).
// Pure: the clock is an argument. Rating of an answer (grading-and-authoring.md §4.3):
//   wrong (not passed)                                      -> Again
//   passed after a failed try, with a hint, or below 80 %    -> Hard
//   passed on the first try without hints                   -> Good
//   open answers: the student's own rating, never the keyword score.
// Attempts less than RETRY_WINDOW_MS apart form one sitting; once a sitting has a pass, more
// answers in it do not count again (clicking "check" twice is not two reviews).
import { QUIZ_KINDS } from '@/lib/content';
import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';
import type { Attempt, SelfRating } from './types';

export const RETRY_WINDOW_MS = 60 * 60 * 1000;
const QUIZ_KIND_SET: ReadonlySet<string> = new Set(QUIZ_KINDS);

// No fuzz: the same attempts give the same due dates, on every device and in tests. No short-term
// learning steps (1 and 10 minutes): a lesson's questions come back after days, not in the middle
// of the lesson — a wrong answer is due the next day, a first-try pass three days later.
const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });

const SELF_RATINGS: Record<SelfRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

export type ReviewRating = 'again' | 'hard' | 'good' | 'easy';
const RATING_NAMES: Record<Grade, ReviewRating> = { [Rating.Again]: 'again', [Rating.Hard]: 'hard', [Rating.Good]: 'good', [Rating.Easy]: 'easy' };

export interface ReviewItem {
  exerciseId: string;
  lesson: string;
  kind: string;
  /** When it is next due, ms since the epoch. */
  due: number;
  /** Answers that counted as reviews. */
  reviews: number;
  lapses: number;
  lastRating: ReviewRating;
  lastReview: number;
  state: 'learning' | 'review' | 'relearning';
}

/** The rating an answer earns, or null when it does not count as a review (see the header). */
export function ratingFor(attempt: Attempt, sittingBefore: readonly Attempt[], hintsBefore: number): Grade | null {
  if (attempt.kind === 'open') return attempt.selfRating ? SELF_RATINGS[attempt.selfRating] : null;
  if (sittingBefore.some((a) => a.passed)) return null;
  if (!attempt.passed) return Rating.Again;
  const share = attempt.max > 0 ? attempt.score / attempt.max : 1;
  const retried = sittingBefore.length > 0;
  const hinted = attempt.hintsShown > hintsBefore;
  return retried || hinted || share < 0.8 ? Rating.Hard : Rating.Good;
}

function stateName(state: State): ReviewItem['state'] {
  return state === State.Review ? 'review' : state === State.Relearning ? 'relearning' : 'learning';
}

/** One exercise's attempts (any order) replayed into its card; null when none counted. */
export function replayCard(attempts: readonly Attempt[]): ReviewItem | null {
  const list = [...attempts].sort((a, b) => a.at - b.at);
  let card: Card | null = null;
  let last: { rating: Grade; at: number } | null = null;
  let sittingStart = 0;
  for (let i = 0; i < list.length; i++) {
    const attempt = list[i] as Attempt;
    const previous = list[i - 1];
    if (previous && attempt.at - previous.at > RETRY_WINDOW_MS) sittingStart = i;
    const hintsBefore = list[sittingStart - 1]?.hintsShown ?? 0;
    const rating = ratingFor(attempt, list.slice(sittingStart, i), hintsBefore);
    if (rating === null) continue;
    card = scheduler.next(card ?? createEmptyCard(new Date(attempt.at)), new Date(attempt.at), rating).card;
    last = { rating, at: attempt.at };
  }
  const first = list[0];
  if (!card || !last || !first) return null;
  return {
    exerciseId: first.exerciseId,
    lesson: first.lesson,
    kind: first.kind,
    due: card.due.getTime(),
    reviews: card.reps,
    lapses: card.lapses,
    lastRating: RATING_NAMES[last.rating],
    lastReview: last.at,
    state: stateName(card.state),
  };
}

/** Cards of every quiz exercise answered, soonest due first. Labs are not reviewed. */
export function reviewItems(attempts: readonly Attempt[]): ReviewItem[] {
  const byExercise = new Map<string, Attempt[]>();
  for (const attempt of attempts) {
    if (!QUIZ_KIND_SET.has(attempt.kind)) continue;
    const list = byExercise.get(attempt.exerciseId) ?? [];
    list.push(attempt);
    byExercise.set(attempt.exerciseId, list);
  }
  return [...byExercise.values()]
    .map(replayCard)
    .filter((item): item is ReviewItem => item !== null)
    .sort((a, b) => a.due - b.due || a.exerciseId.localeCompare(b.exerciseId));
}

export interface ReviewQueue {
  /** Due now (due at or before `now`), most overdue first. */
  due: ReviewItem[];
  /** Not due yet, soonest first. */
  upcoming: ReviewItem[];
}

export function reviewQueue(attempts: readonly Attempt[], now: number): ReviewQueue {
  const items = reviewItems(attempts);
  return { due: items.filter((i) => i.due <= now), upcoming: items.filter((i) => i.due > now) };
}

/** "now", "in 10 minutes", "in 3 days", "overdue by 2 days" for a due date. */
export function formatDue(due: number, now: number): string {
  const minutes = Math.round((due - now) / 60_000);
  const span = (m: number): string => {
    const units: [number, string][] = [
      [60 * 24 * 365, 'year'],
      [60 * 24 * 30, 'month'],
      [60 * 24, 'day'],
      [60, 'hour'],
      [1, 'minute'],
    ];
    // 0.9: 23 h 59 min reads "1 day", not "24 hours".
    for (const [size, name] of units) {
      if (m >= size * 0.9) {
        const n = Math.max(1, Math.round(m / size));
        return `${n} ${name}${n === 1 ? '' : 's'}`;
      }
    }
    return 'a minute';
  };
  if (Math.abs(minutes) < 1) return 'now';
  return minutes > 0 ? `in ${span(minutes)}` : `overdue by ${span(-minutes)}`;
}
