import { describe, expect, it } from 'vitest';
import { formatCourseIssue } from './course-issues';
import { fixtureCourse, LESSON_31 } from './fixtures/course';
import { loadCourse } from './load-course';

const issuesOf = (files: Map<string, string>) => loadCourse(files).issues.map(formatCourseIssue);

describe('loadCourse', () => {
  it('loads lessons in course order with their exercises', () => {
    const { course, issues } = loadCourse(fixtureCourse());
    expect(issues).toEqual([]);
    expect(course.lessons.map((l) => l.id)).toEqual(['3.1', '3.2']);
    expect(course.exercises.map((e) => e.id)).toEqual(['3.1/fill-1', '3.1/tf-1', '3.1/lab-layers', '3.2/num-1']);
    expect(course.lessonExercises('3.2').map((e) => e.id)).toEqual(['3.2/num-1']);
    expect(course.lessonExercises('9.9')).toEqual([]);
    expect(course.exercise('3.1/lab-layers')).toMatchObject({ kind: 'dockerfile', starter: { files: { 'app.py': 'print("hi")\n' } } });
    expect(course.exercise('3.1/nope')).toBeUndefined();
  });

  it('checks that section names a heading of the lesson', () => {
    const files = fixtureCourse();
    files.set('content/lessons/3.1/exercises.yaml', (files.get('content/lessons/3.1/exercises.yaml') ?? '').replace('section: image-layers', 'section: image-layer'));
    expect(issuesOf(files)).toEqual([
      'content/lessons/3.1/exercises.yaml:12: questions[0].section: no heading of lesson 3.1 has the id "image-layer" (did you mean "image-layers"?)',
    ]);
  });

  it('refuses an id used twice in the course', () => {
    const files = fixtureCourse();
    files.set('content/lessons/3.1/z-more.yaml', 'questions:\n  - { id: 3.1/tf-1, kind: true-false, title: T, prompt: P, answer: true, explanation: E }\n');
    const { course, issues } = loadCourse(files);
    expect(issues.map(formatCourseIssue)).toEqual([
      'content/lessons/3.1/z-more.yaml:2: questions[0].id: duplicate id "3.1/tf-1" (also content/lessons/3.1/exercises.yaml questions[1])',
    ]);
    expect(course.exercises.filter((e) => e.id === '3.1/tf-1')).toHaveLength(1);
  });

  it('reports a broken lesson as an issue and keeps the rest of the course', () => {
    const files = fixtureCourse();
    files.set('content/lessons/3.2/lesson.md', LESSON_31.replace('id: "3.1"', 'id: "3.2"').replace('title: "Working with Images"', 'title: 5'));
    const { course, issues } = loadCourse(files);
    expect(issues.map(formatCourseIssue)).toEqual([
      'content/lessons/3.2/lesson.md: front matter: title: expected string, received number',
      'content/lessons/3.1/lesson.md: front matter: next: no lesson has id "3.2"',
    ]);
    expect(course.lessons.map((l) => l.id)).toEqual(['3.1']);
    expect(course.lessonExercises('3.2')).toEqual([]);
  });

  it('reports exercises without a lesson and YAML errors with line and column', () => {
    const files = fixtureCourse();
    files.set('content/lessons/4.0/exercises.yaml', 'questions: []\n');
    files.set('content/lessons/3.2/more.yaml', 'questions:\n  - id: 3.2/x\n   kind: open\n');
    expect(issuesOf(files)).toEqual([
      'content/lessons/3.2/more.yaml:3:1: invalid YAML: Sequence item without - indicator',
      'content/lessons/4.0/exercises.yaml: no lesson for these exercises: content/lessons/4.0/lesson.md is missing',
    ]);
  });
});
