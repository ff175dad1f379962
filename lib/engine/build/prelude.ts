import { isEngineError } from '../errors';
import { resolveFrom } from './plan';
import { formatDecimalBytes } from './progress-plain';
import { normalizeRef } from './image-resolver';
import type { BuildSession } from './session';

/**
 * The `[internal]` vertices BuildKit shows before the steps: load build definition, load metadata
 * for each base image the needed stages use (resolving them — an unknown image fails here), load
 * .dockerignore, load build context (when a needed stage reads it).
 */
export async function runPrelude(sessions: readonly BuildSession[]): Promise<void> {
  const session = sessions[0];
  if (session === undefined) return;
  const timed = async (name: string, work: () => Promise<string[] | undefined>, vertexMessage = (message: string) => message): Promise<void> => {
    const vertex = session.nextVertex();
    const begin = session.now();
    session.emit({ type: 'vertex-start', vertex, name });
    try {
      const detail = await work();
      session.emit({ type: 'vertex-done', vertex, simulatedSeconds: 0, realMs: session.now() - begin, ...(detail ? { detail } : {}) });
    } catch (error) {
      session.emit({ type: 'vertex-error', vertex, message: vertexMessage(isEngineError(error) ? error.message : String(error)) });
      throw error;
    }
  };
  const size = new TextEncoder().encode(session.request.dockerfile).length;
  if (session.mode === 'classic') {
    // The legacy builder sends the whole context as a tar before anything else.
    const context = await session.context();
    session.emit({ type: 'context-sent', bytes: context.bytes, tarBytes: context.tarBytes });
  }
  await timed(`[internal] load build definition from ${session.dockerfilePath}`, async () => [`transferring dockerfile: ${size}B done`]);
  if (session.mode === 'classic') return;

  let usesContext = false;
  for (const each of sessions) {
    const refs = new Map<string, { ref: string; platform: string }>();
    const needed = each.order.map((i) => each.plan.stages[i]).filter((s) => s !== undefined);
    for (const stage of needed) {
      const platform = stage.platform ?? each.platformText;
      if (stage.base.kind === 'image') refs.set(`${normalizeRef(stage.base.ref)}|${platform}`, { ref: stage.base.ref, platform });
      for (const command of stage.stage.commands) {
        if (command.kind === 'add' || (command.kind === 'copy' && command.from === null)) usesContext ||= command.sources.length > 0;
        if (command.kind === 'copy' && command.from !== null) {
          const source = resolveFrom(command.from, stage, each.plan.stages);
          if (source.kind === 'image') refs.set(`${normalizeRef(source.ref)}|${each.platformText}`, { ref: source.ref, platform: each.platformText });
        }
      }
    }
    // A multi-platform build resolves each base once per platform: `[linux/arm64 internal] load metadata for …`.
    const label = each.labelPlatform === null ? '[internal]' : `[${each.labelPlatform} internal]`;
    for (const { ref, platform } of refs.values()) {
      // The vertex shows the resolver's own error (`no match for platform in manifest: not found`);
      // the build's error names the image (`node:18: failed to resolve source metadata for …: …`).
      await timed(
        `${label} load metadata for ${normalizeRef(ref)}`,
        async () => {
          await each.resolveImage(ref, platform);
          return undefined;
        },
        (message) => message.replace(/^.*?: failed to resolve source metadata for \S+: /, ''),
      );
    }
  }
  const context = await session.context();
  await timed('[internal] load .dockerignore', async () => [`transferring context: ${context.ignoreBytes}B done`]);
  if (usesContext) await timed('[internal] load build context', async () => [`transferring context: ${formatDecimalBytes(context.bytes)} done`]);
}
