import { instructionOf } from '@/lib/engine';
import { globRegex } from './glob';
import { loadImage } from './image-checks';
import type { GradingContext, Observation } from './types';

/**
 * `layer-reused`: did a rebuild reuse a step's layer? Two images the student built (`previous`
 * before a change, `image` after it) are compared the way Docker's cache decides: a step's layer
 * is reused when the image's layer stack up to and including it is the previous image's stack up
 * to the same point (same diffIDs on the same parents, so the same chainID). Steps are matched
 * by the instruction their history entry records (`RUN pip install *`, `COPY . .`), as
 * `docker history` shows it without the `/bin/sh -c` and `# buildkit` decorations. Unlike
 * `build-cached`, it needs no record of the build itself, so it grades what a student did in any
 * terminal, in any order.
 */
export async function checkLayerReused(ctx: GradingContext, image: string, previous: string, step: string, reused: boolean): Promise<Observation> {
  const [after, before] = await Promise.all([loadImage(ctx.store, image), loadImage(ctx.store, previous)]);
  if (after === null) return { ok: false, detail: `no image ${image}` };
  if (before === null) return { ok: false, detail: `no image ${previous}` };
  const regex = globRegex(step.trim().replace(/\s+/g, ' '), { path: false, caseInsensitive: true });
  const history = after.config.history ?? [];
  const matched: { text: string; reused: boolean }[] = [];
  let layer = 0;
  for (const entry of history) {
    if (entry.empty_layer === true) continue;
    const index = layer++;
    const text = instructionOf(entry.created_by).text.replace(/\s+/g, ' ');
    if (!regex.test(text)) continue;
    const same = index < before.layers.length && after.layers.slice(0, index + 1).every((l, i) => before.layers[i]?.diffId === l.diffId);
    matched.push({ text, reused: same });
  }
  if (matched.length === 0) return { ok: false, detail: `no layer of ${image} was made by ${step}` };
  const ok = matched.every((m) => m.reused === reused);
  return { ok, detail: matched.map((m) => `${m.text}: ${m.reused ? `same layer as in ${previous}` : `new layer, not in ${previous}`}`).join('; ') };
}
