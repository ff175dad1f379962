import type { z } from 'zod';
import { formatDataPath, suggestion, zodCourseIssues } from './course-issues';
import { EXERCISE_FIELD_NAMES, exerciseFileSchema, exerciseSchemas } from './exercise-schema';
import { LAB_KINDS, QUIZ_KINDS } from './exercise-types';
import type { CourseIssue, Exercise, LabExercise, LabScript } from './exercise-types';
import { readYamlSource, type YamlSource } from './yaml-source';

export interface ParseExerciseOptions {
  /** Heading ids of the exercise's lesson; when given, `section` must be one of them. */
  readonly headings?: readonly string[];
  /** Ids already used elsewhere in the course (id → where), filled as exercises are accepted. */
  readonly seenIds?: Map<string, string>;
}

export interface ParsedExerciseFile {
  /** The exercises that passed their checks, in file order (questions, then labs). */
  readonly exercises: Exercise[];
  readonly issues: CourseIssue[];
}

/** `content/lessons/3.1/exercises.yaml` → `3.1`; undefined outside a lesson folder. */
export function lessonOfPath(path: string): string | undefined {
  return /(?:^|\/)lessons\/([^/]+)\/[^/]+\.ya?ml$/.exec(path)?.[1];
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Join a relative `dir` to a folder; undefined when it climbs out of that folder. */
function resolveInside(folder: string, dir: string): string | undefined {
  const parts = folder === '' ? [] : folder.split('/');
  const depth = parts.length;
  for (const part of dir.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length <= depth) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.length > depth ? parts.join('/') : undefined;
}

type Section = 'questions' | 'labs';
type RawScript = { dir?: string; files?: Record<string, string>; commands: string[] };

interface Context {
  readonly path: string;
  readonly source: YamlSource;
  readonly lesson: string | undefined;
  readonly files: ReadonlyMap<string, string> | undefined;
  readonly headings: readonly string[] | undefined;
  readonly issues: CourseIssue[];
}

function issue(ctx: Context, at: readonly PropertyKey[], message: string): void {
  ctx.issues.push({ path: ctx.path, at: formatDataPath(at), line: ctx.source.lineOf(at), message });
}

function resolveScript(ctx: Context, at: readonly PropertyKey[], script: RawScript): LabScript {
  const files: Record<string, string> = {};
  if (script.dir != null && ctx.files != null) {
    const folder = resolveInside(folderOf(ctx.path), script.dir);
    if (folder == null) {
      issue(ctx, [...at, 'dir'], `"${script.dir}" leaves the folder of ${ctx.path}`);
    } else {
      const prefix = `${folder}/`;
      for (const [key, value] of [...ctx.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (key.startsWith(prefix)) files[key.slice(prefix.length)] = value;
      }
      if (Object.keys(files).length === 0) issue(ctx, [...at, 'dir'], `no files under ${folder}/`);
    }
  }
  Object.assign(files, script.files ?? {});
  return { ...(script.dir == null ? {} : { dir: script.dir }), files, commands: script.commands };
}

function parseItem(ctx: Context, section: Section, index: number, raw: unknown): Exercise | undefined {
  const at = [section, index];
  if (raw == null || typeof raw !== 'object' || Array.isArray(raw)) {
    issue(ctx, at, 'expected a mapping (key: value lines)');
    return undefined;
  }
  const kinds: readonly string[] = section === 'questions' ? QUIZ_KINDS : LAB_KINDS;
  const kind = (raw as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !kinds.includes(kind)) {
    const other: readonly string[] = section === 'questions' ? LAB_KINDS : QUIZ_KINDS;
    const listed = kinds.map((k) => `"${k}"`).join(', ');
    const message =
      kind === undefined
        ? `required (expected one of ${listed})`
        : typeof kind === 'string' && other.includes(kind)
          ? `"${kind}" belongs under ${section === 'questions' ? 'labs' : 'questions'}:`
          : `unknown kind ${JSON.stringify(kind)}${typeof kind === 'string' ? suggestion(kind, kinds) : ''} (expected one of ${listed})`;
    issue(ctx, [...at, 'kind'], message);
    return undefined;
  }
  const schema: z.ZodType = exerciseSchemas[kind as keyof typeof exerciseSchemas];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    ctx.issues.push(...zodCourseIssues(ctx.path, ctx.source, at, raw, parsed.error.issues, EXERCISE_FIELD_NAMES));
    return undefined;
  }
  const value = parsed.data as Record<string, unknown> & { id: string; lesson?: string };
  const idLesson = value.id.slice(0, value.id.lastIndexOf('/'));
  const lesson = ctx.lesson ?? idLesson;
  let ok = true;
  if (idLesson !== lesson) {
    issue(ctx, [...at, 'id'], `"${value.id}" does not match its folder "${lesson}" (expected "${lesson}/${value.id.slice(idLesson.length + 1)}")`);
    ok = false;
  }
  if (value.lesson != null && value.lesson !== lesson) {
    issue(ctx, [...at, 'lesson'], `"${value.lesson}" does not match its folder "${lesson}"`);
    ok = false;
  }
  const sectionId = value.section as string | undefined;
  if (sectionId != null && ctx.headings != null && !ctx.headings.includes(sectionId)) {
    issue(ctx, [...at, 'section'], `no heading of lesson ${lesson} has the id "${sectionId}"${suggestion(sectionId, ctx.headings)}`);
    ok = false;
  }
  if (!ok) return undefined;
  if (section === 'labs') {
    const before = ctx.issues.length;
    const starter = resolveScript(ctx, [...at, 'starter'], value.starter as RawScript);
    const solution = resolveScript(ctx, [...at, 'solution'], value.solution as RawScript);
    if (ctx.issues.length > before) return undefined;
    return { ...value, lesson, starter, solution } as unknown as LabExercise;
  }
  return { ...value, lesson } as unknown as Exercise;
}

/**
 * Parse one exercises file (`content/lessons/<lesson>/<name>.yaml`) with top-level `questions:`
 * (quiz kinds) and/or `labs:` (lab, dockerfile). Lab `starter.dir` / `solution.dir` are resolved
 * against the file's folder in `files` (course path → text); without `files`, only inline
 * `files:` are used. Returns the valid exercises and every issue found, never throws.
 */
export function parseExerciseFile(
  path: string,
  text: string,
  files?: ReadonlyMap<string, string>,
  options: ParseExerciseOptions = {},
): ParsedExerciseFile {
  const source = readYamlSource(text);
  const ctx: Context = { path, source, lesson: lessonOfPath(path), files, headings: options.headings, issues: [] };
  if (source.problems.length > 0) {
    for (const p of source.problems) {
      ctx.issues.push({ path, at: '', line: p.line, column: p.col, message: `invalid YAML: ${p.message}` });
    }
    return { exercises: [], issues: ctx.issues };
  }
  if (source.data == null) {
    ctx.issues.push({ path, at: '', message: 'the file is empty (expected "questions:" and/or "labs:")' });
    return { exercises: [], issues: ctx.issues };
  }
  const top = exerciseFileSchema.safeParse(source.data);
  if (!top.success) {
    const isMapping = typeof source.data === 'object' && !Array.isArray(source.data);
    if (!isMapping) ctx.issues.push({ path, at: '', line: 1, message: 'expected a mapping with "questions:" and/or "labs:"' });
    else ctx.issues.push(...zodCourseIssues(path, source, [], source.data, top.error.issues, ['questions', 'labs']));
    return { exercises: [], issues: ctx.issues };
  }
  const exercises: Exercise[] = [];
  const seen = options.seenIds ?? new Map<string, string>();
  for (const section of ['questions', 'labs'] as const) {
    (top.data[section] ?? []).forEach((raw, index) => {
      const exercise = parseItem(ctx, section, index, raw);
      if (exercise == null) return;
      const where = `${path} ${formatDataPath([section, index])}`;
      const first = seen.get(exercise.id);
      if (first != null) {
        issue(ctx, [section, index, 'id'], `duplicate id "${exercise.id}" (also ${first})`);
        return;
      }
      seen.set(exercise.id, where);
      exercises.push(exercise);
    });
  }
  return { exercises, issues: ctx.issues };
}
