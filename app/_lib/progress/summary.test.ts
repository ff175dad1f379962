import { describe, expect, it } from 'vitest';
import { passedExercises, summarizeLesson, type LessonOutline } from './summary';
import type { Attempt } from './types';

const lesson: LessonOutline = {
  id: '3.1',
  title: 'Working with Images',
  examples: ['layer-concept', 'multi-stage-go', 'save-load'],
  exercises: [
    { id: '3.1/fill-1', title: 'Fill in: layers', kind: 'fill-in' },
    { id: '3.1/tf-1', title: 'True or false: tags', kind: 'true-false' },
    { id: '3.1/lab-layers', title: 'Lab: layers', kind: 'lab' },
  ],
};

function a(exerciseId: string, at: number, passed: boolean, score = passed ? 1 : 0, lessonId = '3.1'): Attempt {
  return { exerciseId, lesson: lessonId, kind: 'fill-in', at, response: '', score, max: 1, passed, feedback: [], hintsShown: 0, mode: 'practice' };
}

describe('summarizeLesson', () => {
  it('counts examples built and exercises passed of the lesson’s totals', () => {
    const attempts = [a('3.1/fill-1', 2, true), a('3.1/fill-1', 1, false), a('3.1/tf-1', 3, false, 0), a('4.1/fill-1', 4, true, 1, '4.1')];
    const summary = summarizeLesson(lesson, attempts, ['layer-concept', 'other']);
    expect(summary).toMatchObject({ built: 1, examples: 3, passed: 1, exercises: 3 });
    expect(summary.rows.map((r) => [r.id, r.attempts.length, r.best, r.passed])).toEqual([
      ['3.1/fill-1', 2, 1, true],
      ['3.1/tf-1', 1, 0, false],
      ['3.1/lab-layers', 0, 0, false],
    ]);
    expect(summary.rows[0]?.attempts.map((x) => x.at)).toEqual([1, 2]);
  });

  it('keeps answers to exercises the course no longer lists, without counting them', () => {
    const summary = summarizeLesson(lesson, [a('3.1/old-question', 1, true)], []);
    expect(summary.passed).toBe(0);
    expect(summary.rows.at(-1)).toMatchObject({ id: '3.1/old-question', title: '3.1/old-question', passed: true });
  });

  it('lists passed exercises', () => {
    expect([...passedExercises([a('x', 1, false), a('y', 2, true), a('x', 3, true)])].sort()).toEqual(['x', 'y']);
  });
});
