'use client';
// The authoring page (/author): the course kept in this browser, its files, Monaco with the
// schema's issues as markers, a live preview, lab runs, and pack / git / GIFT import and export.
import { useMemo, useState } from 'react';
import { AuthorLayout } from './author-layout';
import panes from '../panes/panes.module.css';
import styles from './author.module.css';
import { CourseEditor } from './course-editor';
import { CourseTools, type ToolMessage } from './course-tools';
import { fileKind, groupByLesson } from './course-files';
import { FileActions, type CourseChange } from './file-actions';
import { FileList } from './file-list';
import type { EditorIssue } from './issues';
import { PreviewPane } from './preview-pane';
import { describe, useCourse } from './use-course';

const NO_ISSUES: readonly EditorIssue[] = [];

export function AuthorWorkbench({ seed }: { seed: Readonly<Record<string, string>> }) {
  const course = useCourse(seed);
  const [selected, setSelected] = useState<string | null>('content/lessons/3.1/lesson.md');
  const [message, setMessage] = useState<ToolMessage | null>(null);
  const files = course.files;
  const paths = useMemo(() => (files ? [...files.keys()].sort() : []), [files]);
  const lessons = useMemo(() => groupByLesson(paths).map((g) => g.lesson).filter((id) => id !== ''), [paths]);
  const open = selected !== null && files?.has(selected) ? selected : (paths.find((p) => fileKind(p) === 'lesson') ?? paths[0] ?? null);
  const byPath = course.validation?.byPath;
  const total = course.validation?.issues.length ?? 0;

  const replace = async (next: Map<string, string>, done: ToolMessage, select?: string | null) => {
    try {
      await course.replaceCourse(next);
      if (select !== undefined) setSelected(select);
      setMessage(done);
    } catch (error) {
      setMessage({ kind: 'error', text: `The change was not saved, so nothing changed: ${describe(error)}.` });
    }
  };
  const change = (c: CourseChange) => void replace(c.files, { kind: 'info', text: c.message }, c.select);

  if (files === null) return <p className={styles.muted} role="status">Opening your course…</p>;

  return (
    <div className={`${panes.workbench} ${styles.author}`}>
      <div className={styles.toolbar}>
        <p className={styles.summary} data-testid="author-summary">
          {course.validation === null ? 'Checking the course…' : total === 0 ? `${lessons.length} lesson${lessons.length === 1 ? '' : 's'}, ${course.validation.course.exercises.length} exercises, no issues` : `${total} issue${total === 1 ? '' : 's'} in the course`}
        </p>
        <CourseTools files={files} lessons={lessons} onReplace={(next, done) => replace(next, done)} onReset={() => replace(new Map(Object.entries(seed)), { kind: 'info', text: 'The course is back to the built-in one.' })} onMessage={setMessage} />
      </div>
      {course.storageProblem && (
        <p className={styles.problemBanner} role="alert">
          {course.storageProblem}
        </p>
      )}
      <div className={message === null ? undefined : message.kind === 'error' ? styles.problemBanner : styles.messageBanner} role={message?.kind === 'error' ? 'alert' : 'status'} data-testid="author-message" data-kind={message?.kind ?? ''}>
        {message && (
          <>
            <p>{message.text}</p>
            {message.details && message.details.length > 0 && (
              <ul>
                {message.details.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
            <button type="button" onClick={() => setMessage(null)}>
              Dismiss
            </button>
          </>
        )}
      </div>
      <AuthorLayout
        files={
          <section className={panes.section} aria-labelledby="author-files-title">
            <h2 id="author-files-title" className={panes.paneTitle}>
              Course files
            </h2>
            <div className={styles.scroll}>
              <FileList paths={paths} selected={open} issues={byPath ?? new Map()} onSelect={setSelected} />
              <FileActions files={files} lessons={lessons} selected={open} onChange={change} onError={(text) => setMessage({ kind: 'error', text })} />
            </div>
          </section>
        }
        editor={
          <section className={panes.section} aria-labelledby="author-editor-title">
            <h2 id="author-editor-title" className={panes.paneTitle}>
              {open ?? 'No file open'}
            </h2>
            {open !== null && <CourseEditor path={open} revision={course.revisionOf(open)} text={files.get(open) ?? ''} issues={byPath?.get(open) ?? NO_ISSUES} onChange={(text) => course.editFile(open, text)} />}
          </section>
        }
        preview={<PreviewPane path={open} validation={course.validation} />}
      />
    </div>
  );
}
