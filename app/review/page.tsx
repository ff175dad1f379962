import type { Metadata } from 'next';
import { isLabExercise } from '@/lib/content';
import { renderExerciseHtml } from '../_components/quiz/exercise-html';
import { ReviewQueue, type ReviewCatalogEntry } from '../_components/progress/review-queue';
import { getCourse, getLessons } from '../_lib/lessons';

export const metadata: Metadata = {
  title: 'Review',
  description: 'The questions due for review, scheduled by spaced repetition, answered again in place.',
};

export default function ReviewPage() {
  const catalog: Record<string, ReviewCatalogEntry> = {};
  for (const exercise of getCourse().exercises) {
    if (!isLabExercise(exercise)) catalog[exercise.id] = { exercise, html: renderExerciseHtml(exercise) };
  }
  const lessonTitles = Object.fromEntries(getLessons().map((lesson) => [lesson.id, lesson.title]));
  return (
    <div className="page page--narrow">
      <h1>Review</h1>
      <p className="lede">
        Questions you answered come back here when you are about to forget them: sooner when an answer was wrong or needed a hint, later each time you get it
        right. Written answers come back by the rating you gave yourself. <a href="/progress/">See all your progress</a>.
      </p>
      <ReviewQueue catalog={catalog} lessonTitles={lessonTitles} />
    </div>
  );
}
