import { describe, expect, it } from 'vitest';
import {
  checkNewPath,
  compareLessonIds,
  createExerciseFile,
  createLesson,
  deletePath,
  fileKind,
  groupByLesson,
  renameFile,
  renameLesson,
  sameFiles,
} from './course-files';

const course = new Map([
  ['content/lessons/3.1/lesson.md', '---\nid: "3.1"\ntitle: "A"\norder: 1\nprevious: null\nnext: "3.2"\n---\n'],
  ['content/lessons/3.1/exercises.yaml', 'questions:\n  - id: "3.1/tf-1"\n    kind: true-false\n  - id: 3.1/tf-2\n'],
  ['content/lessons/3.1/labs/lab-a/starter/Dockerfile', 'FROM alpine\n'],
  ['content/lessons/3.2/lesson.md', '---\nid: "3.2"\ntitle: "B"\norder: 2\nprevious: "3.1"\nnext: null\n---\n'],
  ['content/lessons/3.10/lesson.md', '---\nid: "3.10"\norder: 7\n---\n'],
]);

describe('the file list', () => {
  it('groups files by lesson in section order and tells lesson, exercise and lab files apart', () => {
    const groups = groupByLesson(course.keys());
    expect(groups.map((g) => g.lesson)).toEqual(['3.1', '3.2', '3.10']);
    expect(groups[0]).toEqual({
      lesson: '3.1',
      lessonFile: 'content/lessons/3.1/lesson.md',
      exerciseFiles: ['content/lessons/3.1/exercises.yaml'],
      otherFiles: ['content/lessons/3.1/labs/lab-a/starter/Dockerfile'],
    });
    expect(fileKind('content/lessons/3.1/labs/x.yaml')).toBe('lab-file');
    expect(compareLessonIds('3.2', '3.10')).toBeLessThan(0);
  });
});

describe('creating files', () => {
  it('refuses paths outside the course, with .. parts, or taken', () => {
    expect(checkNewPath(course, 'lessons/x.md')).toMatch(/under content\/lessons/);
    expect(checkNewPath(course, 'content/lessons/3.1/../x.md')).toMatch(/"\.\."/);
    expect(checkNewPath(course, 'content/lessons/3.1/exercises.yaml')).toMatch(/already exists/);
    expect(checkNewPath(course, 'content/lessons/3.1/labs')).toMatch(/is a folder/);
    expect(checkNewPath(course, 'content/lessons/3.1/lesson.md/x')).toMatch(/is a file/);
    expect(checkNewPath(course, 'content/lessons/3.1/more.yaml')).toBeNull();
  });

  it('adds a lesson after the last one and an exercise file named for its lesson', () => {
    const made = createLesson(course, '4.1', 'Registries');
    if ('error' in made) throw new Error(made.error);
    const text = made.files.get('content/lessons/4.1/lesson.md') ?? '';
    expect(text).toMatch(/^id: "4\.1"$/m);
    expect(text).toMatch(/^order: 8$/m);
    expect(createLesson(course, '3.1', 'x')).toEqual({ error: 'lesson 3.1 already exists' });
    expect(createLesson(course, 'four', 'x')).toHaveProperty('error');

    const file = createExerciseFile(made.files, '4.1', 'practice');
    if ('error' in file) throw new Error(file.error);
    expect(file.path).toBe('content/lessons/4.1/practice.yaml');
    expect(file.files.get(file.path)).toMatch(/id: "4\.1\/practice"/);
    expect(createExerciseFile(course, '3.1', 'Bad Name')).toHaveProperty('error');
    expect(createExerciseFile(course, '9.9', 'x')).toEqual({ error: 'there is no lesson 9.9' });
  });
});

describe('renaming and deleting', () => {
  it('renames a file without touching its text, and refuses a taken name', () => {
    const moved = renameFile(course, 'content/lessons/3.1/exercises.yaml', 'content/lessons/3.1/quiz.yaml');
    if ('error' in moved) throw new Error(moved.error);
    expect(moved.files.has('content/lessons/3.1/exercises.yaml')).toBe(false);
    expect(moved.files.get('content/lessons/3.1/quiz.yaml')).toBe(course.get('content/lessons/3.1/exercises.yaml'));
    expect(renameFile(course, 'content/lessons/3.1/exercises.yaml', 'content/lessons/3.2/lesson.md')).toHaveProperty('error');
  });

  it('moves a lesson folder and rewrites its id, its exercise ids and the links to it', () => {
    const moved = renameLesson(course, '3.1', '3.5');
    if ('error' in moved) throw new Error(moved.error);
    expect([...moved.files.keys()].filter((p) => p.includes('/3.1/'))).toEqual([]);
    expect(moved.files.get('content/lessons/3.5/lesson.md')).toMatch(/^id: "3\.5"$/m);
    expect(moved.files.get('content/lessons/3.5/exercises.yaml')).toBe('questions:\n  - id: "3.5/tf-1"\n    kind: true-false\n  - id: 3.5/tf-2\n');
    expect(moved.files.get('content/lessons/3.5/labs/lab-a/starter/Dockerfile')).toBe('FROM alpine\n');
    expect(moved.files.get('content/lessons/3.2/lesson.md')).toMatch(/^previous: "3\.5"$/m);
    expect(renameLesson(course, '3.1', '3.2')).toEqual({ error: 'lesson 3.2 already exists' });
  });

  it('deletes a file or a whole folder', () => {
    expect(deletePath(course, 'content/lessons/3.1/labs/lab-a').has('content/lessons/3.1/labs/lab-a/starter/Dockerfile')).toBe(false);
    const without = deletePath(course, 'content/lessons/3.1');
    expect([...without.keys()].some((p) => p.startsWith('content/lessons/3.1/'))).toBe(false);
    expect(without.size).toBe(2);
    expect(sameFiles(course, new Map(course))).toBe(true);
    expect(sameFiles(course, without)).toBe(false);
  });
});
