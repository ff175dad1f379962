import type { QuizQuestion } from './types';

/** Points of a question: `points`, default 1, never negative or NaN. */
export function pointsOf(question: Pick<QuizQuestion, 'points'>): number {
  const points = question.points ?? 1;
  return Number.isFinite(points) && points > 0 ? points : 1;
}

/** Scores are shown with two decimals; rounding here keeps 0.1 + 0.2 from showing as 0.30000000000000004. */
export function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}

export const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
