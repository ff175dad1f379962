/**
 * engine/build — `docker build` over the engine: stage planning, the dispatch table, cache keys,
 * the executor and its events, BuildKit-plain and classic progress renderers.
 *
 *   const result = await build(
 *     { dockerfile, context: createMemoryContext({ 'app.py': 'print(1)' }), tags: ['app'] },
 *     { store, sha256, imageSource: createHubImageSource(hub, sha256), onEvent: createPlainRenderer(write) },
 *   );
 */
export { build } from './build';
export { createMemoryContext, loadContext, type LoadedContext } from './context';
export { createHubImageSource } from './hub-source';
export { BuildError, isBuildError } from './session';
export { planBuild, resolveFrom, type BuildPlan, type PlannedStage, type PlanOptions, type StageBase, type StageSource } from './plan';
export { stepLabel, type BuildEvent, type BuildEventListener, type StepInfo } from './events';
export { createPlainRenderer, formatDecimalBytes, formatProgressBytes } from './progress-plain';
export { createClassicRenderer, CLASSIC_DEPRECATION, type ClassicRendererOptions } from './progress-classic';
export { fillHistoryTimes } from './history-times';
// For lib/engine/containers: a container's process runs over the same fs adapter and user lookup as RUN.
export { createTreeShellFs, type TreeShellFs } from './tree-shell-fs';
export { resolveUser, type ResolvedUser } from './user-ids';
export type {
  BuildContext,
  BuildIo,
  BuildLayerResult,
  BuildRequest,
  BuildResult,
  BuildStageResult,
  BuildStageNode,
  BuildStepResult,
  BuildIndexResult,
  BuildPlatformImage,
  BuilderKind,
  ContextEntry,
  ImageSource,
  InstalledSoftware,
  SourceImage,
  SourceLayer,
} from './types';
