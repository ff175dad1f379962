import { createShellLexer, type Dockerfile, type Instructions } from '@/lib/dockerfile';
import type { Digest } from '@/lib/util';
import { EngineError } from '../errors';
import { parseImagePlatform, formatImagePlatform } from '../image';
import type { DiffIdMemo } from '../layer';
import { hashText } from './cache-key';
import { loadContext, type LoadedContext } from './context';
import { resolveImage, saveSourceImage } from './image-resolver';
import type { BuildPlan } from './plan';
import type { BuildSession } from './session';
import type { BuildIo, BuildRequest, SourceImage } from './types';

/**
 * The session every handler shares: numbering, the simulated clock's inputs, the context (loaded
 * once), base images (resolved once per build, pulled images kept in the store), deterministic
 * texts. Times: SOURCE_DATE_EPOCH when given (reproducible builds); else the request's wall clock,
 * kept per cache record so a cached rebuild gives the same image ID (history-times.ts); without a
 * clock the Unix epoch, so tests get the same image ID on every run and machine.
 */
export interface SessionArgs {
  request: BuildRequest;
  io: BuildIo;
  dockerfile: Dockerfile;
  instructions: Instructions;
  plan: BuildPlan;
  memo: DiffIdMemo;
  now: () => number;
  /**
   * What the sessions of one multi-platform build share: the vertex numbering and the context
   * (sent once). Absent for a single-platform build.
   */
  shared?: SharedSessionParts;
  /** Label steps with the platform (`[linux/arm64 2/4]`): a multi-platform build. */
  labelPlatform?: boolean;
}

export interface SharedSessionParts {
  nextVertex(): number;
  context(): Promise<LoadedContext>;
}

/** Sessions of one build share these; `createSharedParts` makes them for a multi-platform build. */
export function createSharedParts(request: BuildRequest): SharedSessionParts {
  let vertex = 0;
  let context: Promise<LoadedContext> | null = null;
  return {
    nextVertex: () => ++vertex,
    context() {
      context ??= loadContext(request.context, request.dockerfilePath ?? 'Dockerfile');
      return context;
    },
  };
}

/** RFC 3339 with whole seconds when the time has no fraction (`1970-01-01T00:00:00Z`). */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function sourceDateEpoch(request: BuildRequest): string | null {
  const epoch = request.buildArgs?.SOURCE_DATE_EPOCH;
  return epoch !== undefined && /^\d+$/.test(epoch) ? isoTime(Number(epoch) * 1000) : null;
}

export function createSession(args: SessionArgs): BuildSession {
  const { request, io, dockerfile, plan, memo, now, instructions } = args;
  const mode = request.builder ?? 'buildkit';
  const platform = parseImagePlatform(request.platform ?? 'linux/amd64');
  const platformText = formatImagePlatform(platform);
  const dockerfilePath = request.dockerfilePath ?? 'Dockerfile';
  // The classic builder runs every stage up to the target, in order (no pruning).
  const order = mode === 'classic' ? plan.stages.filter((s) => s.index <= plan.target.index).map((s) => s.index) : plan.order;
  const classicTotal = instructions.stages.filter((s) => order.includes(s.index)).reduce((n, s) => n + 1 + s.commands.length, 0);
  const shared = args.shared ?? createSharedParts(request);
  const images = new Map<string, Promise<SourceImage>>();

  const session: BuildSession = {
    request,
    io,
    mode,
    dockerfile,
    dockerfilePath,
    plan,
    order,
    lexer: createShellLexer(dockerfile.escapeToken),
    memo,
    platform,
    platformText,
    sourceDateEpoch: sourceDateEpoch(request),
    wallTime: () => isoTime(request.now?.() ?? 0),
    labelPlatform: args.labelPlatform === true ? platformText : null,
    noCache: request.noCache === true,
    steps: [],
    warnings: [],
    stageStates: new Map(),
    classic: { index: 0, total: classicTotal },
    emit: (event) => io.onEvent?.(event),
    nextVertex: shared.nextVertex,
    now,
    context: shared.context,
    async contextTree() {
      return (await session.context()).tree;
    },
    resolveImage(ref, imagePlatform) {
      const key = `${ref}|${imagePlatform}`;
      let pending = images.get(key);
      if (pending === undefined) {
        pending = (async () => {
          const { image, pulled } = await resolveImage(io.store, io.imageSource, ref, imagePlatform, { matchPlatform: request.platform !== undefined || request.platforms !== undefined });
          if (!pulled) return image;
          const tag = keepPulled(request, imagePlatform);
          if (tag) {
            await saveSourceImage(io.store, image, imagePlatform, io.sha256, { tag, fallbackCreated: session.wallTime() });
            return image;
          }
          // Not kept as an image: the builder's content store remembers the pull (a cache record),
          // so the next build finds it there instead of downloading it again.
          const key = `pulled|${image.digest}|${imagePlatform}`;
          if ((await io.store.get('buildCache', key)) !== undefined) return { ...image, downloadSize: 0 };
          await saveSourceImage(io.store, image, imagePlatform, io.sha256, { tag, fallbackCreated: session.wallTime() });
          const time = session.wallTime();
          await io.store.write((tx) => tx.put('buildCache', key, { result: { diffId: null }, created: time, lastUsed: time }));
          return image;
        })();
        images.set(key, pending);
      }
      return pending;
    },
    digestOf: (text) => hashText(text, io.sha256) as Promise<Digest>,
    async refId(label) {
      const hex = (await hashText(`${dockerfilePath}|${label}`, io.sha256)).slice(7);
      const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
      const id = BigInt(`0x${hex.slice(32)}`).toString(36).padStart(25, '0').slice(0, 25);
      return `${uuid}::${id}`;
    },
    checkCancelled() {
      if (io.signal?.aborted === true) throw new EngineError('cancelled', 'context canceled', { cause: io.signal.reason });
    },
  };
  return session;
}


/**
 * Whether a pulled base image is kept as a tagged image: the daemon's builder keeps its host
 * platform's pulls (`docker images` lists them); another platform's pull would take over the
 * host's tag, and a docker-container builder keeps pulls in its own cache.
 */
function keepPulled(request: BuildRequest, platform: string): boolean {
  if (request.keepPulledImages === false) return false;
  return formatImagePlatform(parseImagePlatform(platform)) === 'linux/amd64';
}
