import { describe, expect, it } from 'vitest';
import { ContentError } from './errors';
import type { Lesson } from './lesson-schema';
import { sortLessons } from './sort-lessons';

function lesson(id: string, order: number, links: Partial<Pick<Lesson, 'previous' | 'next'>> = {}): Lesson {
  return {
    id,
    title: `Lesson ${id}`,
    order,
    summary: 'A summary.',
    previous: links.previous ?? null,
    next: links.next ?? null,
    examples: [],
    path: `content/lessons/${id}/lesson.md`,
    sections: [{ id: 'part', title: 'Part' }],
    body: '## Part\n',
  };
}

describe('sortLessons', () => {
  it('orders lessons by order, then by lesson number', () => {
    const sorted = sortLessons([lesson('3.10', 2), lesson('3.2', 2), lesson('3.1', 1)]);
    expect(sorted.map((l) => l.id)).toEqual(['3.1', '3.2', '3.10']);
  });

  it('accepts previous/next links between lessons that exist', () => {
    const sorted = sortLessons([lesson('3.2', 2, { previous: '3.1' }), lesson('3.1', 1, { next: '3.2' })]);
    expect(sorted.map((l) => l.id)).toEqual(['3.1', '3.2']);
  });

  it('reports a duplicate id across lessons, naming both files', () => {
    const copy = { ...lesson('3.1', 2), path: 'content/lessons/copy/lesson.md' };
    let error: unknown;
    try {
      sortLessons([lesson('3.1', 1), copy]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).code).toBe('duplicate-id');
    expect((error as ContentError).message).toBe(
      'content/lessons/copy/lesson.md: front matter: id: "3.1" is already used by content/lessons/3.1/lesson.md',
    );
  });

  it('reports a link to a lesson that does not exist', () => {
    expect(() => sortLessons([lesson('3.1', 1, { next: '3.2' })])).toThrow(
      'content/lessons/3.1/lesson.md: front matter: next: no lesson has id "3.2"',
    );
  });
});
