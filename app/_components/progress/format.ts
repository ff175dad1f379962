// What the progress and review pages print the same way: a link to an exercise in its lesson, and
// when something happened or is due.
import { exerciseDomId } from '../quiz/quiz-model';

/** The exercise's card on its lesson page. */
export function exerciseHref(lessonId: string, exerciseId: string): string {
  return `/lessons/${lessonId}/#${exerciseDomId(exerciseId)}`;
}

/** A time in the reader's locale: `Nov 28, 2026, 5:23 PM`. */
export function formatWhen(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
