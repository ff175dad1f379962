// Importing a content pack is all or nothing: the pack is unzipped and bounded by lib/content's
// readContentPack, then the whole course it holds is validated with loadCourse. Only a pack with
// no issue at all is handed back to replace the course; otherwise the caller gets the errors
// and keeps the course it has.
import { formatCourseIssue, loadCourse, readContentPack } from '@/lib/content';

export type PackCheck = { readonly ok: true; readonly files: Map<string, string>; readonly lessons: number; readonly exercises: number } | { readonly ok: false; readonly errors: readonly string[] };

/** At most this many errors are listed; the rest are counted. */
const MAX_LISTED = 50;

function refuse(errors: readonly string[]): PackCheck {
  const listed = errors.slice(0, MAX_LISTED);
  if (errors.length > MAX_LISTED) listed.push(`… and ${errors.length - MAX_LISTED} more`);
  return { ok: false, errors: listed };
}

export function checkContentPack(zip: Uint8Array): PackCheck {
  let read: ReturnType<typeof readContentPack>;
  try {
    read = readContentPack(zip);
  } catch (error) {
    return refuse([`not a content pack: ${error instanceof Error ? error.message : String(error)}`]);
  }
  if (read.issues.length > 0) return refuse(read.issues.map(formatCourseIssue));
  const { course, issues } = loadCourse(read.files);
  if (issues.length > 0) return refuse(issues.map(formatCourseIssue));
  if (course.lessons.length === 0) return refuse(['the pack holds no lesson (content/lessons/<id>/lesson.md)']);
  return { ok: true, files: new Map(read.files), lessons: course.lessons.length, exercises: course.exercises.length };
}
