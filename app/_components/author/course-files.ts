// The authoring page's course: a flat map of course paths (`content/lessons/3.1/lesson.md`) to
// text, as lib/content's loadCourse and the content packs take it. Pure functions: what the file
// list shows, and the create / rename / delete operations an instructor performs, each returning
// a new map (the old one is what the store still holds if saving fails).

export type CourseFiles = ReadonlyMap<string, string>;

export const LESSONS_ROOT = 'content/lessons/';

const LESSON_PATH = /^content\/lessons\/([^/]+)\/(.+)$/;
const LESSON_ID = /^\d+(\.\d+)*$/;
const EXERCISE_NAME = /^[a-z0-9][a-z0-9-]*$/;

export type CourseFileKind = 'lesson' | 'exercises' | 'lab-file' | 'other';

/** The lesson a path belongs to (`3.1`), or null outside `content/lessons/<id>/`. */
export function lessonOf(path: string): string | null {
  return LESSON_PATH.exec(path)?.[1] ?? null;
}

/** What a file is to the course: the lesson text, an exercise file (any `*.yaml` directly in the lesson folder), a lab's file. */
export function fileKind(path: string): CourseFileKind {
  const match = LESSON_PATH.exec(path);
  if (!match) return 'other';
  const rest = match[2] ?? '';
  if (rest === 'lesson.md') return 'lesson';
  if (!rest.includes('/') && /\.ya?ml$/.test(rest)) return 'exercises';
  return rest.includes('/') ? 'lab-file' : 'other';
}

export interface LessonGroup {
  readonly lesson: string;
  /** `lesson.md`, when the folder has one. */
  readonly lessonFile: string | null;
  readonly exerciseFiles: readonly string[];
  /** Lab starters, solutions and anything else in sub-folders. */
  readonly otherFiles: readonly string[];
}

/** Compares lesson ids as section numbers: 3.2 before 3.10. */
export function compareLessonIds(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The file list: one group per lesson folder, in course order; paths outside lessons come last under `''`. */
export function groupByLesson(paths: Iterable<string>): LessonGroup[] {
  const groups = new Map<string, { lessonFile: string | null; exerciseFiles: string[]; otherFiles: string[] }>();
  for (const path of paths) {
    const lesson = lessonOf(path) ?? '';
    let group = groups.get(lesson);
    if (!group) groups.set(lesson, (group = { lessonFile: null, exerciseFiles: [], otherFiles: [] }));
    const kind = fileKind(path);
    if (kind === 'lesson') group.lessonFile = path;
    else if (kind === 'exercises') group.exerciseFiles.push(path);
    else group.otherFiles.push(path);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : compareLessonIds(a, b)))
    .map(([lesson, g]) => ({ lesson, lessonFile: g.lessonFile, exerciseFiles: g.exerciseFiles.sort(), otherFiles: g.otherFiles.sort() }));
}

/** Why a new file path cannot be used, or null. The same rules a content pack's paths obey. */
export function checkNewPath(files: CourseFiles, path: string): string | null {
  if (!path.startsWith(LESSONS_ROOT)) return `a course file lives under ${LESSONS_ROOT}`;
  if (path.includes('\\') || path.includes('\0')) return 'use / between folders; no backslashes or NUL';
  const segments = path.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return 'no empty, "." or ".." parts';
  if (segments.some((s) => s.length > 100) || path.length > 255) return 'the path is too long';
  if (files.has(path)) return `${path} already exists`;
  // A file cannot sit where a folder is, nor a folder where a file is.
  const prefix = `${path}/`;
  for (const existing of files.keys()) {
    if (existing.startsWith(prefix)) return `${path} is a folder`;
    if (path.startsWith(`${existing}/`)) return `${existing} is a file`;
  }
  return null;
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

/** A lesson file that passes validation: front matter and one section. */
export function lessonTemplate(id: string, title: string, order: number): string {
  return [
    '---',
    `id: ${yamlString(id)}`,
    `title: ${yamlString(title)}`,
    `order: ${order}`,
    `summary: ${yamlString(`What lesson ${id} is about, in one sentence.`)}`,
    'previous: null',
    'next: null',
    'examples: []',
    '---',
    '',
    'Introduce the topic here.',
    '',
    '## First section',
    '',
    'Explain one idea per section. Exercises placed in a section name its slug (`section: first-section`).',
    '',
  ].join('\n');
}

/** An exercise file with one true/false question that passes validation. */
export function exerciseFileTemplate(lesson: string, name: string): string {
  return [
    '# Exercises: `questions:` holds quiz items (fill-in, true-false, choice, numeric, open),',
    '# `labs:` holds labs and Dockerfile tasks. Field names as in lib/content/exercise-types.ts.',
    'questions:',
    `  - id: ${yamlString(`${lesson}/${name}`)}`,
    '    kind: true-false',
    `    title: ${yamlString('True or false: layers')}`,
    `    prompt: ${yamlString('Each RUN instruction in a Dockerfile adds a layer to the image.')}`,
    '    answer: true',
    '    hints:',
    `      - ${yamlString('Look at `docker history` of an image you built.')}`,
    `    explanation: ${yamlString('RUN, COPY and ADD each add a filesystem layer; other instructions only change the config.')}`,
    '',
  ].join('\n');
}

/** Files of a new lesson folder, or why it cannot be created. */
export function createLesson(files: CourseFiles, id: string, title: string): { files: Map<string, string> } | { error: string } {
  if (!LESSON_ID.test(id)) return { error: 'a lesson id is a section number such as "3.2"' };
  if ([...files.keys()].some((p) => lessonOf(p) === id)) return { error: `lesson ${id} already exists` };
  if (title.trim() === '') return { error: 'the title must not be empty' };
  const orders = [...files.entries()].filter(([p]) => fileKind(p) === 'lesson').map(([, text]) => Number(/^order:\s*(\d+)/m.exec(text)?.[1] ?? 0));
  const next = new Map(files);
  next.set(`${LESSONS_ROOT}${id}/lesson.md`, lessonTemplate(id, title.trim(), Math.max(0, ...orders) + 1));
  return { files: next };
}

/** Adds `content/lessons/<lesson>/<name>.yaml` with the exercise template. */
export function createExerciseFile(files: CourseFiles, lesson: string, name: string): { files: Map<string, string>; path: string } | { error: string } {
  if (!EXERCISE_NAME.test(name)) return { error: 'a file name uses lower-case letters, digits and dashes' };
  if (![...files.keys()].some((p) => lessonOf(p) === lesson)) return { error: `there is no lesson ${lesson}` };
  const path = `${LESSONS_ROOT}${lesson}/${name}.yaml`;
  const problem = checkNewPath(files, path);
  if (problem) return { error: problem };
  const next = new Map(files);
  next.set(path, exerciseFileTemplate(lesson, name));
  return { files: next, path };
}

/** Renames one file; its text is unchanged. */
export function renameFile(files: CourseFiles, from: string, to: string): { files: Map<string, string> } | { error: string } {
  const text = files.get(from);
  if (text === undefined) return { error: `${from} does not exist` };
  if (from === to) return { files: new Map(files) };
  const rest = new Map(files);
  rest.delete(from);
  const problem = checkNewPath(rest, to);
  if (problem) return { error: problem };
  rest.set(to, text);
  return { files: rest };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Moves a lesson folder to a new id and rewrites what names the id: the front matter's `id`,
 * exercise ids `<old>/…` in its YAML files, and other lessons' `previous` / `next`.
 */
export function renameLesson(files: CourseFiles, from: string, to: string): { files: Map<string, string> } | { error: string } {
  if (!LESSON_ID.test(to)) return { error: 'a lesson id is a section number such as "3.2"' };
  if (from === to) return { files: new Map(files) };
  if ([...files.keys()].some((p) => lessonOf(p) === to)) return { error: `lesson ${to} already exists` };
  if (![...files.keys()].some((p) => lessonOf(p) === from)) return { error: `there is no lesson ${from}` };
  const old = escapeRegExp(from);
  const next = new Map<string, string>();
  for (const [path, text] of files) {
    if (lessonOf(path) !== from) {
      next.set(path, fileKind(path) === 'lesson' ? text.replace(new RegExp(`^((?:previous|next):\\s*["']?)${old}(["']?\\s*)$`, 'gm'), `$1${to}$2`) : text);
      continue;
    }
    const moved = `${LESSONS_ROOT}${to}/${path.slice(LESSONS_ROOT.length + from.length + 1)}`;
    let body = text;
    if (fileKind(path) === 'lesson') body = text.replace(new RegExp(`^(id:\\s*["']?)${old}(["']?\\s*)$`, 'm'), `$1${to}$2`);
    else if (fileKind(path) === 'exercises') body = text.replace(new RegExp(`^(\\s*(?:-\\s+)?id:\\s*["']?)${old}/`, 'gm'), `$1${to}/`);
    next.set(moved, body);
  }
  return { files: next };
}

/** Removes a file, or every file of a folder when `path` names one (a lesson folder, a lab). */
export function deletePath(files: CourseFiles, path: string): Map<string, string> {
  const next = new Map(files);
  next.delete(path);
  const prefix = path.endsWith('/') ? path : `${path}/`;
  for (const key of files.keys()) if (key.startsWith(prefix)) next.delete(key);
  return next;
}

/** Same paths and texts. */
export function sameFiles(a: CourseFiles, b: CourseFiles): boolean {
  if (a.size !== b.size) return false;
  for (const [path, text] of a) if (b.get(path) !== text) return false;
  return true;
}
