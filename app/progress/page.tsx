import type { Metadata } from 'next';
import { ProgressDashboard } from '../_components/progress/progress-dashboard';
import { getCourse, getLessons } from '../_lib/lessons';
import type { LessonOutline } from '../_lib/progress/summary';

export const metadata: Metadata = {
  title: 'Your progress',
  description: 'Examples built and exercises passed per lesson; export, import or reset your progress.',
};

export default function ProgressPage() {
  const course = getCourse();
  const lessons: LessonOutline[] = getLessons().map((lesson) => ({
    id: lesson.id,
    title: lesson.title,
    examples: lesson.examples,
    exercises: course.lessonExercises(lesson.id).map((e) => ({ id: e.id, title: e.title, kind: e.kind })),
  }));
  return (
    <div className="page page--narrow">
      <h1>Your progress</h1>
      <p className="lede">
        What you have built and answered, lesson by lesson. It is kept in this browser only. <a href="/review/">Review the questions that are due</a>.
      </p>
      <ProgressDashboard lessons={lessons} />
    </div>
  );
}
