import { isDockerfileError, parseDockerfile, toInstructions, type Dockerfile, type Instructions } from '@/lib/dockerfile';
import { EngineError, isEngineError } from '../errors';
import { createDiffIdMemo, type DiffIdMemo, type DiffIdPersistence, type LayerDigest } from '../layer';
import type { Store } from '../store';
import { createSession, createSharedParts } from './create-session';
import { executeStage } from './execute-stage';
import { describeExport, exportImages, type ExportedImage } from './export-image';
import { normalizeRef } from './image-resolver';
import { planBuild, type BuildPlan } from './plan';
import { runPrelude } from './prelude';
import { BuildError, type BuildSession, type StageState } from './session';
import type { BuildIo, BuildRequest, BuildResult } from './types';

/**
 * `docker build`: parse → typed instructions → stage plan → each needed stage through the
 * dispatch table → the target stage exported as an image (docker-semantics §2a–2c). Events
 * stream to `io.onEvent`; failures are EngineErrors with BuildKit's texts (a BuildError carries
 * the instruction's range for the CLI's snippet); a failed build leaves the store as the last
 * successful step left it — earlier steps cached, no image, no tag.
 */
export async function build(request: BuildRequest, io: BuildIo): Promise<BuildResult> {
  const now = io.clock?.now ?? (() => performance.now());
  const started = now();
  try {
    const tags = (request.tags ?? []).map(normalizeTag);
    const platforms = request.platforms !== undefined && request.platforms.length > 0 ? [...new Set(request.platforms)] : [request.platform];
    const multi = platforms.length > 1;
    const memo = io.diffIdMemo ?? storeDiffIdMemo(io.store, io.sha256);
    const shared = createSharedParts(request);
    const sessions: BuildSession[] = platforms.map((platform) => {
      const platformRequest: BuildRequest = { ...request, ...(platform !== undefined ? { platform } : {}) };
      const { dockerfile, instructions, plan } = prepare(platformRequest);
      return createSession({ request: platformRequest, io, dockerfile, plan, memo, now, instructions, shared, labelPlatform: multi });
    });
    await runPrelude(sessions);
    const targets: Array<{ session: BuildSession; state: StageState }> = [];
    for (const session of sessions) targets.push({ session, state: await runStages(session) });
    const session = sessions[0] as BuildSession;
    session.checkCancelled();
    let exported: ExportedImage;
    if (request.output === 'cache') {
      exported = await describeExport(targets);
    } else {
      const exportVertex = session.nextVertex();
      const exportStart = now();
      session.emit({ type: 'vertex-start', vertex: exportVertex, name: 'exporting to image' });
      exported = await exportImages(targets, tags);
      session.emit({ type: 'vertex-done', vertex: exportVertex, simulatedSeconds: 0, realMs: now() - exportStart, detail: exportDetail(exported, tags) });
    }
    const warnings = [...new Set(sessions.flatMap((s) => s.warnings))];
    if (session.mode === 'classic') {
      const unused = session.plan.argScope.unusedBuildArgs();
      if (unused.length > 0) warnings.push(`[Warning] One or more build-args [${unused.join(' ')}] were not consumed`);
    }
    for (const message of warnings) session.emit({ type: 'warning', message });
    const steps = sessions.flatMap((s) => s.steps);
    const simulatedSeconds = steps.reduce((n, s) => n + s.simulatedSeconds, 0);
    const realMs = now() - started;
    session.emit({ type: 'build-done', imageId: exported.imageId, tags, simulatedSeconds, realMs });
    const previous = request.output === 'cache' ? undefined : await rememberBuildTime(io.store, tags[0], { simulatedSeconds, realMs });
    const main = targets.find((t) => t.session.platformText === 'linux/amd64') ?? (targets[0] as (typeof targets)[number]);
    return {
      ...(previous ? { previous } : {}),
      imageId: exported.imageId,
      tags,
      size: exported.size,
      steps,
      layers: main.state.layers.map((l) => ({ createdBy: l.createdBy, size: l.size, diffId: l.diffId })),
      stages: main.session.plan.stages.map((s) => {
        const state = main.session.stageStates.get(s.index);
        return { name: s.displayName, built: state !== undefined, size: state?.layers.reduce((n, l) => n + l.size, 0) ?? 0 };
      }),
      stageGraph: main.session.plan.stages.map((s) => ({
        index: s.index,
        name: s.displayName,
        base: { ...s.base },
        sources: s.sources.map((source) => ({ ...source })),
        diffIds: main.session.stageStates.get(s.index)?.layers.map((l) => l.diffId) ?? [],
        target: s.index === main.session.plan.target.index,
      })),
      simulatedSeconds,
      realMs,
      warnings,
      manifestDigest: exported.manifestDigest,
      ...(exported.index !== undefined ? { index: exported.index } : {}),
    };
  } catch (error) {
    io.onEvent?.({ type: 'build-error', message: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

/** Each stage the target needs, in order; returns the target's state. */
async function runStages(session: BuildSession): Promise<StageState> {
  const { plan } = session;
  const singleStage = plan.stages.length === 1;
  let target: StageState | null = null;
  for (const index of session.order) {
    const planned = plan.stages[index];
    if (planned === undefined) continue;
    const state = await executeStage(session, planned, singleStage);
    session.stageStates.set(index, state);
    if (index === plan.target.index) target = state;
  }
  for (const index of plan.stages.map((s) => s.index).filter((i) => !session.order.includes(i))) {
    session.emit({ type: 'stage-skipped', stage: plan.stages[index]?.displayName ?? `stage-${index}` });
  }
  if (target === null) throw new EngineError('build', `target stage ${plan.target.displayName} was not built`);
  return target;
}

/** The export vertex's lines (`writing image sha256:… done`; a multi-platform build lists its manifests). */
function exportDetail(exported: ExportedImage, tags: readonly string[]): string[] {
  const naming = tags.map((t) => `naming to ${t} done`);
  if (exported.index === undefined) return ['exporting layers done', `writing image ${exported.imageId} done`, ...naming];
  return [
    'exporting layers done',
    ...exported.index.images.flatMap((image) => [`exporting manifest ${image.manifestDigest} done`, `exporting config ${image.imageId} done`]),
    `exporting manifest list ${exported.index.digest} done`,
    ...naming,
  ];
}

type BuildTime = { simulatedSeconds: number; realMs: number };

/**
 * Records this build's times under its repository (`meta` key `build-time/<name>`) and returns the
 * previous record. Only timing for the build summary: a failure here never fails the build.
 */
async function rememberBuildTime(store: Store, tag: string | undefined, time: BuildTime): Promise<BuildTime | undefined> {
  if (tag === undefined) return undefined;
  const key = `build-time/${tag.replace(/[:@][^/]*$/, '')}`;
  try {
    return await store.write(async (tx) => {
      const before = (await tx.get('meta', key)) as BuildTime | undefined;
      await tx.put('meta', key, time);
      return before !== undefined && typeof before.simulatedSeconds === 'number' ? before : undefined;
    });
  } catch {
    return undefined;
  }
}

/** Entries the default per-store memo keeps (oldest dropped first): a few MB of keys at most. */
const STORE_MEMO_ENTRIES = 4096;
const storeMemos = new WeakMap<Store, DiffIdMemo>();

/** Meta keys of persisted diffIDs: `diff-id/<change-set fingerprint>@<mtime>` → `{ diffId, tarSize }`. */
export const DIFF_ID_META_PREFIX = 'diff-id/';

/** The memo's results kept in the store's meta, so a reload (or another CLI run) never rehashes a layer. */
function storePersistence(store: Store): DiffIdPersistence {
  return {
    load: async (key) => (await store.get('meta', `${DIFF_ID_META_PREFIX}${key}`)) as LayerDigest | undefined,
    save: (key, digest) => store.write((tx) => tx.put('meta', `${DIFF_ID_META_PREFIX}${key}`, { diffId: digest.diffId, tarSize: digest.tarSize })),
  };
}

/**
 * The default diffID memo of a store: lives as long as the store object, so every build over it
 * in this process shares it, and keeps big layers' results in the store's meta. A diffID is the
 * sha256 of the layer tar whichever hasher computes it, so sharing one memo between builds that
 * inject different factories changes no ID.
 */
function storeDiffIdMemo(store: Store, sha256: BuildIo['sha256']): DiffIdMemo {
  let memo = storeMemos.get(store);
  if (memo === undefined) {
    memo = createDiffIdMemo(sha256, { maxEntries: STORE_MEMO_ENTRIES, persistence: storePersistence(store) });
    storeMemos.set(store, memo);
  }
  return memo;
}

/** `-t Foo` → BuildKit's `invalid tag "Foo": repository name must be lowercase`. */
function normalizeTag(tag: string): string {
  try {
    return normalizeRef(tag);
  } catch (error) {
    const reason = isEngineError(error) && isEngineError(error.cause) ? error.cause.message.replace(/^invalid reference format: /, '') : String(error);
    throw new EngineError('build', `invalid tag ${JSON.stringify(tag)}: ${reason}`, { cause: error });
  }
}

function prepare(request: BuildRequest): { dockerfile: Dockerfile; instructions: Instructions; plan: BuildPlan } {
  try {
    const dockerfile = parseDockerfile(request.dockerfile);
    const instructions = toInstructions(dockerfile);
    const plan = planBuild(dockerfile, instructions, {
      ...(request.target !== undefined ? { target: request.target } : {}),
      ...(request.buildArgs !== undefined ? { buildArgs: request.buildArgs } : {}),
      ...(request.platform !== undefined ? { platform: request.platform } : {}),
    });
    return { dockerfile, instructions, plan };
  } catch (error) {
    if (isDockerfileError(error)) throw new BuildError(error.message, error.range, { cause: error });
    if (isEngineError(error) && isDockerfileError(error.cause)) throw new BuildError(error.message, error.cause.range, { cause: error.cause });
    throw error;
  }
}
