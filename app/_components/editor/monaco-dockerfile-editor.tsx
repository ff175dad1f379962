'use client';
// The Monaco-backed editor. Loaded only through DockerfileEditor's next/dynamic import.
import { Editor, type OnMount } from '@monaco-editor/react';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { addBuildAction, attachLintMarkers, DOCKERFILE_LANGUAGE_ID, type MonacoApi } from '@/lib/editor';
import { EditorLoading } from './editor-loading';
import { dockerfileSupport, loadImageCatalog, monaco } from './monaco-setup';
import type { MonacoDockerfileEditorProps } from './types';
import { useColorScheme } from './use-color-scheme';

const LIGHTBULB = { enabled: monaco.editor.ShowLightbulbIconMode.OnCode };

type Disposable = { dispose(): void };

export default function MonacoDockerfileEditor({ value, onChange, onBuild, onReady, ariaLabel = 'Dockerfile', path = 'Dockerfile', language = DOCKERFILE_LANGUAGE_ID, height = '24rem', pending = false }: MonacoDockerfileEditorProps) {
  const scheme = useColorScheme();
  // The build action is registered once; it calls whatever onBuild is current.
  const onBuildRef = useRef(onBuild);
  const onReadyRef = useRef(onReady);
  useEffect(() => {
    onBuildRef.current = onBuild;
    onReadyRef.current = onReady;
  });
  const disposables = useRef<Disposable[]>([]);
  useEffect(() => () => disposables.current.splice(0).forEach((d) => d.dispose()), []);

  // The editor owns its text while the user types. `value` flows back through React a render
  // later; a value that is only an echo of what the editor reported must not be written back
  // (with fast typing it is already stale, and writing it would drop the keys typed since).
  // Any other value (a file loaded by the page) replaces the text, as one undoable edit.
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);
  const reported = useRef<string[]>([]);
  // Mounted while the file was loading: its text arrives as a fresh start, not an undoable edit,
  // and the editor becomes writable (and says it is ready) only then. The refs are set before
  // the browser can deliver a key, so no keystroke meets a stale handler.
  const wasPending = useRef(pending);
  const pendingNow = useRef(pending);
  const onChangeRef = useRef(onChange);
  useLayoutEffect(() => {
    pendingNow.current = pending;
    onChangeRef.current = onChange;
  });
  const silent = useRef(false);
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    if (wasPending.current && !pending) {
      wasPending.current = false;
      reported.current = [];
      // Not an edit of the student's: the page must not be told (it would save the file back).
      silent.current = true;
      if (model.getValue() !== value) model.setValue(value);
      silent.current = false;
      editor.updateOptions({ readOnly: false });
      // Monaco decides whether an editor offers code actions (Ctrl+., the lightbulb) when its
      // model, language or lightbulb setting changes, and skips read-only editors; becoming
      // writable is not among those changes. Without this the quick fixes could stay off for
      // good when the file arrived after Monaco's last look (seen as a flaky browser test).
      editor.updateOptions({ lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.Off } });
      editor.updateOptions({ lightbulb: LIGHTBULB });
      onReadyRef.current();
      return;
    }
    if (reported.current.includes(value) || model.getValue() === value) return;
    reported.current = [];
    editor.pushUndoStop();
    editor.executeEdits('layerlab', [{ range: model.getFullModelRange(), text: value }]);
    editor.pushUndoStop();
  }, [value, pending]);
  const handleChange = useCallback((next: string | undefined) => {
    if (silent.current) return;
    const text = next ?? '';
    reported.current.push(text);
    if (reported.current.length > 50) reported.current.shift();
    onChangeRef.current(text);
  }, []);

  const handleMount: OnMount = (editor) => {
    editorRef.current = editor;
    const api = monaco as MonacoApi;
    let markers: Disposable | null = null;
    const attach = () => {
      markers?.dispose();
      const model = editor.getModel();
      markers = model && model.getLanguageId() === DOCKERFILE_LANGUAGE_ID ? attachLintMarkers(api, model, { analyze: dockerfileSupport.analyze }) : null;
    };
    attach();
    disposables.current.push(
      editor.onDidChangeModel(attach),
      { dispose: () => markers?.dispose() },
      addBuildAction(api, editor, () => onBuildRef.current?.(editor.getValue())),
    );
    loadImageCatalog();
    // Still loading: the file's arrival makes it ready. Loaded before Monaco mounted: ready now.
    if (pendingNow.current) return;
    wasPending.current = false;
    onReadyRef.current();
  };

  return (
    <Editor
      height={height}
      path={path}
      language={language}
      defaultValue={value}
      onChange={handleChange}
      onMount={handleMount}
      theme={scheme === 'dark' ? 'layerlab-dark' : 'layerlab-light'}
      loading={<EditorLoading height={height} />}
      options={{
        ariaLabel,
        readOnly: pending,
        minimap: { enabled: false },
        fontSize: 14,
        tabSize: 4,
        scrollBeyondLastLine: false,
        wordBasedSuggestions: 'off',
        fixedOverflowWidgets: true,
        renderLineHighlight: 'line',
        lightbulb: LIGHTBULB,
      }}
    />
  );
}
