'use client';
// Create, rename and delete: a new lesson, a new exercise file, and the open file or lesson.
// Plain forms with labels (no prompt() dialogs), so they work by keyboard and screen reader; a
// delete asks once more in place.
import { useState, type FormEvent } from 'react';
import styles from './author.module.css';
import { createExerciseFile, createLesson, deletePath, fileKind, lessonOf, LESSONS_ROOT, renameFile, renameLesson, type CourseFiles } from './course-files';

export interface CourseChange {
  readonly files: Map<string, string>;
  /** The file to open afterwards (null: none). */
  readonly select: string | null;
  readonly message: string;
}

export interface FileActionsProps {
  files: CourseFiles;
  lessons: readonly string[];
  selected: string | null;
  onChange(change: CourseChange): void;
  onError(message: string): void;
}

function value(form: HTMLFormElement, name: string): string {
  const field = form.elements.namedItem(name);
  return field instanceof HTMLInputElement || field instanceof HTMLSelectElement ? field.value.trim() : '';
}

export function FileActions({ files, lessons, selected, onChange, onError }: FileActionsProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const isLesson = selected !== null && fileKind(selected) === 'lesson';
  const lesson = selected === null ? null : lessonOf(selected);

  const submit = (handler: (form: HTMLFormElement) => void) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    handler(event.currentTarget);
  };

  const newLesson = submit((form) => {
    const id = value(form, 'id');
    const made = createLesson(files, id, value(form, 'title'));
    if ('error' in made) return onError(`Cannot create the lesson: ${made.error}.`);
    form.reset();
    onChange({ files: made.files, select: `${LESSONS_ROOT}${id}/lesson.md`, message: `Created lesson ${id}.` });
  });

  const newExercises = submit((form) => {
    const made = createExerciseFile(files, value(form, 'lesson'), value(form, 'name'));
    if ('error' in made) return onError(`Cannot create the exercise file: ${made.error}.`);
    form.reset();
    onChange({ files: made.files, select: made.path, message: `Created ${made.path}.` });
  });

  const rename = submit((form) => {
    if (selected === null) return;
    const to = value(form, 'to');
    if (isLesson && lesson !== null) {
      const moved = renameLesson(files, lesson, to);
      if ('error' in moved) return onError(`Cannot rename the lesson: ${moved.error}.`);
      return onChange({ files: moved.files, select: `${LESSONS_ROOT}${to}/lesson.md`, message: `Lesson ${lesson} is now ${to}.` });
    }
    const moved = renameFile(files, selected, to);
    if ('error' in moved) return onError(`Cannot rename: ${moved.error}.`);
    onChange({ files: moved.files, select: to, message: `Renamed ${selected} to ${to}.` });
  });

  const remove = () => {
    if (selected === null) return;
    const target = isLesson && lesson !== null ? `${LESSONS_ROOT}${lesson}` : selected;
    if (confirming !== target) return setConfirming(target);
    setConfirming(null);
    onChange({ files: deletePath(files, target), select: null, message: isLesson ? `Deleted lesson ${lesson} and its files.` : `Deleted ${selected}.` });
  };

  return (
    <div className={styles.actions}>
      {selected !== null && (
        <form key={selected} className={styles.actionForm} onSubmit={rename} aria-label={isLesson ? 'Rename or delete the lesson' : 'Rename or delete the file'}>
          <label>
            {isLesson ? 'Lesson id' : 'Path'}
            <input name="to" defaultValue={isLesson ? (lesson ?? '') : selected} required spellCheck={false} />
          </label>
          <div className={styles.buttonRow}>
            <button type="submit">{isLesson ? 'Rename lesson' : 'Rename file'}</button>
            <button type="button" onClick={remove} onBlur={() => setConfirming(null)}>
              {confirming !== null ? 'Really delete?' : isLesson ? 'Delete lesson' : 'Delete file'}
            </button>
          </div>
        </form>
      )}
      <details className={styles.actionGroup}>
        <summary>New lesson</summary>
        <form className={styles.actionForm} onSubmit={newLesson}>
          <label>
            Lesson id
            <input name="id" placeholder="3.2" required spellCheck={false} />
          </label>
          <label>
            Title
            <input name="title" required />
          </label>
          <button type="submit">Create lesson</button>
        </form>
      </details>
      <details className={styles.actionGroup}>
        <summary>New exercise file</summary>
        <form className={styles.actionForm} onSubmit={newExercises}>
          <label>
            Lesson
            <select name="lesson" defaultValue={lesson ?? lessons[0]}>
              {lessons.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
          </label>
          <label>
            File name (without .yaml)
            <input name="name" placeholder="practice" required spellCheck={false} pattern="[a-z0-9][a-z0-9\-]*" />
          </label>
          <button type="submit">Create exercise file</button>
        </form>
      </details>
    </div>
  );
}
