'use client';
// The editor pane: the open file in Monaco (its own lazy chunk, as in the playground) and, below
// it, the file's issues as a list a keyboard and a screen reader reach (the markers show the
// same issues in the text).
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { EditorLoading } from '../editor/editor-loading';
import { languageFor } from '../playground/file-language';
import styles from './author.module.css';
import type { EditorIssue } from './issues';

const MonacoCourseEditor = dynamic(() => import('./monaco-course-editor'), {
  ssr: false,
  loading: () => <EditorLoading height="100%" />,
});

export interface CourseEditorProps {
  path: string;
  /** Changes when the file's text was replaced from outside (an import, a reset, another tab): the editor reloads it. */
  revision: string;
  text: string;
  issues: readonly EditorIssue[];
  onChange(text: string): void;
}

export function CourseEditor({ path, revision, text, issues, onChange }: CourseEditorProps) {
  const [ready, setReady] = useState<string | null>(null);
  const key = `${path}#${revision}`;
  return (
    <div className={styles.editorColumn}>
      <div className={styles.editorHost} data-testid="author-editor" data-path={path} data-ready={ready === key ? 'true' : 'false'}>
        <MonacoCourseEditor
          key={key}
          initialValue={text}
          language={languageFor(path)}
          ariaLabel={`Edit ${path}`}
          issues={issues}
          onChange={onChange}
          onReady={() => setReady(key)}
        />
      </div>
      <section className={styles.issues} aria-labelledby="author-issues-title" data-testid="author-issues">
        <h3 id="author-issues-title" className={styles.subTitle}>
          {issues.length === 0 ? 'No issues in this file' : `${issues.length} issue${issues.length === 1 ? '' : 's'} in this file`}
        </h3>
        {issues.length > 0 && (
          <ul>
            {issues.map((issue, i) => (
              <li key={i} data-line={issue.line ?? ''}>
                {issue.text}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
