'use client';
// The course being authored: loaded from IndexedDB (seeded with the built-in course), edited in
// memory, saved as the instructor types (debounced per file), validated with lib/content's
// loadCourse a moment after the last keystroke. Whole-course changes (create, rename, delete,
// import, reset) are written in one transaction first and shown only once saved, so a failed
// write (a full quota) leaves both the page and the database as they were. Other authoring tabs
// hear of every save (course-sync.ts) and show it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { loadCourse, type Course, type CourseIssue } from '@/lib/content';
import { openCourseStore, type CourseStore } from './course-store';
import { openCourseChannel, type CourseChange, type CourseChannel } from './course-sync';
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
  /**
   * Changes whenever the file's text was replaced from outside its editor (an import, a reset, a
   * save in another tab): the editor reloads it.
   */
  revisionOf(path: string): string;
  /** Why the browser's copy cannot be saved (no IndexedDB, a full quota), if so. */
  readonly storageProblem: string | null;
  editFile(path: string, text: string): void;
  /** Saves then shows a new course; rejects (and changes nothing) when the save fails. */
  replaceCourse(files: ReadonlyMap<string, string>): Promise<void>;
}

/** An error as the page says it: a full quota in words, else its message. */
export function describe(error: unknown): string {
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
  // Files another tab saved, and how often: only their editors reload.
  const [remote, setRemote] = useState<ReadonlyMap<string, number>>(new Map());
  const [storageProblem, setStorageProblem] = useState<string | null>(null);
  const store = useRef<CourseStore | null>(null);
  const pending = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const channel = useRef<CourseChannel | null>(null);

  const heard = useCallback((change: CourseChange) => {
    if (change.kind === 'file') {
      // This tab's own edit of the file, still to be saved, wins: it is saved (and told) next.
      if (pending.current.has(change.path)) return;
      setFiles((current) => (current === null || current.get(change.path) === change.text ? current : new Map(current).set(change.path, change.text)));
      setRemote((now) => new Map(now).set(change.path, (now.get(change.path) ?? 0) + 1));
      return;
    }
    // The whole course changed elsewhere: it replaces this tab's edits not yet saved too.
    pending.current.forEach(clearTimeout);
    pending.current.clear();
    store.current
      ?.load()
      .then((loaded) => {
        setFiles(loaded);
        setRevision((r) => r + 1);
      })
      .catch((error: unknown) => setStorageProblem(`The course changed in another tab but could not be read: ${describe(error)}.`));
  }, []);

  useEffect(() => {
    let cancelled = false;
    openCourseStore(seed)
      .then(async (opened) => {
        const loaded = await opened.load();
        if (cancelled) return opened.close();
        store.current = opened;
        channel.current = openCourseChannel(heard);
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
      channel.current?.close();
      channel.current = null;
    };
  }, [seed, heard]);

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
        store.current?.put(path, text).then(
          () => channel.current?.post({ kind: 'file', path, text }),
          (error: unknown) => setStorageProblem(`Your last edit of ${path} was not saved: ${describe(error)}.`),
        );
      }, SAVE_DELAY_MS),
    );
  }, []);

  const replaceCourse = useCallback(async (next: ReadonlyMap<string, string>) => {
    // The new course already holds the latest text of every file: drop the queued single writes.
    pending.current.forEach(clearTimeout);
    pending.current.clear();
    if (store.current) await store.current.replaceAll(next);
    channel.current?.post({ kind: 'course' });
    setFiles(new Map(next));
    setRevision((r) => r + 1);
  }, []);

  const revisionOf = useCallback((path: string) => `${revision}.${remote.get(path) ?? 0}`, [revision, remote]);

  return { files, validation, revisionOf, storageProblem, editFile, replaceCourse };
}
