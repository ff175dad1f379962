import { isContentError } from './errors';
import type { CourseIssue, Exercise } from './exercise-types';
import type { Lesson } from './lesson-schema';
import { collectHeadings } from './markdown';
import { parseExerciseFile } from './parse-exercises';
import { parseLesson } from './parse-lesson';
import { sortLessons } from './sort-lessons';

/** A course as loaded from its files. */
export interface Course {
  /** In course order. */
  readonly lessons: Lesson[];
  /** By lesson (course order), then file path, then order in the file. */
  readonly exercises: Exercise[];
  exercise(id: string): Exercise | undefined;
  lessonExercises(lessonId: string): Exercise[];
}

export interface LoadedCourse {
  readonly course: Course;
  /** Every problem found; the course holds only what passed. */
  readonly issues: CourseIssue[];
}

const LESSON_FILE = /^content\/lessons\/([^/]+)\/lesson\.md$/;
const EXERCISE_FILE = /^content\/lessons\/([^/]+)\/[^/]+\.ya?ml$/;

/** A ContentError's message repeats `path[:line]: `; a CourseIssue keeps them apart. */
function issueFromError(path: string, error: unknown): CourseIssue {
  if (isContentError(error)) {
    const prefix = `${error.path}${error.line != null ? `:${error.line}` : ''}: `;
    const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    return { path: error.path, at: '', ...(error.line != null ? { line: error.line } : {}), message };
  }
  return { path, at: '', message: error instanceof Error ? error.message : String(error) };
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The lessons' own order when sortLessons refuses the set (its problem is reported). */
function fallbackOrder(lessons: readonly Lesson[]): Lesson[] {
  return [...lessons].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id, 'en', { numeric: true }));
}

/**
 * Load a whole course from its files (course path → text, e.g. `content/lessons/3.1/lesson.md`,
 * `content/lessons/3.1/exercises.yaml`, `content/lessons/3.1/labs/lab-layers/starter/Dockerfile`).
 * Any `*.yaml` directly in a lesson folder is an exercises file. Never throws: a broken file is an
 * issue and is left out of the course.
 */
export function loadCourse(files: ReadonlyMap<string, string>): LoadedCourse {
  const issues: CourseIssue[] = [];
  const paths = [...files.keys()].sort(byPath);

  const parsed: Lesson[] = [];
  for (const path of paths.filter((p) => LESSON_FILE.test(p))) {
    try {
      parsed.push(parseLesson(path, files.get(path) ?? ''));
    } catch (error) {
      issues.push(issueFromError(path, error));
    }
  }
  let lessons: Lesson[];
  try {
    lessons = sortLessons(parsed);
  } catch (error) {
    issues.push(issueFromError('content/lessons', error));
    lessons = fallbackOrder(parsed);
  }
  const lessonIds = new Set(lessons.map((l) => l.id));
  const folders = new Set(paths.map((p) => LESSON_FILE.exec(p)?.[1]).filter((id) => id != null));

  const byLesson = new Map<string, Exercise[]>();
  const seenIds = new Map<string, string>();
  for (const path of paths.filter((p) => EXERCISE_FILE.test(p))) {
    const folder = EXERCISE_FILE.exec(path)?.[1] ?? '';
    if (!folders.has(folder)) {
      issues.push({ path, at: '', message: `no lesson for these exercises: content/lessons/${folder}/lesson.md is missing` });
      continue;
    }
    const lesson = lessons.find((l) => l.id === folder);
    // A broken lesson is reported already; its exercises are still checked, except `section`.
    const headings = lesson == null ? undefined : collectHeadings(lesson.body).map((h) => h.id);
    const result = parseExerciseFile(path, files.get(path) ?? '', files, { headings, seenIds });
    issues.push(...result.issues);
    if (!lessonIds.has(folder)) continue;
    const list = byLesson.get(folder) ?? [];
    list.push(...result.exercises);
    byLesson.set(folder, list);
  }

  const exercises = lessons.flatMap((l) => byLesson.get(l.id) ?? []);
  const index = new Map(exercises.map((e) => [e.id, e]));
  const course: Course = {
    lessons,
    exercises,
    exercise: (id) => index.get(id),
    lessonExercises: (lessonId) => [...(byLesson.get(lessonId) ?? [])],
  };
  return { course, issues };
}
