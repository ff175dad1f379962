// What the quiz cards compute without React: element ids, blanks, word counts, the response a
// grader takes from what the student entered, and the summary lines the result shows. Kept pure so
// unit tests cover it; the cards only hold state and draw it.
import { countBlanks, type Exercise, type QuizExercise } from '@/lib/content';

/** The card's element id: `exercise-3.1-fill-1` for `3.1/fill-1` (a `/` is not welcome in a fragment). */
export function exerciseDomId(id: string): string {
  return `exercise-${id.replace(/\//g, '-')}`;
}

export { countBlanks };

/** Words as a reader counts them: runs of non-space characters. */
export function wordCount(text: string): number {
  const words = text.trim().split(/\s+/);
  return words[0] === '' ? 0 : words.length;
}

/** What the student entered, per kind (the form's state). */
export type QuizInput =
  | { kind: 'fill-in'; blanks: readonly string[] }
  | { kind: 'true-false'; value: boolean | null }
  | { kind: 'choice'; selected: readonly string[] }
  | { kind: 'numeric'; text: string }
  | { kind: 'open'; text: string };

export function emptyInput(exercise: QuizExercise): QuizInput {
  switch (exercise.kind) {
    case 'fill-in':
      return { kind: 'fill-in', blanks: Array.from({ length: Math.max(exercise.blanks.length, countBlanks(exercise.prompt)) }, () => '') };
    case 'true-false':
      return { kind: 'true-false', value: null };
    case 'choice':
      return { kind: 'choice', selected: [] };
    case 'numeric':
      return { kind: 'numeric', text: '' };
    case 'open':
      return { kind: 'open', text: '' };
  }
}

/**
 * The response as the graders (and `layerlab grade --answer`) take it: one string per blank,
 * `true`/`false`, letters in option order (`A,C`), the number with its unit, the text.
 * Null while nothing was entered (the Check button stays disabled).
 */
export function responseOf(exercise: QuizExercise, input: QuizInput): string | string[] | null {
  switch (input.kind) {
    case 'fill-in':
      return input.blanks.every((b) => b.trim() === '') ? null : [...input.blanks];
    case 'true-false':
      return input.value === null ? null : String(input.value);
    case 'choice': {
      if (input.selected.length === 0 || exercise.kind !== 'choice') return null;
      const chosen = new Set(input.selected);
      return exercise.options
        .filter((o) => chosen.has(o.id))
        .map((o) => o.id)
        .join(',');
    }
    case 'numeric':
    case 'open':
      return input.text.trim() === '' ? null : input.text;
  }
}

/** The response as an attempt keeps it: blanks joined with ` | `. */
export function responseText(response: string | readonly string[]): string {
  return typeof response === 'string' ? response : response.join(' | ');
}

/** Toggles an option of a multiple-answer question, or picks the one of a single-answer one. */
export function choose(selected: readonly string[], id: string, multiple: boolean): string[] {
  if (!multiple) return [id];
  return selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id];
}

/** Scores shown as people write them: `1`, `0.5`, `2.33`. */
export function formatPoints(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** The verdict line announced after a check. */
export function verdictText(result: { score: number; max: number; passed: boolean }): string {
  const points = `${formatPoints(result.score)}/${formatPoints(result.max)} ${result.max === 1 ? 'point' : 'points'}`;
  if (result.passed && result.score >= result.max) return `Correct. ${points}.`;
  if (result.passed) return `Passed. ${points}.`;
  return result.score > 0 ? `Partly right. ${points}.` : `Not right yet. ${points}.`;
}

export interface KeywordCheck {
  found: number;
  total: number;
  /** `Keyword check: 2/3 concepts` */
  label: string;
}

/** The open answer's "keyword check x/y": concepts found of all the rubric's concepts. */
export function keywordCheck(concepts: { found: readonly unknown[]; missing: readonly unknown[]; negated: readonly unknown[] }): KeywordCheck {
  const found = concepts.found.length;
  const total = found + concepts.missing.length + concepts.negated.length;
  return { found, total, label: `Keyword check: ${found}/${total} concepts` };
}

/** Interview questions are the open ones and any tagged `interview`. */
export function isInterview(exercise: Exercise): boolean {
  return exercise.kind === 'open' || (exercise.tags ?? []).includes('interview');
}

/** Where a lab opens in the playground. */
export function labHref(id: string): string {
  return `/playground/?lab=${encodeURIComponent(id)}`;
}

/**
 * Feedback lines come from the graders as text with Markdown code spans (`` `-a` ``); the page
 * shows those as code and everything else as plain text (no Markdown renderer in the lesson's JS).
 */
export function splitCodeSpans(text: string): { code: boolean; text: string }[] {
  const parts: { code: boolean; text: string }[] = [];
  const pattern = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ code: false, text: text.slice(last, match.index) });
    parts.push({ code: true, text: (match[2] ?? '').trim() || (match[2] ?? '') });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ code: false, text: text.slice(last) });
  return parts;
}
