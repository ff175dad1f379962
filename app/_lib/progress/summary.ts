// Progress per lesson, computed from the attempt log and the built examples (pure; the home page,
// the lesson cards and /progress draw it).
import type { Attempt } from './types';

export interface LessonOutline {
  id: string;
  title: string;
  /** The lesson's example ids (front matter `examples`). */
  examples: readonly string[];
  /** The lesson's exercises, in lesson order. */
  exercises: readonly { id: string; title: string; kind: string }[];
}

export interface ExerciseRow {
  id: string;
  title: string;
  kind: string;
  attempts: Attempt[];
  best: number;
  max: number;
  passed: boolean;
}

export interface LessonSummary {
  built: number;
  examples: number;
  passed: number;
  exercises: number;
  /** Every exercise of the lesson, then any answered that the course no longer lists. */
  rows: ExerciseRow[];
}

export function summarizeLesson(lesson: LessonOutline, attempts: readonly Attempt[], builtExamples: readonly string[]): LessonSummary {
  const known = new Set(lesson.exercises.map((e) => e.id));
  const byExercise = new Map<string, Attempt[]>();
  for (const attempt of attempts) {
    if (attempt.lesson !== lesson.id && !known.has(attempt.exerciseId)) continue;
    const list = byExercise.get(attempt.exerciseId);
    if (list === undefined) byExercise.set(attempt.exerciseId, [attempt]);
    else list.push(attempt);
  }
  const row = (id: string, title: string, kind: string): ExerciseRow => {
    const list = (byExercise.get(id) ?? []).sort((a, b) => a.at - b.at);
    const status = statusOf(list);
    return { id, title, kind, attempts: list, best: status?.best ?? 0, max: status?.max ?? 0, passed: status?.passed ?? false };
  };
  const rows = lesson.exercises.map((e) => row(e.id, e.title, e.kind));
  for (const [id, list] of [...byExercise].sort(([a], [b]) => a.localeCompare(b))) {
    if (!known.has(id)) rows.push(row(id, id, list[0]?.kind ?? ''));
  }
  const built = new Set(builtExamples);
  return {
    built: lesson.examples.filter((id) => built.has(id)).length,
    examples: lesson.examples.length,
    passed: rows.filter((r) => known.has(r.id) && r.passed).length,
    exercises: lesson.exercises.length,
    rows,
  };
}

/** Ids of the exercises passed at least once. */
export function passedExercises(attempts: readonly Attempt[]): Set<string> {
  return new Set(attempts.filter((a) => a.passed).map((a) => a.exerciseId));
}

export interface ExerciseStatus {
  attempts: number;
  /** The best score of any attempt. */
  best: number;
  /** The points the latest attempt was out of. */
  max: number;
  /** Passed at least once. */
  passed: boolean;
}

/** Summarizes attempts of one exercise (pure: a quiz card's status and a row of the progress table). */
export function statusOf(attempts: readonly Attempt[]): ExerciseStatus | null {
  if (attempts.length === 0) return null;
  return {
    attempts: attempts.length,
    best: Math.max(...attempts.map((a) => a.score)),
    max: attempts.at(-1)?.max ?? 0,
    passed: attempts.some((a) => a.passed),
  };
}
