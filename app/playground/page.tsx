import type { Metadata } from 'next';
import { isLabExercise } from '@/lib/content';
import { Playground } from '../_components/playground/playground';
import { renderExerciseHtml } from '../_components/quiz/exercise-html';
import { getExamples } from '../_lib/examples';
import { getCourse } from '../_lib/lessons';

export const metadata: Metadata = {
  title: 'Playground',
  description: 'Write a Dockerfile, build it in your browser, and see its layers, cache and sizes.',
};

// A static page: the example or lab to open (`?example=<id>` from a lesson's "Try it", `?lab=<id>`
// from a lab card) is read in the browser; the examples and the course's labs are known at build time.
export default function PlaygroundPage() {
  const labs = getCourse()
    .exercises.filter(isLabExercise)
    .map((exercise) => ({ exercise, html: renderExerciseHtml(exercise) }));
  return (
    <div className="page page--playground">
      <h1 className="visually-hidden">Playground</h1>
      <Playground examples={getExamples()} labs={labs} />
    </div>
  );
}
