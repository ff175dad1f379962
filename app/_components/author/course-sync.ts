// Keeps authoring tabs of one browser in step: a tab that saved a file, or replaced the whole
// course (an import, a reset, a lesson created, renamed or deleted), says so on a
// BroadcastChannel; the other tabs take the file's new text or reload the course from IndexedDB.
// Without it, a second tab kept showing (and would save back) a course that had changed under it.
import { AUTHOR_DB } from '../../_lib/database-names';

export type CourseChange =
  /** One file was saved with this text. */
  | { kind: 'file'; path: string; text: string }
  /** The whole course was replaced: read it again from the store. */
  | { kind: 'course' };

export interface CourseChannel {
  post(change: CourseChange): void;
  close(): void;
}

function isChange(data: unknown): data is CourseChange {
  if (typeof data !== 'object' || data === null) return false;
  const change = data as Record<string, unknown>;
  if (change.kind === 'course') return true;
  return change.kind === 'file' && typeof change.path === 'string' && typeof change.text === 'string';
}

/** Opens the channel; where BroadcastChannel is missing, one tab simply does not hear the others. */
export function openCourseChannel(onChange: (change: CourseChange) => void, name: string = AUTHOR_DB): CourseChannel {
  if (typeof BroadcastChannel === 'undefined') return { post() {}, close() {} };
  const channel = new BroadcastChannel(name);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isChange(event.data)) onChange(event.data);
  };
  return {
    post: (change) => channel.postMessage(change),
    close: () => channel.close(),
  };
}
