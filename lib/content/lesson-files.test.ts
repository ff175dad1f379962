// The lessons shipped in content/lessons must parse: this is the check an author gets from `npm test`.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLesson } from './parse-lesson';
import { renderLessonHtml } from './markdown';
import { sortLessons } from './sort-lessons';
import { formatCourseIssue } from './course-issues';
import { loadCourse } from './load-course';

/** Every file under content/lessons by its course path, as app/_lib/lessons.ts reads them. */
function courseFiles(relative = 'content/lessons', files = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
    const path = `${relative}/${entry.name}`;
    if (entry.isDirectory()) courseFiles(path, files);
    else if (entry.isFile()) files.set(path, readFileSync(join(root, path), 'utf8'));
  }
  return files;
}

const root = join(import.meta.dirname, '..', '..');
const folders = readdirSync(join(root, 'content', 'lessons'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'content', 'lessons', d.name, 'lesson.md')))
  .map((d) => d.name);

describe('content/lessons', () => {
  it('has lessons', () => {
    expect(folders.length).toBeGreaterThan(0);
  });

  const lessons = folders.map((folder) => {
    const path = `content/lessons/${folder}/lesson.md`;
    return { path, text: readFileSync(join(root, path), 'utf8') };
  });

  it.each(lessons)('$path parses and renders', ({ path, text }) => {
    const lesson = parseLesson(path, text);
    const html = renderLessonHtml(lesson.body);
    for (const section of lesson.sections) expect(html).toContain(`<h2 id="${section.id}">`);
  });

  it.each(lessons)('$path offers only examples that exist in content/examples', ({ path, text }) => {
    const lesson = parseLesson(path, text);
    for (const id of lesson.examples) expect(existsSync(join(root, 'content', 'examples', id, 'example.json')), `content/examples/${id}`).toBe(true);
  });

  it('form a consistent course', () => {
    expect(() => sortLessons(lessons.map(({ path, text }) => parseLesson(path, text)))).not.toThrow();
  });

  it('3.1 covers every part of the chapter', () => {
    const lesson = parseLesson('content/lessons/3.1/lesson.md', readFileSync(join(root, 'content/lessons/3.1/lesson.md'), 'utf8'));
    expect(lesson.sections.map((s) => s.title)).toEqual([
      'What is a Docker image?',
      'Image layers',
      'Building images',
      'Pulling images',
      'Pushing images',
      'Managing images',
      'Inspecting images',
      'Image storage',
      'Real-world examples',
      'Best practices',
      'Key takeaways',
    ]);
  });

  it('load as a course with every exercise valid', () => {
    const { course, issues } = loadCourse(courseFiles());
    expect(issues.map(formatCourseIssue)).toEqual([]);
    expect(course.lessons.map((l) => l.id)).toEqual(sortLessons(lessons.map(({ path, text }) => parseLesson(path, text))).map((l) => l.id));
  });
});
