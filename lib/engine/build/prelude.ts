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
export async function runPrelude(session: BuildSession): Promise<void> {
  const timed = async (name: string, work: () => Promise<string[] | undefined>): Promise<void> => {
    const vertex = session.nextVertex();
    const begin = session.now();
    session.emit({ type: 'vertex-start', vertex, name });
    try {
      const detail = await work();
      session.emit({ type: 'vertex-done', vertex, simulatedSeconds: 0, realMs: session.now() - begin, ...(detail ? { detail } : {}) });
    } catch (error) {
      session.emit({ type: 'vertex-error', vertex, message: isEngineError(error) ? error.message : String(error) });
      throw error;
    }
  };
  const size = new TextEncoder().encode(session.request.dockerfile).length;
  await timed(`[internal] load build definition from ${session.dockerfilePath}`, async () => [`transferring dockerfile: ${size}B done`]);
  if (session.mode === 'classic') return;

  const needed = session.order.map((i) => session.plan.stages[i]).filter((s) => s !== undefined);
  const refs = new Map<string, { ref: string; platform: string }>();
  let usesContext = false;
  for (const stage of needed) {
    const platform = stage.platform ?? session.platformText;
    if (stage.base.kind === 'image') refs.set(`${normalizeRef(stage.base.ref)}|${platform}`, { ref: stage.base.ref, platform });
    for (const command of stage.stage.commands) {
      if (command.kind === 'add' || (command.kind === 'copy' && command.from === null)) usesContext ||= command.sources.length > 0;
      if (command.kind === 'copy' && command.from !== null) {
        const source = resolveFrom(command.from, stage, session.plan.stages);
        if (source.kind === 'image') refs.set(`${normalizeRef(source.ref)}|${session.platformText}`, { ref: source.ref, platform: session.platformText });
      }
    }
  }
  for (const { ref, platform } of refs.values()) {
    await timed(`[internal] load metadata for ${normalizeRef(ref)}`, async () => {
      await session.resolveImage(ref, platform);
      return undefined;
    });
  }
  const context = await session.context();
  await timed('[internal] load .dockerignore', async () => [`transferring context: ${context.ignoreBytes}B done`]);
  if (usesContext) await timed('[internal] load build context', async () => [`transferring context: ${formatDecimalBytes(context.bytes)} done`]);
}
