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
  const byExercise = new Map<string, Attempt[]>();
  for (const attempt of attempts) {
    if (attempt.lesson !== lesson.id && !lesson.exercises.some((e) => e.id === attempt.exerciseId)) continue;
    byExercise.set(attempt.exerciseId, [...(byExercise.get(attempt.exerciseId) ?? []), attempt]);
  }
  const row = (id: string, title: string, kind: string): ExerciseRow => {
    const list = (byExercise.get(id) ?? []).sort((a, b) => a.at - b.at);
    return {
      id,
      title,
      kind,
      attempts: list,
      best: list.length > 0 ? Math.max(...list.map((a) => a.score)) : 0,
      max: list.at(-1)?.max ?? 0,
      passed: list.some((a) => a.passed),
    };
  };
  const known = new Set(lesson.exercises.map((e) => e.id));
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
