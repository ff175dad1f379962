'use client';
// Monaco for a course file (YAML, Markdown, a lab's Dockerfile), with the course's schema issues
// as error markers at their line. Loaded only through CourseEditor's next/dynamic import; it
// reuses the playground's lean, CDN-free Monaco setup (YAML and Markdown are registered there).
import { Editor, type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { EditorLoading } from '../editor/editor-loading';
import { monaco } from '../editor/monaco-setup';
import { useColorScheme } from '../editor/use-color-scheme';
import type { EditorIssue } from './issues';

export const AUTHOR_MARKER_OWNER = 'layerlab-author';

export interface MonacoCourseEditorProps {
  /** The file's text when the editor opens; later edits flow out through onChange. */
  initialValue: string;
  language: string;
  ariaLabel: string;
  issues: readonly EditorIssue[];
  onChange(text: string): void;
  onReady(): void;
}

type Editor = Parameters<OnMount>[0];

export default function MonacoCourseEditor({ initialValue, language, ariaLabel, issues, onChange, onReady }: MonacoCourseEditorProps) {
  const scheme = useColorScheme();
  const editorRef = useRef<Editor | null>(null);
  const issuesRef = useRef(issues);

  const applyMarkers = (editor: Editor, list: readonly EditorIssue[]) => {
    const model = editor.getModel();
    if (!model) return;
    const lines = model.getLineCount();
    monaco.editor.setModelMarkers(
      model,
      AUTHOR_MARKER_OWNER,
      list.map((issue) => {
        const line = Math.min(Math.max(issue.line ?? 1, 1), lines);
        const startColumn = issue.column != null ? Math.min(issue.column, model.getLineMaxColumn(line)) : model.getLineFirstNonWhitespaceColumn(line) || 1;
        return { severity: monaco.MarkerSeverity.Error, message: issue.message, startLineNumber: line, endLineNumber: line, startColumn, endColumn: model.getLineMaxColumn(line) };
      }),
    );
  };

  useEffect(() => {
    issuesRef.current = issues;
    if (editorRef.current) applyMarkers(editorRef.current, issues);
  }, [issues]);

  const handleMount: OnMount = (editor) => {
    editorRef.current = editor;
    applyMarkers(editor, issuesRef.current);
    onReady();
  };

  return (
    <Editor
      height="100%"
      defaultLanguage={language}
      defaultValue={initialValue}
      onChange={(text) => onChange(text ?? '')}
      onMount={handleMount}
      theme={scheme === 'dark' ? 'layerlab-dark' : 'layerlab-light'}
      loading={<EditorLoading height="100%" />}
      options={{
        ariaLabel,
        minimap: { enabled: false },
        fontSize: 14,
        tabSize: 2,
        insertSpaces: true,
        scrollBeyondLastLine: false,
        wordWrap: 'off',
        fixedOverflowWidgets: true,
        renderLineHighlight: 'line',
      }}
    />
  );
}
