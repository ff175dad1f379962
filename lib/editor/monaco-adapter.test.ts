import { describe, expect, it, vi } from 'vitest';
import type * as Monaco from 'monaco-editor';
import { addBuildAction, attachLintMarkers, LINT_MARKER_OWNER, registerDockerfileSupport, type MonacoApi } from './monaco-adapter';
import { IMAGES } from './test-catalog';

/** A stand-in for the parts of the monaco namespace the adapter uses, recording what it gets. */
function fakeMonaco() {
  const providers: Record<string, unknown> = {};
  const markers: Monaco.editor.IMarkerData[][] = [];
  const registered: string[] = [];
  const disposable = { dispose: vi.fn() };
  const monaco = {
    MarkerSeverity: { Hint: 1, Info: 2, Warning: 4, Error: 8 },
    KeyMod: { CtrlCmd: 2048 },
    KeyCode: { Enter: 3 },
    Uri: { parse: (s: string) => ({ toString: () => s }) },
    languages: {
      CompletionItemKind: { Keyword: 17, Property: 9, Value: 13, Module: 8, Constant: 14, Reference: 21, Variable: 4 },
      getLanguages: () => registered.map((id) => ({ id })),
      register: (l: { id: string }) => void registered.push(l.id),
      setMonarchTokensProvider: (_id: string, def: unknown) => ((providers.monarch = def), disposable),
      setLanguageConfiguration: () => disposable,
      registerHoverProvider: (_id: string, p: unknown) => ((providers.hover = p), disposable),
      registerCompletionItemProvider: (_id: string, p: unknown) => ((providers.completion = p), disposable),
      registerCodeActionProvider: (_id: string, p: unknown) => ((providers.codeActions = p), disposable),
    },
    editor: { setModelMarkers: (_model: unknown, owner: string, data: Monaco.editor.IMarkerData[]) => (expect(owner).toBe(LINT_MARKER_OWNER), markers.push(data)) },
  };
  return { monaco: monaco as unknown as MonacoApi, providers, markers, registered, disposable };
}

function fakeModel(initial: string) {
  let value = initial;
  let listener: (() => void) | null = null;
  return {
    uri: { toString: () => 'inmemory://Dockerfile' },
    getValue: () => value,
    getVersionId: () => 7,
    isDisposed: () => false,
    onDidChangeContent: (l: () => void) => ((listener = l), { dispose: () => (listener = null) }),
    type(next: string) {
      value = next;
      listener?.();
    },
  };
}

const pos = (lineNumber: number, column: number) => ({ lineNumber, column }) as Monaco.Position;

describe('Monaco adapter', () => {
  it('registers the language once with highlighting and providers', () => {
    const f = fakeMonaco();
    const support = registerDockerfileSupport(f.monaco);
    registerDockerfileSupport(f.monaco);
    expect(f.registered).toEqual(['dockerfile']);
    expect(f.providers.monarch).toMatchObject({ tokenPostfix: '.dockerfile' });
    support.dispose();
    expect(f.disposable.dispose).toHaveBeenCalled();
  });

  it('sets markers with Monaco severities, rule ids and doc links, and updates them after typing', () => {
    const f = fakeMonaco();
    const model = fakeModel('FROM node:latest\n');
    let fire: (() => void) | null = null;
    const timers = { set: (run: () => void) => ((fire = run), 1), clear: () => {} };
    const attached = attachLintMarkers(f.monaco, model as unknown as Monaco.editor.ITextModel, { timers, ruleHref: (id) => `/rules/${id}/` });
    const first = f.markers.at(-1)?.find((m) => (m.code as { value: string }).value === 'DL3007');
    expect(first).toMatchObject({ severity: 4, startLineNumber: 1, startColumn: 6, endColumn: 17, source: 'hadolint · warning' });
    expect(String((first?.code as { target: unknown }).target)).toBe('/rules/DL3007/');
    model.type('FROM node:18.19.0\n');
    expect(fire).not.toBeNull();
    (fire as unknown as () => void)();
    expect(f.markers.at(-1)?.some((m) => (m.code as { value: string }).value === 'DL3007')).toBe(false);
    attached.dispose();
    expect(f.markers.at(-1)).toEqual([]);
  });

  it('answers hovers, completions and quick fixes in Monaco shapes', async () => {
    const f = fakeMonaco();
    registerDockerfileSupport(f.monaco, { images: () => IMAGES });
    const model = fakeModel('FROM node:latest\n') as unknown as Monaco.editor.ITextModel;
    const hover = (f.providers.hover as Monaco.languages.HoverProvider).provideHover(model, pos(1, 8), {} as Monaco.CancellationToken) as Monaco.languages.Hover;
    expect(hover.range).toEqual({ startLineNumber: 1, startColumn: 6, endLineNumber: 1, endColumn: 17 });
    expect((hover.contents[0] as Monaco.IMarkdownString).value).toContain('DL3007');

    const completion = (f.providers.completion as Monaco.languages.CompletionItemProvider).provideCompletionItems(
      fakeModel('FROM node:latest\nCOPY --') as unknown as Monaco.editor.ITextModel,
      pos(2, 8),
      {} as Monaco.languages.CompletionContext,
      {} as Monaco.CancellationToken,
    ) as Monaco.languages.CompletionList;
    expect(completion.suggestions.find((s) => s.label === '--from')).toMatchObject({ kind: 9, insertText: '--from=', command: { id: 'editor.action.triggerSuggest' } });

    const marker = { code: 'DL3007', message: 'x', severity: 4, startLineNumber: 1, startColumn: 6, endLineNumber: 1, endColumn: 17 } as Monaco.editor.IMarkerData;
    const list = (f.providers.codeActions as Monaco.languages.CodeActionProvider).provideCodeActions(
      model,
      { startLineNumber: 1, startColumn: 6, endLineNumber: 1, endColumn: 17 } as Monaco.Range,
      { markers: [marker], trigger: 1, only: undefined } as unknown as Monaco.languages.CodeActionContext,
      {} as Monaco.CancellationToken,
    ) as Monaco.languages.CodeActionList;
    expect(list.actions).toHaveLength(1);
    expect(list.actions[0]).toMatchObject({ title: 'Pin node:18.19.0 (what node:latest is today)', kind: 'quickfix', isPreferred: true, diagnostics: [marker] });
    expect(list.actions[0]?.edit?.edits[0]).toMatchObject({ versionId: 7, textEdit: { text: 'node:18.19.0', range: { startColumn: 6, endColumn: 17 } } });
  });

  it('waits for an image list still loading: the tag pin is offered, not dropped', async () => {
    const f = fakeMonaco();
    let loaded: ((images: typeof IMAGES) => void) | null = null;
    const loading = new Promise<typeof IMAGES>((resolve) => (loaded = resolve));
    registerDockerfileSupport(f.monaco, { images: () => loading });
    const model = fakeModel('FROM node:latest\n') as unknown as Monaco.editor.ITextModel;
    const pending = (f.providers.codeActions as Monaco.languages.CodeActionProvider).provideCodeActions(
      model,
      { startLineNumber: 1, startColumn: 6, endLineNumber: 1, endColumn: 17 } as Monaco.Range,
      { markers: [], trigger: 1, only: undefined } as unknown as Monaco.languages.CodeActionContext,
      {} as Monaco.CancellationToken,
    );
    expect(pending).toBeInstanceOf(Promise);
    (loaded as unknown as (images: typeof IMAGES) => void)(IMAGES);
    const list = (await pending) as Monaco.languages.CodeActionList;
    expect(list.actions.map((a) => a.title)).toEqual(['Pin node:18.19.0 (what node:latest is today)']);
  });

  it('binds Ctrl/Cmd+Enter to the build callback', () => {
    const f = fakeMonaco();
    const onBuild = vi.fn();
    let action: Monaco.editor.IActionDescriptor | null = null;
    const editor = { addAction: (a: Monaco.editor.IActionDescriptor) => ((action = a), { dispose() {} }) };
    addBuildAction(f.monaco, editor as unknown as Monaco.editor.IStandaloneCodeEditor, onBuild);
    const registered = action as unknown as Monaco.editor.IActionDescriptor;
    expect(registered.keybindings).toEqual([2048 | 3]);
    expect(onBuild).not.toHaveBeenCalled();
    void registered.run({} as Monaco.editor.ICodeEditor);
    expect(onBuild).toHaveBeenCalledTimes(1);
  });
});
