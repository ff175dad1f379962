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
 * texts. `created` is SOURCE_DATE_EPOCH when given, else the Unix epoch, so the same Dockerfile
 * and context give the same image ID on every run and machine (buildah `--timestamp 0`).
 */
export interface SessionArgs {
  request: BuildRequest;
  io: BuildIo;
  dockerfile: Dockerfile;
  instructions: Instructions;
  plan: BuildPlan;
  memo: DiffIdMemo;
  now: () => number;
}

function createdTime(request: BuildRequest): string {
  const epoch = request.buildArgs?.SOURCE_DATE_EPOCH;
  const seconds = epoch !== undefined && /^\d+$/.test(epoch) ? Number(epoch) : 0;
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
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
  let vertex = 0;
  let context: Promise<LoadedContext> | null = null;
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
    created: createdTime(request),
    noCache: request.noCache === true,
    steps: [],
    warnings: [],
    stageStates: new Map(),
    classic: { index: 0, total: classicTotal },
    emit: (event) => io.onEvent?.(event),
    nextVertex: () => ++vertex,
    now,
    context() {
      context ??= loadContext(request.context, dockerfilePath);
      return context;
    },
    async contextTree() {
      return (await session.context()).tree;
    },
    resolveImage(ref, imagePlatform) {
      const key = `${ref}|${imagePlatform}`;
      let pending = images.get(key);
      if (pending === undefined) {
        pending = (async () => {
          const { image, pulled } = await resolveImage(io.store, io.imageSource, ref, imagePlatform);
          if (pulled) await saveSourceImage(io.store, image, imagePlatform, io.sha256, session.created);
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

