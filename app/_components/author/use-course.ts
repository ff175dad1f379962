'use client';
// The course being authored: loaded from IndexedDB (seeded with the built-in course), edited in
// memory, saved as the instructor types (debounced per file), validated with lib/content's
// loadCourse a moment after the last keystroke. Whole-course changes (create, rename, delete,
// import, reset) are written in one transaction first and shown only once saved, so a failed
// write (a full quota) leaves both the page and the database as they were.
import { useCallback, useEffect, useRef, useState } from 'react';
import { loadCourse, type Course, type CourseIssue } from '@/lib/content';
import { openCourseStore, type CourseStore } from './course-store';
import { issuesByPath, type EditorIssue } from './issues';

export const VALIDATE_DELAY_MS = 250;
const SAVE_DELAY_MS = 300;

export interface CourseValidation {
  /** The files this result is for. */
  readonly files: ReadonlyMap<string, string>;
  readonly course: Course;
  readonly issues: readonly CourseIssue[];
  readonly byPath: ReadonlyMap<string, EditorIssue[]>;
}

export interface CourseState {
  /** null while the store opens. */
  readonly files: ReadonlyMap<string, string> | null;
  readonly validation: CourseValidation | null;
  /** Bumped whenever files were replaced from outside the editor. */
  readonly revision: number;
  /** Why the browser's copy cannot be saved (no IndexedDB, a full quota), if so. */
  readonly storageProblem: string | null;
  editFile(path: string, text: string): void;
  /** Saves then shows a new course; rejects (and changes nothing) when the save fails. */
  replaceCourse(files: ReadonlyMap<string, string>): Promise<void>;
  /** Back to the course the site was built with. */
  reset(): Promise<void>;
}

function describe(error: unknown): string {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') return 'the browser’s storage is full';
  return error instanceof Error ? error.message : String(error);
}

export function validate(files: ReadonlyMap<string, string>): CourseValidation {
  const { course, issues } = loadCourse(files);
  return { files, course, issues, byPath: issuesByPath(issues) };
}

export function useCourse(seed: Readonly<Record<string, string>>): CourseState {
  const [files, setFiles] = useState<ReadonlyMap<string, string> | null>(null);
  const [validation, setValidation] = useState<CourseValidation | null>(null);
  const [revision, setRevision] = useState(0);
  const [storageProblem, setStorageProblem] = useState<string | null>(null);
  const store = useRef<CourseStore | null>(null);
  const pending = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    let cancelled = false;
    openCourseStore(seed)
      .then(async (opened) => {
        const loaded = await opened.load();
        if (cancelled) return opened.close();
        store.current = opened;
        setFiles(loaded);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setStorageProblem(`Changes are not saved in this browser: ${describe(error)}.`);
        setFiles(new Map(Object.entries(seed)));
      });
    const timers = pending.current;
    return () => {
      cancelled = true;
      timers.forEach(clearTimeout);
      store.current?.close();
      store.current = null;
    };
  }, [seed]);

  useEffect(() => {
    if (files === null) return;
    const timer = setTimeout(() => setValidation(validate(files)), VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [files]);

  const editFile = useCallback((path: string, text: string) => {
    setFiles((current) => {
      if (current === null || current.get(path) === text) return current;
      return new Map(current).set(path, text);
    });
    clearTimeout(pending.current.get(path));
    pending.current.set(
      path,
      setTimeout(() => {
        pending.current.delete(path);
        store.current?.put(path, text).catch((error: unknown) => setStorageProblem(`Your last edit of ${path} was not saved: ${describe(error)}.`));
      }, SAVE_DELAY_MS),
    );
  }, []);

  const replaceCourse = useCallback(async (next: ReadonlyMap<string, string>) => {
    // The new course already holds the latest text of every file: drop the queued single writes.
    pending.current.forEach(clearTimeout);
    pending.current.clear();
    if (store.current) await store.current.replaceAll(next);
    setFiles(new Map(next));
    setRevision((r) => r + 1);
  }, []);

  const reset = useCallback(() => replaceCourse(new Map(Object.entries(seed))), [replaceCourse, seed]);

  return { files, validation, revision, storageProblem, editFile, replaceCourse, reset };
}
