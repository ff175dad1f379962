import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readCourseFiles } from '../../_lib/lessons';
import { loadCourse, writeContentPack } from '@/lib/content';
import { createExerciseFile, createLesson, sameFiles } from './course-files';
import { checkContentPack } from './pack-import';

const lesson = '---\nid: "9.1"\ntitle: "T"\norder: 1\nsummary: "S"\nprevious: null\nnext: null\nexamples: []\n---\n\nIntro.\n\n## One\n\nText.\n';

describe('importing a content pack', () => {
  it('accepts a valid pack and gives back exactly its files', () => {
    const files = new Map([['content/lessons/9.1/lesson.md', lesson]]);
    const checked = checkContentPack(writeContentPack(files));
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(sameFiles(checked.files, files)).toBe(true);
      expect(checked.lessons).toBe(1);
    }
  });

  it('round-trips the built-in course', () => {
    const course = readCourseFiles();
    const checked = checkContentPack(writeContentPack(course));
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    if (checked.ok) expect(sameFiles(checked.files, course)).toBe(true);
  });

  it('refuses a pack whose course does not validate, listing the issues at their lines', () => {
    const files = new Map([
      ['content/lessons/9.1/lesson.md', lesson],
      ['content/lessons/9.1/exercises.yaml', 'questions:\n  - id: "9.1/tf-1"\n    kind: true-false\n    title: "T"\n    prompt: "P"\n    answer: maybe\n    explanation: "E"\n'],
    ]);
    const checked = checkContentPack(writeContentPack(files));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.join('\n')).toMatch(/^content\/lessons\/9\.1\/exercises\.yaml:6: questions\[0\]\.answer: /m);
  });

  it('refuses hostile and broken zips', () => {
    const slip = zipSync({ 'content/lessons/9.1/lesson.md': strToU8(lesson), '../../etc/passwd': strToU8('x') });
    const refused = checkContentPack(slip);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors.join('\n')).toMatch(/\.\./);
    const garbage = checkContentPack(new Uint8Array([1, 2, 3, 4, 5]));
    expect(garbage.ok).toBe(false);
    const empty = checkContentPack(zipSync({}));
    expect(empty.ok).toBe(false);
  });
});

describe('templates', () => {
  it('a new lesson and a new exercise file validate next to the built-in course', () => {
    const lessonMade = createLesson(readCourseFiles(), '9.2', 'A new lesson');
    if ('error' in lessonMade) throw new Error(lessonMade.error);
    const fileMade = createExerciseFile(lessonMade.files, '9.2', 'practice');
    if ('error' in fileMade) throw new Error(fileMade.error);
    const { course, issues } = loadCourse(fileMade.files);
    expect(issues).toEqual([]);
    expect(course.exercise('9.2/practice')?.kind).toBe('true-false');
  });
});
