// Build-time IO for the course: reads content/lessons/** and hands the text to lib/content.
// Runs only in server components while `next build` exports the site.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError, formatCourseIssue, loadCourse, type Course, type Lesson } from '@/lib/content';

// One read per build; `next dev` re-reads so edits to a lesson show up on reload.
const useCache = process.env.NODE_ENV === 'production';

/** All lessons in course order. Throws a ContentError (failing the build) on any authoring mistake. */
export function getLessons(): Lesson[] {
  return getCourse().lessons;
}

export function getLesson(id: string): Lesson | undefined {
  return getLessons().find((lesson) => lesson.id === id);
}

export function lessonHref(id: string): string {
  return `/lessons/${id}/`;
}

/** Every file under content/lessons, keyed by its course path (`content/lessons/3.1/lesson.md`). */
export function readCourseFiles(root = process.cwd()): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.set(path, readFileSync(join(root, path), 'utf8'));
    }
  };
  walk('content/lessons');
  return files;
}

let courseCache: Course | undefined;

/**
 * The whole course: lessons and their exercises. Throws a ContentError listing every issue (one
 * per line, `path:line: at: message`) so a broken exercise fails the build.
 */
export function getCourse(): Course {
  if (useCache && courseCache != null) return courseCache;
  const { course, issues } = loadCourse(readCourseFiles());
  if (issues.length > 0) {
    const detail = `${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${issues.map(formatCourseIssue).join('\n')}`;
    throw new ContentError('course-invalid', 'content/lessons', detail);
  }
  courseCache = course;
  return course;
}
