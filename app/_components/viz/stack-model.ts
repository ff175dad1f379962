/**
 * The layer stack as rows: the image's own layers on top (newest first), then each base image
 * as one collapsible group (innermost base above the outermost, so the first FROM sits at the
 * bottom), and the cached/rebuilt mark of each row from the build that made the image.
 */
import type { LayerStack, StackEntry } from '@/lib/engine';
import type { BuildOutcome, BuildStepSummary } from '../../_lib/engine/api';
import { flattenTree, type TreeRow } from './tree-nav';

export type StackNode =
  | { kind: 'layer'; id: string; entry: StackEntry; cached: boolean | null }
  | { kind: 'base'; id: string; base: number; name: string; size: number; layers: number; entries: StackEntry[]; cached: boolean | null }
  | { kind: 'meta'; id: string; entry: StackEntry };

export type StackRow = TreeRow & { node: StackNode };

/** The build that made this image, or null (a different image, a failed build, no build). */
export function outcomeFor(stack: LayerStack, outcome: BuildOutcome | null | undefined): BuildOutcome | null {
  return outcome != null && outcome.ok && outcome.imageId === stack.imageId ? outcome : null;
}

export interface CacheMarks {
  /** By history index: whether the step that wrote this layer was cached. */
  layers: Map<number, boolean>;
  /** Whether the FROM step was cached (applies to every base layer); null when unknown. */
  base: boolean | null;
}

const isFrom = (step: BuildStepSummary) => /^from\s/i.test(step.instruction.trim());

/**
 * Matches the image's own layers to the build's steps in order, by diffID: steps of other stages
 * (a builder) are skipped over, and a diffID that occurs twice (two identical COPYs) pairs with
 * the next step that produced it, not the first.
 */
export function cacheMarks(stack: LayerStack, outcome: BuildOutcome | null): CacheMarks {
  const layers = new Map<number, boolean>();
  if (outcome === null) return { layers, base: null };
  const steps = outcome.steps;
  const stage = targetStage(outcome);
  // The target stage's steps first; a layer it inherited from another stage (`FROM builder`) pairs with any step.
  for (const onlyTarget of [true, false]) {
    let cursor = 0;
    for (const entry of stack.entries) {
      if (entry.base !== null || entry.diffId === null || layers.has(entry.index)) continue;
      const at = steps.findIndex((s, i) => i >= cursor && s.layer?.diffId === entry.diffId && (!onlyTarget || s.stage === stage));
      if (at < 0) continue;
      layers.set(entry.index, (steps[at] as BuildStepSummary).cached);
      cursor = at + 1;
    }
  }
  const froms = steps.filter(isFrom);
  const from = froms.filter((s) => s.stage === stage).pop() ?? froms[froms.length - 1];
  // A base image is pulled, never rebuilt: when the build says nothing about FROM, it was there already.
  return { layers, base: from?.cached ?? true };
}

/** The stage the image is: the stage graph's target when the steps name it, else the stage of the last step that wrote a layer. */
function targetStage(outcome: BuildOutcome): string | null {
  const graph = outcome.stageGraph;
  const named = graph?.stages.find((s) => s.index === graph.target)?.name;
  if (named !== undefined && outcome.steps.some((s) => s.stage === named)) return named;
  return [...outcome.steps].reverse().find((s) => s.layer !== undefined)?.stage ?? null;
}

export interface StackOptions {
  expandedBases: ReadonlySet<number>;
  /** Show history steps that wrote no layer (ENV, CMD…) as thin rows. */
  showEmpty: boolean;
}

/** The stack's top-level nodes in display order (top first), children of base groups newest first. */
export function stackNodes(stack: LayerStack, marks: CacheMarks, showEmpty: boolean): StackNode[] {
  const own = stack.entries.filter((e) => e.base === null);
  const toNode = (entry: StackEntry, cached: boolean | null): StackNode =>
    entry.emptyLayer ? { kind: 'meta', id: `meta-${entry.index}`, entry } : { kind: 'layer', id: `layer-${entry.index}`, entry, cached };
  const visible = (e: StackEntry) => showEmpty || !e.emptyLayer;
  const nodes: StackNode[] = own.filter(visible).reverse().map((e) => toNode(e, marks.layers.get(e.index) ?? null));
  for (let b = stack.bases.length - 1; b >= 0; b--) {
    const base = stack.bases[b];
    if (base === undefined) continue;
    const entries = stack.entries.filter((e) => e.base === b);
    nodes.push({
      kind: 'base',
      id: `base-${b}`,
      base: b,
      name: base.name,
      size: base.size,
      layers: entries.filter((e) => !e.emptyLayer).length,
      entries: entries.filter(visible).reverse(),
      cached: marks.base,
    });
  }
  return nodes;
}

/** Visible rows (base groups expanded or not) for rendering and keyboard navigation. */
export function stackRows(stack: LayerStack, marks: CacheMarks, options: StackOptions): StackRow[] {
  return flattenTree<StackNode>(stackNodes(stack, marks, options.showEmpty), {
    id: (n) => n.id,
    expandable: (n) => n.kind === 'base' && n.entries.length > 0,
    isExpanded: (id) => options.expandedBases.has(Number(id.slice('base-'.length))),
    children: (n) => (n.kind === 'base' ? n.entries.map((e) => (e.emptyLayer ? { kind: 'meta', id: `meta-${e.index}`, entry: e } : { kind: 'layer', id: `layer-${e.index}`, entry: e, cached: n.cached })) : undefined),
  });
}

/** The size a row shows: a layer's bytes, or a base group's total. */
export function rowSize(node: StackNode): number {
  return node.kind === 'base' ? node.size : node.entry.size;
}

/** The mark's words (never colour alone). A base image is never rebuilt: when not cached, it was pulled. */
export function cacheLabel(cached: boolean | null, base = false): 'cached' | 'rebuilt' | 'pulled' | null {
  if (cached === null) return null;
  if (cached) return 'cached';
  return base ? 'pulled' : 'rebuilt';
}
