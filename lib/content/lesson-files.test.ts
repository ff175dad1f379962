// The lessons shipped in content/lessons must parse: this is the check an author gets from `npm test`.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLesson } from './parse-lesson';
import { renderLessonHtml } from './markdown';
import { sortLessons } from './sort-lessons';

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
});
