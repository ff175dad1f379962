import type { BuildOutcome, BuildRequest } from '@/app/_lib/engine/api';
import { openShellContext, runBuild, sharedHubSource } from '@/lib/cli';
import { familiarRef, isEngineError, parseImageConfig, stageGraph, type BuildEvent, type BuildResult, type EngineErrorCode, type Store } from '@/lib/engine';
import type { ShellFs } from '@/lib/shell';
import type { Sha256Factory } from '@/lib/util';
import { createStepLabels, errorTextOf, previousOf, stepSummaries, type PreviousBuild } from './build-outcome';
import { WORKSPACE, workspacePath } from './workspace-files';

/**
 * The Build button: `docker build -t TAG -f DOCKERFILE .` in the workspace, through the same
 * runner, hub and cache as the terminal's `docker build`, so either sees the other's layers.
 * The log is BuildKit's (plain by default, the redrawn tty view on request); the events go to
 * the build panel as they happen.
 */
export const LAST_BUILD_KEY = 'layerlab/last-build';
const previousKey = (tag: string) => `layerlab/builds/${tag}`;

export interface BuildDeps {
  /** The workstation's store: the same object for every build (the engine's diffID memo is kept per store object). */
  store: Store;
  /** Why the store's last write failed, noted by its wrapper (the runner only prints it). */
  writeFailures: { clear(): void; last(): EngineErrorCode | undefined };
  /** The workstation's files (the workspace at /workspace). */
  fs: ShellFs;
  sha256: Sha256Factory;
  now: () => number;
}

export interface BuildCallbacks {
  onEvent(event: BuildEvent): void;
  onLog(text: string): void;
  signal?: AbortSignal;
}

export async function runWorkspaceBuild(deps: BuildDeps, request: BuildRequest & { tag: string }, callbacks: BuildCallbacks): Promise<BuildOutcome> {
  const dockerfilePath = request.dockerfile ?? 'Dockerfile';
  let source: string;
  try {
    source = new TextDecoder().decode(await deps.fs.readFile(workspacePath(dockerfilePath)));
  } catch {
    const base = dockerfilePath.slice(dockerfilePath.lastIndexOf('/') + 1);
    const error = `ERROR: failed to build: failed to solve: failed to read dockerfile: open ${base}: no such file or directory`;
    callbacks.onLog(`${error}\n`);
    return { ok: false, error, tags: [], steps: [], simulatedSeconds: 0, realMs: 0 };
  }
  const labels = createStepLabels();
  let printed = '';
  let failure: EngineErrorCode | undefined;
  deps.writeFailures.clear();
  const log = (text: string) => {
    printed += text;
    callbacks.onLog(text);
  };
  const { exitCode, result } = await runBuild({
    source,
    dockerfilePath,
    context: await openShellContext(deps.fs, WORKSPACE),
    request: { tags: [request.tag], noCache: request.noCache ?? false, builder: 'buildkit', now: deps.now },
    store: deps.store,
    sha256: deps.sha256,
    imageSource: sharedHubSource(deps.sha256),
    progress: request.progress ?? 'plain',
    quiet: false,
    tty: request.progress === 'tty',
    width: request.width ?? 80,
    builder: { name: 'default', driver: 'docker' },
    now: deps.now,
    stdout: log,
    stderr: log,
    onEvent: (event) => {
      labels.listen(event);
      callbacks.onEvent(event);
    },
    ...(callbacks.signal !== undefined ? { signal: callbacks.signal } : {}),
  });
  const previous = await readPrevious(deps.store, request.tag);
  if (exitCode !== 0 || result === undefined) {
    // The runner prints why a build failed; the code comes from the store (a full quota) or the signal.
    failure = callbacks.signal?.aborted ? 'cancelled' : deps.writeFailures.last();
    const outcome: BuildOutcome = { ok: false, error: errorTextOf(printed), tags: [], steps: [], simulatedSeconds: 0, realMs: 0, ...(failure !== undefined ? { code: failure } : {}) };
    await remember(deps.store, { [LAST_BUILD_KEY]: outcome });
    return outcome;
  }
  const outcome = await outcomeOf(deps.store, result, labels.labels, previous);
  await remember(deps.store, { [LAST_BUILD_KEY]: outcome, [previousKey(request.tag)]: previousOf(outcome) });
  return outcome;
}

async function outcomeOf(store: Store, result: BuildResult, labels: readonly string[], previous: PreviousBuild | undefined): Promise<BuildOutcome> {
  const record = await store.get('images', result.imageId);
  const configBytes = record !== undefined ? await store.get('blobs', record.configDigest) : undefined;
  const config = configBytes !== undefined ? parseImageConfig(configBytes) : undefined;
  let graph: BuildOutcome['stageGraph'];
  try {
    graph = stageGraph(result);
  } catch {
    graph = undefined;
  }
  return {
    ok: true,
    imageId: result.imageId,
    tags: result.tags.map((tag) => familiarRef(tag)),
    size: result.size,
    steps: stepSummaries(result, labels, config),
    simulatedSeconds: result.simulatedSeconds,
    realMs: result.realMs,
    ...(previous !== undefined ? { previous } : result.previous !== undefined ? { previous: { ...result.previous, steps: [] } } : {}),
    ...(graph !== undefined ? { stageGraph: graph } : {}),
  };
}

async function readPrevious(store: Store, tag: string): Promise<PreviousBuild | undefined> {
  const value = (await store.get('meta', previousKey(tag))) as PreviousBuild | undefined;
  return value !== undefined && typeof value.simulatedSeconds === 'number' && Array.isArray(value.steps) ? value : undefined;
}

export async function readLastBuild(store: Store): Promise<BuildOutcome | null> {
  const value = (await store.get('meta', LAST_BUILD_KEY)) as BuildOutcome | undefined;
  return value !== undefined && typeof value.ok === 'boolean' ? value : null;
}

/** Keeps outcomes for the next build and a reload; a full quota only loses this bookkeeping. */
async function remember(store: Store, values: Record<string, unknown>): Promise<void> {
  try {
    await store.write(async (tx) => {
      for (const [key, value] of Object.entries(values)) await tx.put('meta', key, JSON.parse(JSON.stringify(value)) as unknown);
    });
  } catch (error) {
    if (!isEngineError(error, 'quota')) throw error;
  }
}
