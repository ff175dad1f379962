// GIFT into a lesson: the questions lib/content's parseGift reads are given ids of the target
// lesson (kept when free, `-2`, `-3`… when taken), each checked on its own against the exercise
// schema, and the valid ones appended to the lesson's `exercises.yaml` under `questions:` (the
// file is edited as a YAML document, so its comments and layout stay). What GIFT cannot carry
// (an essay's rubric, an explanation) makes a question invalid: it is skipped and listed.
import { Document, isMap, isSeq, parseDocument, stringify } from 'yaml';
import { formatCourseIssue, loadCourse, parseExerciseFile, parseGift, type QuizExercise } from '@/lib/content';
import { LESSONS_ROOT, type CourseFiles } from './course-files';

export interface GiftImport {
  /** The course with the questions added; null when nothing could be added. */
  readonly files: Map<string, string> | null;
  /** The exercises file written. */
  readonly path: string;
  readonly added: readonly string[];
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
  readonly skipped: readonly { readonly id: string; readonly reason: string }[];
  /** The GIFT reader's own notes (`line 12: matching questions are not supported`). */
  readonly issues: readonly string[];
}

/** The exercise as its YAML item: no `lesson` (the folder says it), no undefined fields. */
function toYamlItem(exercise: QuizExercise): Record<string, unknown> {
  const { lesson: _lesson, ...rest } = exercise;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

function freeId(lesson: string, id: string, index: number, taken: Set<string>): string {
  const name = /\/([a-z0-9][a-z0-9-]*)$/.exec(id)?.[1] ?? `gift-${index + 1}`;
  let candidate = `${lesson}/${name}`;
  for (let n = 2; taken.has(candidate); n++) candidate = `${lesson}/${name}-${n}`;
  taken.add(candidate);
  return candidate;
}

const ID_MARK = /(\[id:|^::)(\d+(?:\.\d+)*)\/([a-z0-9][a-z0-9-]*)(?=\]|::)/gm;

/**
 * Questions exported from another lesson carry its ids (`// [id:3.1/tf-1]`, or `::3.1/tf-1::`):
 * they move to the target lesson under the same name, rather than becoming `gift-N`.
 */
export function rehomeIds(gift: string, lesson: string): { text: string; moved: number } {
  let moved = 0;
  const text = gift.replace(ID_MARK, (all, mark: string, from: string, name: string) => {
    if (from === lesson) return all;
    moved++;
    return `${mark}${lesson}/${name}`;
  });
  return { text, moved };
}

export function importGiftIntoLesson(files: CourseFiles, lesson: string, gift: string): GiftImport {
  const path = `${LESSONS_ROOT}${lesson}/exercises.yaml`;
  const { text, moved } = rehomeIds(gift, lesson);
  const parsed = parseGift(text, { lesson, idPrefix: 'gift' });
  const issues = parsed.issues.map((i) => `line ${i.line}: ${i.severity}: ${i.message}`);
  if (moved > 0) issues.unshift(`${moved} question id${moved === 1 ? '' : 's'} of another lesson now in lesson ${lesson} (same names)`);
  const taken = new Set(loadCourse(files).course.exercises.map((e) => e.id));
  const renamed: { from: string; to: string }[] = [];
  const skipped: { id: string; reason: string }[] = [];
  const items: Record<string, unknown>[] = [];
  parsed.exercises.forEach((exercise, index) => {
    const id = freeId(lesson, exercise.id, index, taken);
    const item = { ...toYamlItem(exercise), id };
    const check = parseExerciseFile(`${LESSONS_ROOT}${lesson}/gift-import.yaml`, stringify({ questions: [item] }));
    if (check.issues.length > 0) {
      taken.delete(id);
      skipped.push({ id: exercise.id, reason: check.issues.map((i) => `${i.at.replace(/^questions\[0\]\.?/, '') || 'item'}: ${i.message}`).join('; ') });
      return;
    }
    if (id !== exercise.id) renamed.push({ from: exercise.id, to: id });
    items.push(item);
  });
  const empty = { files: null, path, added: [], renamed: [], skipped, issues };
  if (items.length === 0) return empty;

  const existing = files.get(path);
  // A comment-only or empty file has no mapping yet: start one (its comments are kept as they are written).
  const doc: Document = existing === undefined ? new Document({ questions: [] }) : parseDocument(existing, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    return { ...empty, issues: [...issues, `${path} has YAML errors; fix them before importing (${doc.errors[0]?.message ?? ''})`] };
  }
  if (doc.contents == null) doc.contents = doc.createNode({ questions: [] });
  if (!isMap(doc.contents)) return { ...empty, issues: [...issues, `${path} is not a mapping with "questions:"`] };
  let questions = doc.get('questions');
  if (questions == null) {
    doc.set('questions', doc.createNode([]));
    questions = doc.get('questions');
  }
  if (!isSeq(questions)) return { ...empty, issues: [...issues, `${path}: "questions" is not a list`] };
  for (const item of items) questions.add(doc.createNode(item));
  const next = new Map(files);
  next.set(path, doc.toString({ lineWidth: 0 }));
  const after = parseExerciseFile(path, next.get(path) ?? '', next);
  const left = after.issues.map(formatCourseIssue);
  return { files: next, path, added: items.map((i) => String(i.id)), renamed, skipped, issues: [...issues, ...left] };
}
