import { ContentError } from './errors';
import type { Lesson } from './lesson-schema';

/**
 * Check a set of lessons against each other and return them in course order (by `order`, then by
 * id). Throws when two lessons share an id or when `previous`/`next` name a lesson that is not there.
 */
export function sortLessons(lessons: readonly Lesson[]): Lesson[] {
  const byId = new Map<string, Lesson>();
  for (const lesson of lessons) {
    const other = byId.get(lesson.id);
    if (other != null) {
      throw new ContentError('duplicate-id', lesson.path, `front matter: id: "${lesson.id}" is already used by ${other.path}`);
    }
    byId.set(lesson.id, lesson);
  }
  for (const lesson of lessons) {
    for (const key of ['previous', 'next'] as const) {
      const target = lesson[key];
      if (target != null && !byId.has(target)) {
        throw new ContentError('unknown-lesson', lesson.path, `front matter: ${key}: no lesson has id "${target}"`);
      }
    }
  }
  return [...lessons].sort((a, b) => a.order - b.order || compareIds(a.id, b.id));
}

/** "3.2" before "3.10": compare the numbers part by part. */
function compareIds(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
