import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasPracticeSection, LessonBody } from '../../_components/lesson/lesson-body';
import { LessonPager } from '../../_components/lesson/lesson-pager';
import { SectionList } from '../../_components/lesson/section-list';
import { getCourse, getLesson, getLessons } from '../../_lib/lessons';

type Params = { id: string };

// A static export knows every lesson at build time; any other id is a 404.
export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return getLessons().map((lesson) => ({ id: lesson.id }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const lesson = getLesson((await params).id);
  return lesson == null ? {} : { title: `${lesson.id} ${lesson.title}`, description: lesson.summary };
}

export default async function LessonPage({ params }: { params: Promise<Params> }) {
  const lesson = getLesson((await params).id);
  if (lesson == null) notFound();
  const previous = lesson.previous == null ? undefined : getLesson(lesson.previous);
  const next = lesson.next == null ? undefined : getLesson(lesson.next);
  const exercises = getCourse().lessonExercises(lesson.id);
  const sections = hasPracticeSection(lesson.body, exercises) ? [...lesson.sections, { id: 'practice', title: 'Practice' }] : lesson.sections;
  return (
    <div className="page page--lesson">
      <article className="lesson" aria-labelledby="lesson-title">
        <header className="lesson__header">
          <p className="lesson__number">Lesson {lesson.id}</p>
          <h1 id="lesson-title">{lesson.title}</h1>
          <p className="lede">{lesson.summary}</p>
        </header>
        <nav className="toc" aria-labelledby="toc-heading">
          <h2 id="toc-heading" className="toc__heading">
            On this page
          </h2>
          <SectionList sections={sections} className="toc__list" />
        </nav>
        <LessonBody markdown={lesson.body} exercises={exercises} />
      </article>
      <LessonPager previous={previous} next={next} />
    </div>
  );
}
