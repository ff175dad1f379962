import { formatErrorSnippet } from '@/lib/dockerfile';
import {
  build,
  createClassicRenderer,
  createPlainRenderer,
  isBuildError,
  isEngineError,
  type BuildContext,
  type BuildEvent,
  type BuildRequest,
  type BuildResult,
  type ImageSource,
  type Store,
} from '@/lib/engine';
import type { Sha256Factory } from '@/lib/util';
import { formatDuration } from '../../common/human-units';
import { createRawJsonRenderer } from './progress-rawjson';
import { createTtyRenderer } from './progress-tty';

/**
 * The one build runner behind `docker build` / `buildx build` and `layerlab build`: picks the
 * progress view (BuildKit plain, the condensed tty view, rawjson, quiet, or the legacy builder's
 * `Step 1/5 :` log), runs the engine, and prints the result and errors as Docker does — BuildKit:
 * the failed step's log block, the Dockerfile snippet, `ERROR: failed to build: failed to solve:
 * <msg>`, exit 1; the legacy builder: the daemon's message, exit with the RUN's code.
 */

export type ProgressMode = 'auto' | 'plain' | 'tty' | 'quiet' | 'rawjson';
export const PROGRESS_MODES: readonly ProgressMode[] = ['auto', 'plain', 'tty', 'quiet', 'rawjson'];

export interface BuildRun {
  /** The Dockerfile text and its path inside the context (for messages and `<file>.dockerignore`). */
  source: string;
  dockerfilePath: string;
  context: BuildContext;
  request: Omit<BuildRequest, 'dockerfile' | 'dockerfilePath' | 'context'>;
  store: Store;
  sha256: Sha256Factory;
  imageSource?: ImageSource;
  progress: ProgressMode;
  /** `-q`: no progress, the image ID alone on stdout. */
  quiet: boolean;
  /** stdout is a terminal (auto → tty view, live redraws, colours). */
  tty: boolean;
  /** Terminal columns for the tty view (default 80). */
  width?: number;
  /** Terminal rows: a live tty frame shows only as many lines as fit (default: no limit). */
  height?: number;
  /**
   * The builder, as buildx names it: `#0 building with "default" instance using docker driver`
   * and `docker:default` in the tty header. Absent (layerlab) prints neither.
   */
  builder?: { name: string; driver: string };
  /**
   * The legacy builder's DEPRECATED notice before its log (default true). The docker CLI prints
   * it itself, on stderr, before anything else (even a missing Dockerfile's error).
   */
  classicDeprecation?: boolean;
  /**
   * The legacy builder's exit status is a failed RUN's code (the daemon's jsonmessage `Code`), as
   * the docker CLI exits; false exits 1 (layerlab's contract).
   */
  classicRunStatus?: boolean;
  /** Layerlab's `Build time: … simulated (… real)` line after a build (not Docker's). */
  summary?: boolean;
  /** Layerlab's `--json`: the result as one JSON object on stdout. */
  json?: boolean;
  /** Wall clock in ms (rawjson times). */
  now?: () => number;
  /** Lines printed before the progress (buildx's driver warnings). */
  notices?: readonly string[];
  /** Vertices already shown in this progress (a builder's boot is `#1`): the build's numbers follow. */
  vertexOffset?: number;
  /**
   * Work inside the export vertex once the image is in the store (buildx `--push`): its lines
   * join the vertex's (`pushing layers 2.1s done`) before it ends. A failure fails the build.
   */
  afterExport?: (result: BuildResult) => Promise<{ detail: string[]; simulatedSeconds: number }>;
  stdout(text: string): void;
  stderr(text: string): void;
  signal?: AbortSignal;
  /** Every event as the progress view got it (the web app's build panel draws its own view from them). */
  onEvent?: (event: BuildEvent) => void;
}

export interface BuildRunResult {
  exitCode: number;
  result?: BuildResult;
}

/** The renderer for a run, or undefined for none. */
function rendererFor(run: BuildRun, classic: boolean): ((event: BuildEvent) => void) | undefined {
  const mode = run.quiet ? 'quiet' : run.progress === 'auto' ? (run.tty ? 'tty' : 'plain') : run.progress;
  if (mode === 'quiet') return undefined;
  if (classic) return createClassicRenderer(run.stdout, { deprecation: run.classicDeprecation !== false });
  if (mode === 'rawjson') return createRawJsonRenderer(run.stderr, run.now ?? (() => Date.now()));
  if (mode === 'tty') {
    return createTtyRenderer(run.stderr, {
      width: run.width ?? 80,
      ...(run.height !== undefined ? { height: run.height } : {}),
      builder: run.builder !== undefined ? `${run.builder.driver}:${run.builder.name}` : '',
      live: run.tty,
      color: run.tty,
    });
  }
  if (run.builder !== undefined) run.stderr(`#0 building with "${run.builder.name}" instance using ${run.builder.driver} driver\n\n`);
  return createPlainRenderer(run.stderr);
}

/** Names and logs per vertex, for the failed step's block (`------\n > [2/3] RUN …:\n…\n------`). */
function createErrorTracker() {
  const names = new Map<number, string>();
  const logs = new Map<number, string[]>();
  let failed: number | null = null;
  return {
    listen(event: BuildEvent): void {
      if (event.type === 'vertex-start') names.set(event.vertex, event.name);
      if (event.type === 'vertex-log') {
        const lines = logs.get(event.vertex) ?? [];
        for (const line of event.text.replace(/\n$/, '').split('\n')) lines.push(`${event.simulatedSeconds.toFixed(3)} ${line}`);
        logs.set(event.vertex, lines.slice(-10));
      }
      if (event.type === 'vertex-error') failed = event.vertex;
    },
    block(): string {
      if (failed === null) return '';
      return `------\n > ${names.get(failed) ?? ''}:\n${(logs.get(failed) ?? []).map((l) => `${l}\n`).join('')}------\n`;
    },
  };
}

export async function runBuild(run: BuildRun): Promise<BuildRunResult> {
  const classic = run.request.builder === 'classic';
  for (const notice of run.notices ?? []) run.stderr(`${notice}\n`);
  const renderer = rendererFor(run, classic);
  const tracker = createErrorTracker();
  const offset = run.vertexOffset ?? 0;
  const deliver = (event: BuildEvent) => {
    const numbered = offset !== 0 && 'vertex' in event ? { ...event, vertex: event.vertex + offset } : event;
    tracker.listen(numbered);
    renderer?.(numbered);
    run.onEvent?.(numbered);
  };
  // With `afterExport`, the export vertex's end (and what follows it) waits for that work.
  let exportVertex: number | null = null;
  let held: BuildEvent[] | null = null;
  const onEvent = (event: BuildEvent) => {
    if (run.afterExport !== undefined && event.type === 'vertex-start' && event.name === 'exporting to image') exportVertex = event.vertex;
    if (held === null && event.type === 'vertex-done' && event.vertex === exportVertex) held = [];
    if (held !== null) held.push(event);
    else deliver(event);
  };
  try {
    const result = await build(
      { ...run.request, dockerfile: run.source, dockerfilePath: run.dockerfilePath, context: run.context },
      { store: run.store, sha256: run.sha256, onEvent, ...(run.imageSource !== undefined ? { imageSource: run.imageSource } : {}), ...(run.signal !== undefined ? { signal: run.signal } : {}) },
    );
    if (run.afterExport !== undefined && held !== null) {
      const pending: BuildEvent[] = held;
      held = null;
      let extra: { detail: string[]; simulatedSeconds: number };
      try {
        extra = await run.afterExport(result);
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        if (exportVertex !== null) deliver({ type: 'vertex-error', vertex: exportVertex, message: failure.message });
        deliver({ type: 'build-error', message: failure.message });
        return { exitCode: reportBuildError(run, failure, false, renderer !== undefined ? tracker.block() : '') };
      }
      for (const event of pending) {
        if (event.type === 'vertex-done' && event.vertex === exportVertex) {
          deliver({ ...event, detail: [...(event.detail ?? []), ...extra.detail], simulatedSeconds: event.simulatedSeconds + extra.simulatedSeconds });
        } else deliver(event);
      }
    }
    if (run.json === true) run.stdout(`${JSON.stringify(toJson(result), null, 2)}\n`);
    else if (run.quiet || run.progress === 'quiet') run.stdout(`${result.imageId}\n`);
    else if (run.summary === true) run.stderr(buildSummary(result));
    return { exitCode: 0, result };
  } catch (error) {
    if (!isEngineError(error)) throw error;
    const exitCode = reportBuildError(run, error, classic, renderer !== undefined ? tracker.block() : '');
    return { exitCode: classic && run.classicRunStatus !== true ? 1 : exitCode };
  }
}

/** Prints a failed build as Docker does and returns the exit code. */
export function reportBuildError(run: Pick<BuildRun, 'stderr' | 'source' | 'dockerfilePath'>, error: Error, classic: boolean, block = ''): number {
  if (classic) {
    // The daemon's message as it is; a failed RUN's code is the build's exit code (jsonmessage's Code).
    run.stderr(`${error.message}\n`);
    const code = /returned a non-zero code: (\d+)$/.exec(error.message)?.[1];
    return code !== undefined && Number(code) > 0 ? Number(code) : 1;
  }
  run.stderr(block);
  if (isBuildError(error) && error.range !== undefined) run.stderr(`${formatErrorSnippet(run.dockerfilePath, run.source, error.range).replace(/\n?$/, '\n')}`);
  run.stderr(`ERROR: failed to build: failed to solve: ${error.message}\n`);
  return 1;
}

/**
 * Layerlab's own last line (not Docker's): the modeled time next to the real time, and the previous
 * build of the same repository, so a cached rebuild shows its saving ("3m 05s → 0.4s").
 */
export function buildSummary(result: BuildResult): string {
  const now = `${formatDuration(result.simulatedSeconds)} simulated (${(result.realMs / 1000).toFixed(2)}s real)`;
  const name = result.tags[0]?.replace(/^docker\.io\/(library\/)?/, '').replace(/:[^/:]*$/, '');
  const before = result.previous && name ? `; previous build of ${name}: ${formatDuration(result.previous.simulatedSeconds)} → now ${formatDuration(result.simulatedSeconds)}` : '';
  return `\nBuild time: ${now}${before}\n`;
}

/** The `--json` contract (issue 3 "CLI"): the result minus wall-clock noise. */
function toJson(result: BuildResult) {
  return {
    imageId: result.imageId,
    tags: result.tags,
    size: result.size,
    steps: result.steps.map((s) => ({ instruction: s.instruction, stage: s.stage, cached: s.cached, simulatedSeconds: s.simulatedSeconds })),
    layers: result.layers,
    stages: result.stages,
    simulatedSeconds: result.simulatedSeconds,
    manifestDigest: result.manifestDigest,
    warnings: result.warnings,
    realMs: result.realMs,
    ...(result.previous ? { previous: result.previous } : {}),
  };
}
