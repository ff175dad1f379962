import { describe, expect, it } from 'vitest';
import { readCourseFiles } from '../../_lib/lessons';
import { formatGift, isLabExercise, loadCourse, type ChoiceExercise } from '@/lib/content';
import { gradeQuestion } from '@/lib/grading';
import { answerKey } from './answer-key';
import { createLesson } from './course-files';
import { importGiftIntoLesson, rehomeIds } from './gift-import';

/** Every set of letters a learner could give, with the score each earns: how a choice question grades. */
function choiceScores(exercise: ChoiceExercise): number[] {
  const ids = exercise.options.map((o) => o.id);
  const sets = exercise.multiple ? Array.from({ length: 2 ** ids.length - 1 }, (_, mask) => ids.filter((_, i) => ((mask + 1) >> i) & 1)) : ids.map((id) => [id]);
  return sets.map((set) => Math.round(gradeQuestion(exercise, set.join(',')).score * 100) / 100);
}

describe('rehomeIds', () => {
  it('moves ids of another lesson to the target, keeping their names', () => {
    expect(rehomeIds('// [id:3.1/tf-1] [tag:x]\n::T::Q{T}\n\n::3.1/mc-2::Q{=a ~b}\n\n// [id:9.1/own]\n::x::{T}', '9.1')).toEqual({
      text: '// [id:9.1/tf-1] [tag:x]\n::T::Q{T}\n\n::9.1/mc-2::Q{=a ~b}\n\n// [id:9.1/own]\n::x::{T}',
      moved: 2,
    });
  });
});

describe('importGiftIntoLesson', () => {
  const course = readCourseFiles();
  const { course: loaded } = loadCourse(course);
  const quiz = loaded.lessonExercises('3.1').filter((e) => !isLabExercise(e));
  const gift = formatGift(loaded.lessonExercises('3.1')).text;

  it('adds the GIFT questions to a new lesson under its ids, and the course stays valid', () => {
    const made = createLesson(course, '9.1', 'From GIFT');
    if ('error' in made) throw new Error(made.error);
    const result = importGiftIntoLesson(made.files, '9.1', gift);
    expect(result.path).toBe('content/lessons/9.1/exercises.yaml');
    expect(result.files).not.toBeNull();
    const after = loadCourse(result.files ?? new Map());
    expect(after.issues).toEqual([]);
    const imported = after.course.lessonExercises('9.1');
    expect(imported.map((e) => e.id)).toEqual(result.added);
    // Essays arrive without a rubric, which the schema requires: skipped and said why.
    expect(result.skipped.map((s) => s.id)).toEqual(['9.1/interview-1', '9.1/interview-2', '9.1/interview-3']);
    for (const skip of result.skipped) expect(skip.reason).toMatch(/rubric|explanation/);
    expect(imported.length + result.skipped.length).toBe(quiz.length);
    // Each imported question is the original under its new id: text, answers and their credit.
    for (const exercise of imported) {
      const original = quiz.find((q) => q.id === exercise.id.replace(/^9\.1\//, '3.1/'));
      expect(original, exercise.id).toBeDefined();
      if (!original) continue;
      expect([exercise.kind, exercise.title, exercise.prompt, exercise.explanation]).toEqual([original.kind, original.title, original.prompt, original.explanation]);
      // GIFT has no units: a numeric answer keeps its values and tolerances only.
      if (exercise.kind === 'numeric' && original.kind === 'numeric') expect(exercise.answers.map((a) => [a.value, a.tolerance ?? 0])).toEqual(original.answers.map((a) => [a.value, a.tolerance ?? 0]));
      // GIFT spells a choose-all question's implied weights out (33.333%): the same grades, another key.
      else if (exercise.kind === 'choice' && original.kind === 'choice') expect(choiceScores(exercise), exercise.id).toEqual(choiceScores(original));
      else expect(answerKey(exercise)).toEqual(answerKey(original));
    }
  });

  it('gives taken ids a suffix and keeps what the file already holds', () => {
    const result = importGiftIntoLesson(course, '3.1', gift);
    expect(result.files).not.toBeNull();
    expect(result.renamed.find((r) => r.from === '3.1/tf-1')).toEqual({ from: '3.1/tf-1', to: '3.1/tf-1-2' });
    const text = result.files?.get('content/lessons/3.1/exercises.yaml') ?? '';
    expect(text.startsWith((course.get('content/lessons/3.1/exercises.yaml') ?? '').split('\n')[0] ?? '')).toBe(true);
    const after = loadCourse(result.files ?? new Map());
    expect(after.issues).toEqual([]);
    expect(after.course.exercise('3.1/tf-1')).toEqual(loaded.exercise('3.1/tf-1'));
    expect(after.course.exercise('3.1/tf-1-2')?.kind).toBe('true-false');
  });

  it('imports nothing from text without questions and lists the reader’s issues', () => {
    const result = importGiftIntoLesson(course, '3.1', '::m1:: Match {=a -> b =c -> d}\n');
    expect(result.files).toBeNull();
    expect(result.issues.join('\n')).toMatch(/^line 1: /m);
  });
});
