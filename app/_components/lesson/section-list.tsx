// Lesson URLs contain a dot ("/lessons/3.1/"). next/link treats such a path as a file and drops the
// trailing slash the static export needs, so lesson links are plain anchors (full page loads).
import type { LessonSection } from '@/lib/content';

/**
 * The `##` sections of a lesson as links to their headings. Pass the lesson's `href` when listing
 * them on another page; without it the links are plain fragment links on the current page.
 */
export function SectionList({ href, sections, className }: { href?: string; sections: LessonSection[]; className?: string }) {
  return (
    <ol className={className ?? 'section-list'}>
      {sections.map((section) => (
        <li key={section.id}>
          <a href={`${href ?? ''}#${section.id}`}>{section.title}</a>
        </li>
      ))}
    </ol>
  );
}
