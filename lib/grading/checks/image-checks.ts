import {
  createContainer,
  createMemoryStore,
  createTreeCache,
  finalTree,
  humanizeBytes,
  isEngineError,
  loadAnalysisImage,
  parseBytes,
  resolveImage,
  seededRandom,
  startContainer,
  type AnalysisImage,
  type Store,
} from '@/lib/engine';
import type { ConfigField, CountRange, GradingContext, Observation, SizeSpec } from './types';
import { globRegex } from './glob';

/** The image, or null when the store has no such image (any other failure propagates). */
export async function loadImage(store: Store, name: string): Promise<AnalysisImage | null> {
  try {
    return await loadAnalysisImage(store, name);
  } catch (error) {
    if (isEngineError(error) && (error.code === 'no-such-image' || error.code === 'invalid-reference')) return null;
    throw error;
  }
}

export function sizeOf(spec: SizeSpec): number {
  if (typeof spec === 'number') return spec;
  const bytes = parseBytes(spec.replace(/\s+/g, ''));
  if (bytes === undefined) throw new Error(`not a size: ${JSON.stringify(spec)} (write 200MB, 1.5GB or 190MiB)`);
  return bytes;
}

export function inRange(value: number, range: CountRange): boolean {
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}

export function describeRange(range: CountRange): string {
  if (range.min !== undefined && range.max !== undefined) return range.min === range.max ? `exactly ${range.min}` : `${range.min} to ${range.max}`;
  return range.min !== undefined ? `at least ${range.min}` : range.max !== undefined ? `at most ${range.max}` : 'any number';
}

const missing = (name: string): Observation => ({ ok: false, detail: `no image ${name}` });

export async function checkImageExists(ctx: GradingContext, image: string, exists: boolean): Promise<Observation> {
  const found = await loadImage(ctx.store, image);
  return { ok: (found !== null) === exists, detail: found === null ? `no image ${image}` : `image ${image} is ${found.id.slice(7, 19)}` };
}

export async function checkImageSize(ctx: GradingContext, image: string, below?: SizeSpec, above?: SizeSpec): Promise<Observation> {
  const found = await loadImage(ctx.store, image);
  if (found === null) return missing(image);
  const ok = (below === undefined || found.size < sizeOf(below)) && (above === undefined || found.size > sizeOf(above));
  return { ok, detail: `${image} is ${humanizeBytes(found.size)} (${found.size} bytes)` };
}

export async function checkLayerCount(ctx: GradingContext, image: string, count: 'layers' | 'history', range: CountRange): Promise<Observation> {
  const found = await loadImage(ctx.store, image);
  if (found === null) return missing(image);
  const n = count === 'history' ? (found.config.history?.length ?? 0) : found.layers.length;
  return { ok: inRange(n, range), detail: `${image} has ${n} ${count === 'history' ? 'history entries' : n === 1 ? 'layer' : 'layers'} (expected ${describeRange(range)})` };
}

export async function checkConfig(ctx: GradingContext, image: string, field: ConfigField, spec: { equals?: unknown; contains?: string; absent?: boolean }): Promise<Observation> {
  const found = await loadImage(ctx.store, image);
  if (found === null) return missing(image);
  const value = (found.config.config as Record<string, unknown> | undefined)?.[field];
  const shown = value === undefined ? 'not set' : JSON.stringify(value);
  const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && Object.keys(value as object).length === 0);
  let ok = true;
  if (spec.absent === true) ok &&= empty;
  if (spec.equals !== undefined) ok &&= stableJson(value ?? null) === stableJson(spec.equals);
  if (spec.contains !== undefined) ok &&= containsValue(value, spec.contains);
  return { ok, detail: `${field} of ${image}: ${shown}` };
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** An element (`Env` has `PATH=…`; `KEY` matches `KEY=…`), a key (`ExposedPorts` has `80/tcp`; `80` matches), a substring. */
function containsValue(value: unknown, needle: string): boolean {
  if (typeof value === 'string') return value.includes(needle);
  if (Array.isArray(value)) return value.some((v) => typeof v === 'string' && (v === needle || v.startsWith(`${needle}=`) || v.includes(needle)));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => k === needle || k === `${needle}/tcp` || `${k}=${String(v)}` === needle);
  }
  return false;
}

type Tree = ReturnType<typeof finalTree>;
type Node = Tree['children'][number]['node'];

/** Every path in the tree (files, dirs, links), bounded so a huge image costs bounded time. */
function* walk(dir: Tree, prefix: string, budget: { left: number }): Generator<[string, Node]> {
  for (const entry of dir.children) {
    if (budget.left-- <= 0) return;
    const path = `${prefix}/${entry.name}`;
    yield [path, entry.node];
    if (entry.node.kind === 'dir') yield* walk(entry.node, path, budget);
  }
}

export async function checkFile(ctx: GradingContext, image: string, pattern: string, present: boolean): Promise<Observation> {
  const found = await loadImage(ctx.store, image);
  if (found === null) return missing(image);
  const tree = finalTree(found, createTreeCache());
  const clean = `/${pattern.replace(/^\/+|\/+$/g, '')}`;
  const regex = globRegex(clean);
  const hits: string[] = [];
  for (const [path] of walk(tree, '', { left: 500_000 })) {
    if (regex.test(path)) hits.push(path);
    if (hits.length >= 3) break;
  }
  const detail = hits.length === 0 ? `${pattern}: not in ${image}` : `${pattern}: ${hits.join(', ')}${hits.length >= 3 ? ', …' : ''} in ${image}`;
  return { ok: (hits.length > 0) === present, detail };
}

/**
 * Starts a container of the image in a scratch store holding a copy of the image's records, so
 * the student's store is untouched: the same runc-style checks `docker run` does (command found,
 * interpreter present, Go binary loadable), then the process runs.
 */
export async function checkImageStarts(ctx: GradingContext, image: string, args: readonly string[]): Promise<Observation> {
  const scratch = createMemoryStore();
  const copied = await ctx.store.read(async (tx) => {
    let id;
    try {
      id = await resolveImage(tx, image);
    } catch {
      return null;
    }
    const record = await tx.get('images', id);
    const config = record && (await tx.get('blobs', record.configDigest));
    if (record === undefined || config === undefined) return null;
    const layers = [];
    for (const diffId of record.diffIds) layers.push([diffId, await tx.get('layers', diffId)] as const);
    return { id, record, config, layers };
  });
  if (copied === null) return missing(image);
  await scratch.write(async (tx) => {
    await tx.put('images', copied.id, copied.record);
    await tx.put('blobs', copied.record.configDigest, copied.config);
    for (const [diffId, layer] of copied.layers) if (layer !== undefined) await tx.put('layers', diffId, layer);
    await tx.put('refs', 'docker.io/library/grading-check:latest', { imageId: copied.id });
  });
  const now = ctx.now ?? Date.parse('2026-01-01T00:00:00Z');
  let output = '';
  try {
    const { id } = await createContainer(scratch, { image: 'grading-check', args: [...args] }, { now, random: seededRandom('grading') });
    const started = await startContainer(scratch, id, { now, onStdout: (t) => (output += t), onStderr: (t) => (output += t) });
    const tail = output.trim().split('\n').slice(-1)[0] ?? '';
    if (started.status === 'running') return { ok: true, detail: `${image} starts and keeps running` };
    return { ok: started.exitCode === 0, detail: `${image} exited with code ${started.exitCode}${tail !== '' ? `: ${tail}` : ''}` };
  } catch (error) {
    return { ok: false, detail: `${image} does not start: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await scratch.close();
  }
}

export async function checkDanglingCount(ctx: GradingContext, range: CountRange): Promise<Observation> {
  const count = await ctx.store.read(async (tx) => {
    const tagged = new Set<string>((await tx.list('refs')).filter(([key]) => !key.includes('@')).map(([, ref]) => ref.imageId));
    return (await tx.keys('images')).filter((id) => !tagged.has(id)).length;
  });
  return { ok: inRange(count, range), detail: `${count} dangling ${count === 1 ? 'image' : 'images'} (expected ${describeRange(range)})` };
}
