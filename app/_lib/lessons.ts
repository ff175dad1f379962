// Build-time IO for lessons: reads content/lessons/*/lesson.md and hands the text to lib/content.
// Runs only in server components while `next build` exports the site.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLesson, sortLessons, type Lesson } from '@/lib/content';

const lessonsDir = join(process.cwd(), 'content', 'lessons');

// One read per build; `next dev` re-reads so edits to a lesson show up on reload.
const useCache = process.env.NODE_ENV === 'production';
let cache: Lesson[] | undefined;

/** All lessons in course order. Throws a ContentError (failing the build) on any authoring mistake. */
export function getLessons(): Lesson[] {
  if (useCache && cache != null) return cache;
  const lessons = readdirSync(lessonsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(lessonsDir, entry.name, 'lesson.md')))
    .map((entry) => {
      const path = `content/lessons/${entry.name}/lesson.md`;
      return parseLesson(path, readFileSync(join(process.cwd(), path), 'utf8'));
    });
  cache = sortLessons(lessons);
  return cache;
}

export function getLesson(id: string): Lesson | undefined {
  return getLessons().find((lesson) => lesson.id === id);
}

export function lessonHref(id: string): string {
  return `/lessons/${id}/`;
}
