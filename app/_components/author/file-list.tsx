'use client';
// The course's files, lesson by lesson: the lesson text, its exercise files, and its lab files
// (folded). Each entry is a button (Tab / Enter / Space); the open file is marked
// aria-current, and a file with schema issues says how many.
import type { ReactNode } from 'react';
import styles from './author.module.css';
import { groupByLesson, LESSONS_ROOT } from './course-files';
import type { EditorIssue } from './issues';

export interface FileListProps {
  paths: readonly string[];
  selected: string | null;
  issues: ReadonlyMap<string, readonly EditorIssue[]>;
  onSelect(path: string): void;
}

function FileButton({ path, label, selected, count, onSelect }: { path: string; label: ReactNode; selected: boolean; count: number; onSelect(path: string): void }) {
  return (
    <li>
      <button type="button" className={styles.fileButton} aria-current={selected ? 'true' : undefined} data-path={path} onClick={() => onSelect(path)}>
        <span className={styles.fileName}>{label}</span>
        {count > 0 && <span className={styles.issueBadge}>{`${count} issue${count === 1 ? '' : 's'}`}</span>}
      </button>
    </li>
  );
}

export function FileList({ paths, selected, issues, onSelect }: FileListProps) {
  const groups = groupByLesson(paths);
  const count = (path: string) => issues.get(path)?.length ?? 0;
  const short = (path: string, lesson: string) => path.slice(`${LESSONS_ROOT}${lesson}/`.length);
  return (
    <nav aria-label="Course files" className={styles.fileList} data-testid="author-file-list">
      {groups.length === 0 && <p className={styles.muted}>The course has no files yet: create a lesson.</p>}
      {groups.map((group) => (
        <section key={group.lesson || 'other'} aria-label={group.lesson ? `Lesson ${group.lesson}` : 'Other files'} data-lesson={group.lesson}>
          <h3 className={styles.subTitle}>{group.lesson ? `Lesson ${group.lesson}` : 'Other files'}</h3>
          <ul className={styles.files}>
            {group.lessonFile && <FileButton path={group.lessonFile} label="lesson.md" selected={selected === group.lessonFile} count={count(group.lessonFile)} onSelect={onSelect} />}
            {group.exerciseFiles.map((path) => (
              <FileButton key={path} path={path} label={short(path, group.lesson)} selected={selected === path} count={count(path)} onSelect={onSelect} />
            ))}
          </ul>
          {group.otherFiles.length > 0 && (
            <details className={styles.labFiles} open={group.otherFiles.includes(selected ?? '')}>
              <summary>{`Lab files (${group.otherFiles.length})`}</summary>
              <ul className={styles.files}>
                {group.otherFiles.map((path) => (
                  <FileButton key={path} path={path} label={group.lesson ? short(path, group.lesson) : path} selected={selected === path} count={count(path)} onSelect={onSelect} />
                ))}
              </ul>
            </details>
          )}
        </section>
      ))}
    </nav>
  );
}
