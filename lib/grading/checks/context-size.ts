import { formatDecimalBytes, loadContext } from '@/lib/engine';
import { sizeOf } from './image-checks';
import type { GradingContext, Observation, SizeSpec } from './types';

/**
 * `context-size`: the bytes `docker build .` would send from the workspace after its
 * `.dockerignore` (BuildKit's `transferring context: …`), measured by the engine's own context
 * loader, so what the check reports is what the build log prints.
 */
export async function checkContextSize(ctx: GradingContext, dockerfile: string | undefined, below?: SizeSpec, above?: SizeSpec): Promise<Observation> {
  if (ctx.context === undefined) return { ok: false, error: true, detail: 'no build context to measure' };
  const loaded = await loadContext(ctx.context, (dockerfile ?? 'Dockerfile').replace(/^\.?\/+/, ''));
  const ok = (below === undefined || loaded.bytes < sizeOf(below)) && (above === undefined || loaded.bytes > sizeOf(above));
  return { ok, detail: `the build context is ${formatDecimalBytes(loaded.bytes)} (${loaded.bytes} bytes)` };
}
