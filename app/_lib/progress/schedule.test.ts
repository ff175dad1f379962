import { describe, expect, it } from 'vitest';
import { formatDue, ratingFor, replayCard, reviewItems, reviewQueue, RETRY_WINDOW_MS } from './schedule';
import type { Attempt } from './types';

const T0 = Date.parse('2026-01-10T09:00:00Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function a(at: number, overrides: Partial<Attempt> = {}): Attempt {
  return {
    exerciseId: '3.1/fill-1',
    lesson: '3.1',
    kind: 'fill-in',
    at,
    response: 'layers',
    score: 1,
    max: 1,
    passed: true,
    feedback: [],
    hintsShown: 0,
    mode: 'practice',
    ...overrides,
  };
}
const wrong = (at: number, overrides: Partial<Attempt> = {}) => a(at, { passed: false, score: 0, ...overrides });

describe('rating of an answer', () => {
  it('maps wrong to Again, a first-try pass to Good, retries, hints and low scores to Hard', () => {
    expect(ratingFor(wrong(T0), [], 0)).toBe(1);
    expect(ratingFor(a(T0), [], 0)).toBe(3);
    expect(ratingFor(a(T0 + MINUTE), [wrong(T0)], 0)).toBe(2);
    expect(ratingFor(a(T0, { hintsShown: 1 }), [], 0)).toBe(2);
    expect(ratingFor(a(T0, { hintsShown: 1 }), [], 1)).toBe(3); // hints revealed in an earlier sitting
    expect(ratingFor(a(T0, { score: 0.7, max: 1 }), [], 0)).toBe(2);
  });

  it('does not count a second pass in the same sitting', () => {
    expect(ratingFor(a(T0 + MINUTE), [a(T0)], 0)).toBeNull();
  });

  it('uses the student’s own rating for open answers, never the keyword score', () => {
    const open = { kind: 'open', exerciseId: '3.1/interview-1', score: 0.2, passed: false } as const;
    expect(ratingFor(a(T0, open), [], 0)).toBeNull();
    expect(ratingFor(a(T0, { ...open, selfRating: 'easy' }), [], 0)).toBe(4);
    expect(ratingFor(a(T0, { ...open, score: 1, passed: true, selfRating: 'again' }), [], 0)).toBe(1);
  });
});

describe('review cards', () => {
  it('schedules by the answer: wrong tomorrow, hard in two days, good in three', () => {
    expect(replayCard([wrong(T0)])).toMatchObject({ due: T0 + DAY, lastRating: 'again', reviews: 1 });
    expect(replayCard([a(T0, { hintsShown: 1 })])).toMatchObject({ due: T0 + 2 * DAY, lastRating: 'hard' });
    expect(replayCard([a(T0)])).toMatchObject({ due: T0 + 3 * DAY, lastRating: 'good', state: 'review', lesson: '3.1', kind: 'fill-in' });
  });

  it('treats a pass right after a wrong answer as a retry (Hard), and a later sitting afresh', () => {
    const retry = replayCard([wrong(T0), a(T0 + MINUTE)]);
    expect(retry).toMatchObject({ lastRating: 'hard', reviews: 2, due: T0 + MINUTE + 2 * DAY });
    const later = replayCard([wrong(T0), a(T0 + RETRY_WINDOW_MS + MINUTE)]);
    expect(later?.lastRating).toBe('good');
  });

  it('grows the interval with each good review on time', () => {
    const first = replayCard([a(T0)]);
    const second = replayCard([a(T0), a(T0 + 3 * DAY)]);
    const third = replayCard([a(T0), a(T0 + 3 * DAY), a(T0 + 13 * DAY)]);
    const gap = (item: typeof first) => (item ? item.due - item.lastReview : 0);
    expect(gap(second)).toBeGreaterThan(gap(first));
    expect(gap(third)).toBeGreaterThan(gap(second));
    expect(third?.reviews).toBe(3);
  });

  it('counts a lapse when a reviewed item is forgotten', () => {
    const item = replayCard([a(T0), a(T0 + 3 * DAY), wrong(T0 + 13 * DAY)]);
    expect(item).toMatchObject({ lapses: 1, lastRating: 'again', due: T0 + 15 * DAY }); // back in two days, not a week
  });

  it('is the same whatever order the attempts come in', () => {
    const list = [a(T0), wrong(T0 + 3 * DAY), a(T0 + 3 * DAY + MINUTE)];
    expect(replayCard([...list].reverse())).toEqual(replayCard(list));
  });

  it('leaves labs and unrated open answers out of the queue', () => {
    const items = reviewItems([
      a(T0, { exerciseId: '3.1/lab-layers', kind: 'lab' }),
      a(T0, { exerciseId: '3.1/interview-1', kind: 'open' }),
      a(T0, { exerciseId: '3.1/tf-1', kind: 'true-false' }),
    ]);
    expect(items.map((i) => i.exerciseId)).toEqual(['3.1/tf-1']);
  });
});

describe('review queue', () => {
  const attempts = [
    wrong(T0, { exerciseId: '3.1/tf-2', kind: 'true-false' }), // due T0 + 1 day
    a(T0, { exerciseId: '3.1/mc-1', kind: 'choice' }), // due T0 + 3 days
    a(T0, { exerciseId: '3.1/fill-1', hintsShown: 2 }), // due T0 + 2 days
  ];

  it('lists what is due now and what comes next, soonest first', () => {
    const before = reviewQueue(attempts, T0 + DAY / 2);
    expect(before.due).toEqual([]);
    expect(before.upcoming.map((i) => i.exerciseId)).toEqual(['3.1/tf-2', '3.1/fill-1', '3.1/mc-1']);
    const later = reviewQueue(attempts, T0 + 2 * DAY);
    expect(later.due.map((i) => i.exerciseId)).toEqual(['3.1/tf-2', '3.1/fill-1']);
    expect(later.upcoming.map((i) => i.exerciseId)).toEqual(['3.1/mc-1']);
  });

  it('takes an item off the due list once it is answered again', () => {
    const now = T0 + 2 * DAY;
    const answered = [...attempts, a(now - MINUTE, { exerciseId: '3.1/tf-2', kind: 'true-false' })];
    expect(reviewQueue(answered, now).due.map((i) => i.exerciseId)).toEqual(['3.1/fill-1']);
  });
});

describe('formatDue', () => {
  it('says when in words', () => {
    expect(formatDue(T0, T0)).toBe('now');
    expect(formatDue(T0 + 10 * MINUTE, T0)).toBe('in 10 minutes');
    expect(formatDue(T0 + DAY, T0)).toBe('in 1 day');
    expect(formatDue(T0 + 3 * DAY, T0)).toBe('in 3 days');
    expect(formatDue(T0 - 2 * DAY, T0)).toBe('overdue by 2 days');
    expect(formatDue(T0 + 90 * MINUTE, T0)).toBe('in 2 hours');
    expect(formatDue(T0 + DAY - MINUTE, T0)).toBe('in 1 day');
    expect(formatDue(T0 + 55 * MINUTE, T0)).toBe('in 1 hour');
  });
});
