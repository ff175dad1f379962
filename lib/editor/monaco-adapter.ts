/**
 * The thin layer between the pure providers of this area and Monaco. It imports only Monaco's
 * types (DESIGN.md §2): the app passes the `monaco` namespace it loaded, so this module adds
 * nothing to bundles that do not load Monaco, and tests drive it with a stand-in.
 */
import type * as Monaco from 'monaco-editor';
import type { Range } from '@/lib/dockerfile';
import { createAnalysisCache, type DockerfileAnalysis } from './analyze';
import { quickFixesAt } from './code-actions';
import { COMPLETION_TRIGGERS, completionsAt, type CompletionKind } from './completions';
import { hoverAt } from './hover';
import type { ImageCatalog } from './image-catalog';
import { createLintRunner, type LintRunner, type Timers } from './lint-runner';
import { toMarkers, type MarkerSeverityName } from './markers';
import { dockerfileLanguageConfiguration, dockerfileMonarch } from './monarch';

/** What this module uses of the `monaco-editor` namespace. */
export type MonacoApi = Pick<typeof Monaco, 'languages' | 'editor' | 'MarkerSeverity' | 'KeyMod' | 'KeyCode' | 'Uri'>;

export const DOCKERFILE_LANGUAGE_ID = 'dockerfile';
/** The owner of our markers on a model (Monaco keeps markers per owner). */
export const LINT_MARKER_OWNER = 'layerlab-lint';

export interface DockerfileSupportOptions {
  /**
   * The hub's images for completions, hovers and tag pins, read on each request. While the list is
   * still loading, return its promise: a request made that early waits for it instead of going
   * without (a Ctrl+. right after the page opened still offers the tag pin).
   */
  images?: () => ImageCatalog | undefined | Promise<ImageCatalog | undefined>;
  /** Link target of a rule's docs page, or null for none. */
  ruleHref?: (ruleId: string) => string | null;
}

export interface DockerfileSupport extends Monaco.IDisposable {
  /** The analysis the providers use; give it to `attachLintMarkers` so markers share the parse. */
  analyze(text: string): DockerfileAnalysis;
}

const toMonacoRange = (r: Range): Monaco.IRange => ({ startLineNumber: r.start.line, startColumn: r.start.column, endLineNumber: r.end.line, endColumn: r.end.column });
const fromMonacoRange = (r: Monaco.IRange): Range => ({ start: { line: r.startLineNumber, column: r.startColumn }, end: { line: r.endLineNumber, column: r.endColumn } });

export function markerSeverity(monaco: MonacoApi, name: MarkerSeverityName): Monaco.MarkerSeverity {
  switch (name) {
    case 'error':
      return monaco.MarkerSeverity.Error;
    case 'warning':
      return monaco.MarkerSeverity.Warning;
    case 'info':
      return monaco.MarkerSeverity.Info;
    case 'hint':
      return monaco.MarkerSeverity.Hint;
  }
}

function completionKind(monaco: MonacoApi, kind: CompletionKind): Monaco.languages.CompletionItemKind {
  const K = monaco.languages.CompletionItemKind;
  const map: Record<CompletionKind, Monaco.languages.CompletionItemKind> = {
    keyword: K.Keyword,
    flag: K.Property,
    value: K.Value,
    image: K.Module,
    tag: K.Constant,
    stage: K.Reference,
    variable: K.Variable,
  };
  return map[kind];
}

/** Runs `answer` with the image list, at once when it is there, after it loads when it is loading. */
function withImages<T>(options: DockerfileSupportOptions, answer: (images: ImageCatalog | undefined) => T): T | Promise<T> {
  const images = options.images?.();
  return images instanceof Promise ? images.then(answer, () => answer(undefined)) : answer(images);
}

/** Registers the language, its highlighting and its providers. Call once per Monaco instance. */
export function registerDockerfileSupport(monaco: MonacoApi, options: DockerfileSupportOptions = {}): DockerfileSupport {
  const { languages } = monaco;
  const id = DOCKERFILE_LANGUAGE_ID;
  const analysisFor = createAnalysisCache();
  if (!languages.getLanguages().some((l) => l.id === id)) languages.register({ id, filenames: ['Dockerfile'], extensions: ['.dockerfile'], aliases: ['Dockerfile'] });
  const disposables: Monaco.IDisposable[] = [
    languages.setMonarchTokensProvider(id, dockerfileMonarch),
    languages.setLanguageConfiguration(id, dockerfileLanguageConfiguration),
    languages.registerHoverProvider(id, {
      provideHover(model, position) {
        return withImages(options, (images) => {
          const hover = hoverAt(analysisFor(model.getValue()), { line: position.lineNumber, column: position.column }, { images, ruleHref: options.ruleHref });
          return hover && { range: toMonacoRange(hover.range), contents: hover.contents.map((value) => ({ value })) };
        });
      },
    }),
    languages.registerCompletionItemProvider(id, {
      triggerCharacters: [...COMPLETION_TRIGGERS],
      provideCompletionItems(model, position) {
        return withImages(options, (images) => ({
          suggestions: completionsAt(analysisFor(model.getValue()), { line: position.lineNumber, column: position.column }, { images }).map((e) => ({
            label: e.label,
            kind: completionKind(monaco, e.kind),
            insertText: e.insertText,
            range: toMonacoRange(e.range),
            detail: e.detail,
            documentation: e.documentation === undefined ? undefined : { value: e.documentation },
            sortText: e.sortText,
            command: e.retrigger ? { id: 'editor.action.triggerSuggest', title: 'Suggest' } : undefined,
          })),
        }));
      },
    }),
    languages.registerCodeActionProvider(
      id,
      {
        provideCodeActions(model, range, context) {
          return withImages(options, (images) => {
            const fixes = quickFixesAt(analysisFor(model.getValue()), fromMonacoRange(range), { images });
            const actions = fixes.map((fix) => ({
              title: fix.title,
              kind: 'quickfix',
              isPreferred: fix.preferred,
              diagnostics: context.markers.filter((m) => (typeof m.code === 'string' ? m.code : m.code?.value) === fix.finding.rule),
              edit: { edits: [{ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: toMonacoRange(fix.edit.range), text: fix.edit.text } }] },
            }));
            return { actions, dispose() {} };
          });
        },
      },
      { providedCodeActionKinds: ['quickfix'] },
    ),
  ];
  return { analyze: analysisFor, dispose: () => disposables.forEach((d) => d.dispose()) };
}

export interface AttachOptions {
  /** `DockerfileSupport.analyze`, so the markers and the providers parse each text once. */
  analyze?: (text: string) => DockerfileAnalysis;
  delayMs?: number;
  timers?: Timers;
  ruleHref?: (ruleId: string) => string | null;
}

/**
 * Keeps a model's lint markers current: lints now, then after each pause in typing. Returns the
 * runner: `flush()` before a build makes the markers match the text being built.
 */
export function attachLintMarkers(monaco: MonacoApi, model: Monaco.editor.ITextModel, options: AttachOptions = {}): LintRunner & Monaco.IDisposable {
  const runner = createLintRunner({
    analyze: options.analyze,
    delayMs: options.delayMs,
    timers: options.timers,
    onResult(analysis) {
      if (model.isDisposed()) return;
      const markers = toMarkers(analysis.text, analysis.findings, { ruleHref: options.ruleHref });
      monaco.editor.setModelMarkers(
        model,
        LINT_MARKER_OWNER,
        markers.map((m) => ({
          severity: markerSeverity(monaco, m.severity),
          message: m.message,
          source: m.source,
          code: m.code.href === null ? m.code.value : { value: m.code.value, target: monaco.Uri.parse(m.code.href) },
          startLineNumber: m.startLineNumber,
          startColumn: m.startColumn,
          endLineNumber: m.endLineNumber,
          endColumn: m.endColumn,
        })),
      );
    },
  });
  const subscription = model.onDidChangeContent(() => runner.update(model.getValue()));
  runner.update(model.getValue());
  runner.flush();
  return {
    ...runner,
    dispose() {
      subscription.dispose();
      runner.dispose();
      if (!model.isDisposed()) monaco.editor.setModelMarkers(model, LINT_MARKER_OWNER, []);
    },
  };
}

/** Ctrl+Enter (Cmd+Enter on macOS) runs `onBuild`; also listed in the command palette. */
export function addBuildAction(monaco: MonacoApi, editor: Monaco.editor.IStandaloneCodeEditor, onBuild: () => void): Monaco.IDisposable {
  return editor.addAction({
    id: 'layerlab.build',
    label: 'Build the image',
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
    contextMenuGroupId: 'navigation',
    run: () => onBuild(),
  });
}
