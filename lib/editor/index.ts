// Public surface of lib/editor (see README.md): Dockerfile support for Monaco. The providers are
// pure functions of text and position; monaco-adapter.ts registers them with a Monaco instance
// the app passes in (this area imports only Monaco's types).
export { analyzeDockerfile, createAnalysisCache, type DockerfileAnalysis } from './analyze';
export { toMarkers, ruleInfo, SEVERITY_TO_MARKER, type EditorMarker, type MarkerOptions, type MarkerSeverityName, type RuleInfo } from './markers';
export { hoverAt, findingMarkdown, type HoverOptions, type HoverResult } from './hover';
export { completionsAt, COMPLETION_TRIGGERS, type CompletionEntry, type CompletionKind, type CompletionOptions } from './completions';
export { quickFixesAt, applyEdits, type CodeActionOptions, type QuickFix, type TextEdit } from './code-actions';
export { createLintRunner, type LintRunner, type LintRunnerOptions, type Timers } from './lint-runner';
export { toImageCatalog, pinnedTag, shortImageName, type CatalogImage, type CatalogTag, type HubCatalogLike, type ImageCatalog } from './image-catalog';
export { INSTRUCTION_DOCS, instructionMarkdown, flagMarkdown, type FlagDoc, type InstructionDoc } from './instruction-docs';
export { cursorContext, type CursorContext } from './line-context';
export { declaredNames, type DeclaredName } from './symbols';
export { dockerfileMonarch, dockerfileLanguageConfiguration } from './monarch';
export {
  registerDockerfileSupport,
  attachLintMarkers,
  addBuildAction,
  markerSeverity,
  DOCKERFILE_LANGUAGE_ID,
  LINT_MARKER_OWNER,
  type AttachOptions,
  type DockerfileSupport,
  type DockerfileSupportOptions,
  type MonacoApi,
} from './monaco-adapter';
