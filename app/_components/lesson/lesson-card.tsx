// Lesson URLs contain a dot ("/lessons/3.1/"). next/link treats such a path as a file and drops the
// trailing slash the static export needs, so lesson links are plain anchors (full page loads).
import type { Lesson } from '@/lib/content';
import { lessonHref } from '../../_lib/lessons';
import { LessonProgress } from './lesson-progress';
import { SectionList } from './section-list';

/** One lesson on the home page: number, title, summary, progress and what it covers. `exercises`: the lesson's exercise ids. */
export function LessonCard({ lesson, exercises = [] }: { lesson: Lesson; exercises?: readonly string[] }) {
  const href = lessonHref(lesson.id);
  const headingId = `lesson-${lesson.id.replace(/\./g, '-')}`;
  return (
    <article className="lesson-card" aria-labelledby={headingId}>
      <p className="lesson-card__number">Lesson {lesson.id}</p>
      <h3 id={headingId} className="lesson-card__title">
        <a href={href}>{lesson.title}</a>
      </h3>
      <p className="lesson-card__summary">{lesson.summary}</p>
      <LessonProgress examples={lesson.examples} exercises={exercises} title={lesson.title} />
      <h4 className="lesson-card__sections-heading">In this lesson</h4>
      <SectionList href={href} sections={lesson.sections} className="section-list section-list--columns" />
      <p className="lesson-card__action">
        <a href={href} className="button" aria-label={`Start lesson ${lesson.id}: ${lesson.title}`}>
          Start lesson
        </a>
      </p>
    </article>
  );
}
