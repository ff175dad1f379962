// Lesson URLs contain a dot ("/lessons/3.1/"). next/link treats such a path as a file and drops the
// trailing slash the static export needs, so lesson links are plain anchors (full page loads).
import Link from 'next/link';
import type { Lesson } from '@/lib/content';
import { lessonHref } from '../../_lib/lessons';

type LessonLink = Pick<Lesson, 'id' | 'title'>;

/** Links to the previous and next lesson, and back to the course. */
export function LessonPager({ previous, next }: { previous: LessonLink | undefined; next: LessonLink | undefined }) {
  return (
    <nav className="lesson-pager" aria-label="Lessons">
      {previous != null ? (
        <a href={lessonHref(previous.id)} rel="prev" className="lesson-pager__link">
          <span className="lesson-pager__hint">Previous lesson</span>
          <span>
            {previous.id} {previous.title}
          </span>
        </a>
      ) : null}
      <Link href="/" className="lesson-pager__link lesson-pager__link--home">
        <span className="lesson-pager__hint">Course</span>
        <span>All lessons</span>
      </Link>
      {next != null ? (
        <a href={lessonHref(next.id)} rel="next" className="lesson-pager__link lesson-pager__link--next">
          <span className="lesson-pager__hint">Next lesson</span>
          <span>
            {next.id} {next.title}
          </span>
        </a>
      ) : null}
    </nav>
  );
}
