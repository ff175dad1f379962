import { lint, parseDockerfile, toInstructions, type Instructions } from '@/lib/dockerfile';
import { createMemoryStore, loadImages, type Registries } from '@/lib/engine';
import { wasmSha256 } from '@/lib/util';
import { globRegex } from './glob';
import { describeRange, inRange } from './image-checks';
import type { CountRange, GradingContext, Observation } from './types';

const decoder = new TextDecoder();
const DEFAULT_DOCKERFILE = 'Dockerfile';

const noWorkspace: Observation = { ok: false, error: true, detail: 'no workspace to read' };

async function readText(ctx: GradingContext, path: string): Promise<string | null> {
  const bytes = await ctx.workspace?.readFile(path.replace(/^\.?\/+/, ''));
  return bytes == null ? null : decoder.decode(bytes);
}

/** The Dockerfile's stages, or an observation saying why there are none. */
async function stagesOf(ctx: GradingContext, path = DEFAULT_DOCKERFILE): Promise<Instructions | Observation> {
  if (ctx.workspace === undefined) return noWorkspace;
  const text = await readText(ctx, path);
  if (text === null) return { ok: false, detail: `no ${path} in the workspace` };
  try {
    return toInstructions(parseDockerfile(text));
  } catch (error) {
    return { ok: false, detail: `${path} does not parse: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export async function checkStageCount(ctx: GradingContext, path: string | undefined, range: CountRange): Promise<Observation> {
  const parsed = await stagesOf(ctx, path);
  if ('ok' in parsed) return parsed;
  const n = parsed.stages.length;
  return { ok: inRange(n, range), detail: `${path ?? DEFAULT_DOCKERFILE} has ${n} ${n === 1 ? 'stage' : 'stages'} (expected ${describeRange(range)})` };
}

/** The final stage's base, following `FROM builder` to the stage it names; ARG defaults expanded. */
export async function checkBaseImage(ctx: GradingContext, path: string | undefined, patterns: readonly string[]): Promise<Observation> {
  const parsed = await stagesOf(ctx, path);
  if ('ok' in parsed) return parsed;
  const args = new Map(parsed.metaArgs.flatMap((a) => a.args.map((d) => [d.key, d.value ?? ''] as const)));
  const expand = (word: string) => word.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, name: string) => args.get(name) ?? '');
  let stage = parsed.stages[parsed.stages.length - 1];
  let base = stage === undefined ? '' : expand(stage.from.image.value);
  for (let hops = 0; stage !== undefined && hops < parsed.stages.length; hops++) {
    const named = parsed.stages.find((s) => s.index < (stage?.index ?? 0) && s.name === base.toLowerCase());
    if (named === undefined) break;
    stage = named;
    base = expand(named.from.image.value);
  }
  if (base === '') return { ok: false, detail: 'the Dockerfile has no FROM' };
  const ok = patterns.some((p) => globRegex(p, { path: false, caseInsensitive: true }).test(base) || globRegex(p, { path: false, caseInsensitive: true }).test(base.replace(/^docker\.io\/(library\/)?/, '')));
  return { ok, detail: `the final stage is based on ${base}` };
}

export async function checkLintClean(ctx: GradingContext, path: string | undefined, rules: readonly string[]): Promise<Observation> {
  if (ctx.workspace === undefined) return noWorkspace;
  const file = path ?? DEFAULT_DOCKERFILE;
  const text = await readText(ctx, file);
  if (text === null) return { ok: false, detail: `no ${file} in the workspace` };
  const wanted = new Set(rules.map((r) => r.toLowerCase()));
  const findings = lint(text, { failureThreshold: 'none' }).findings.filter((f) => wanted.has(f.rule.toLowerCase()) || wanted.has(f.name.toLowerCase()));
  if (findings.length === 0) return { ok: true, detail: `${file} is clean of ${rules.join(', ')}` };
  return { ok: false, detail: findings.map((f) => `${file}:${f.line} ${f.rule} ${f.message}`).join('; ') };
}

export async function checkBuildCached(ctx: GradingContext, step: string, cached: boolean): Promise<Observation> {
  if (ctx.lastBuild === undefined) return { ok: false, error: true, detail: 'no build to look at yet' };
  const regex = globRegex(step.trim().replace(/\s+/g, ' '), { path: false, caseInsensitive: true });
  const steps = ctx.lastBuild.steps.filter((s) => regex.test(s.instruction.trim().replace(/\s+/g, ' ')));
  if (steps.length === 0) return { ok: false, detail: `no step of the last build matches ${step}` };
  const wrong = steps.filter((s) => s.cached !== cached);
  const describe = (s: (typeof steps)[number]) => `${s.instruction} (${s.cached ? 'CACHED' : 'built'})`;
  return { ok: wrong.length === 0, detail: steps.map(describe).join('; ') };
}

/** `docker load` into a scratch store: the engine's own archive reader, digests verified. */
export async function checkArchiveTags(ctx: GradingContext, path: string, tags: readonly string[], layers?: CountRange): Promise<Observation> {
  if (ctx.workspace === undefined) return noWorkspace;
  const bytes = await ctx.workspace.readFile(path.replace(/^\.?\/+/, ''));
  if (bytes === null) return { ok: false, detail: `no ${path} in the workspace` };
  const scratch = createMemoryStore();
  try {
    const loaded = await loadImages(scratch, [bytes], { sha256: ctx.sha256 ?? wasmSha256 });
    const have = new Set(loaded.images.flatMap((i) => i.tags.map(normalizeTag)));
    const absent = tags.filter((t) => !have.has(normalizeTag(t)));
    let ok = absent.length === 0;
    let layerNote = '';
    if (layers !== undefined) {
      const counts = await scratch.read(async (tx) => Promise.all(loaded.images.map(async (i) => (await tx.get('images', i.id))?.diffIds.length ?? 0)));
      ok &&= counts.length > 0 && counts.every((n) => inRange(n, layers));
      layerNote = `; layers: ${counts.join(', ')} (expected ${describeRange(layers)})`;
    }
    const listed = [...have].join(', ') || 'no tags';
    return { ok, detail: `${path} holds ${listed}${absent.length > 0 ? ` (missing ${absent.join(', ')})` : ''}${layerNote}` };
  } catch (error) {
    return { ok: false, detail: `${path} is not an image archive docker load reads: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await scratch.close();
  }
}

/** `app` → `app:latest`; a `docker.io/library/` prefix dropped, as RepoTags show it. */
function normalizeTag(tag: string): string {
  const bare = tag.replace(/^docker\.io\/(library\/)?/, '');
  return /:[^/]+$/.test(bare) || bare.includes('@') ? bare : `${bare}:latest`;
}

/** Pulls the reference into a scratch store: what `docker pull` on a fresh host would get. */
export async function checkRegistryTag(ctx: GradingContext, ref: string, sameAs?: string, platforms?: readonly string[]): Promise<Observation> {
  const registries: Registries | undefined = ctx.registries;
  if (registries === undefined) return { ok: false, error: true, detail: 'no registry to ask' };
  const scratch = createMemoryStore();
  try {
    // `docker pull --platform P` for each wanted variant: a single-platform push has only one.
    for (const platform of platforms ?? []) {
      try {
        await registries.pull({ ref, store: scratch, platform });
      } catch (error) {
        return { ok: false, detail: `${ref} has no ${platform} variant: ${error instanceof Error ? error.message : String(error)}` };
      }
    }
    if (platforms !== undefined && platforms.length > 0) return { ok: true, detail: `${ref} is in its registry for ${platforms.join(', ')}` };
    const pulled = await registries.pull({ ref, store: scratch });
    const remoteId = pulled.images[0]?.imageId;
    if (sameAs === undefined) return { ok: remoteId !== undefined, detail: `${ref} is in its registry` };
    const localId = await ctx.store.read(async (tx) => {
      const key = (await tx.keys('refs')).find((k) => normalizeTag(k) === normalizeTag(sameAs));
      return key === undefined ? undefined : (await tx.get('refs', key))?.imageId;
    });
    const ok = localId !== undefined && localId === remoteId;
    return { ok, detail: `${ref} in the registry is ${remoteId?.slice(7, 19) ?? 'nothing'}; ${sameAs} here is ${localId?.slice(7, 19) ?? 'not tagged'}` };
  } catch (error) {
    return { ok: false, detail: `${ref}: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await scratch.close();
  }
}

/**
 * `workspace-file`: a file the student wrote in the workspace (`docker inspect --format … >
 * arch.txt`) is there — or not — and holds a text. `equals` compares with surrounding
 * whitespace trimmed (a shell's `>` adds a newline); `contains` is a case-insensitive substring.
 */
export async function checkWorkspaceFile(ctx: GradingContext, path: string, spec: { present?: boolean; equals?: string; contains?: string }): Promise<Observation> {
  if (ctx.workspace === undefined) return noWorkspace;
  const text = await readText(ctx, path);
  const present = spec.present ?? true;
  if (text === null) return { ok: !present, detail: `no ${path} in the workspace` };
  if (!present) return { ok: false, detail: `${path} is in the workspace` };
  const shown = text.trim().length > 80 ? `${text.trim().slice(0, 77)}…` : text.trim();
  let ok = true;
  if (spec.equals !== undefined) ok &&= text.trim() === spec.equals.trim();
  if (spec.contains !== undefined) ok &&= text.toLowerCase().includes(spec.contains.toLowerCase());
  return { ok, detail: `${path} holds ${JSON.stringify(shown)}` };
}
