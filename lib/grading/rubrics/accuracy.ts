import { gradeOpen } from '../open/grade-open';
import type { OpenQuestion } from '../types';
import type { LabelledAnswer } from './3.1-labelled';

/**
 * Agreement of the keyword check with an instructor's labels (issue 7 "Accuracy of written-answer
 * grading"): the share of answers whose automatic score lies within `tolerance` of the label
 * (both as fractions of the maximum), and Pearson's correlation between the two.
 */
export interface Agreement {
  readonly count: number;
  readonly within: number;
  readonly share: number;
  readonly pearson: number;
  readonly rows: readonly { readonly category: string; readonly label: number; readonly auto: number; readonly text: string }[];
}

export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return 0;
  const mean = (v: readonly number[]) => v.slice(0, n).reduce((a, b) => a + b, 0) / n;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

export function measureAgreement(question: OpenQuestion, answers: readonly LabelledAnswer[], tolerance = 0.2): Agreement {
  const rows = answers.map((a) => {
    const result = gradeOpen(question, a.text);
    return { category: a.category, label: a.label, auto: result.max > 0 ? result.score / result.max : 0, text: a.text };
  });
  // A hair of slack so a difference of exactly 0.2 is not lost to floating point.
  const within = rows.filter((r) => Math.abs(r.auto - r.label) <= tolerance + 1e-9).length;
  return {
    count: rows.length,
    within,
    share: rows.length === 0 ? 0 : within / rows.length,
    pearson: pearson(
      rows.map((r) => r.label),
      rows.map((r) => r.auto),
    ),
    rows,
  };
}
