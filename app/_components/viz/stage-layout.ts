/**
 * Positions for the stage graph drawing: each stage one column right of the furthest thing it
 * reads from (stages can only read from earlier stages, so one pass in index order is enough),
 * each image named by FROM or `--from` just left of the first stage using it, edges as curves.
 */
import type { StageGraph, StageRef } from '@/lib/engine';

export interface LaidNode {
  id: string;
  kind: 'image' | 'stage';
  label: string;
  /** The stage's index, null for an image. */
  stage: number | null;
  x: number;
  y: number;
  skipped: boolean;
  target: boolean;
}

export interface LaidEdge {
  id: string;
  from: string;
  to: string;
  kind: 'from' | 'copy';
  /** SVG path data. */
  d: string;
}

export interface StageLayout {
  width: number;
  height: number;
  nodes: LaidNode[];
  edges: LaidEdge[];
}

export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 56;
const GAP_X = 64;
const GAP_Y = 20;
const PAD = 12;

export const refId = (ref: StageRef): string => (ref.kind === 'stage' ? `stage-${ref.index}` : `image-${ref.ref}`);

export function layoutStageGraph(graph: StageGraph): StageLayout {
  const column = new Map<string, number>();
  const hasImages = graph.images.length > 0;
  for (const ref of graph.images) column.set(`image-${ref}`, 0);
  const incoming = new Map<number, StageRef[]>();
  for (const edge of graph.edges) incoming.set(edge.to, [...(incoming.get(edge.to) ?? []), edge.from]);
  const first = hasImages ? 1 : 0;
  const stages = [...graph.stages].sort((a, b) => a.index - b.index);
  for (const stage of stages) {
    const sources = incoming.get(stage.index) ?? [];
    const col = sources.reduce((c, ref) => Math.max(c, (column.get(refId(ref)) ?? first - 1) + 1), first);
    column.set(`stage-${stage.index}`, col);
  }
  // An image sits just left of the first stage that uses it, so its edge does not cross other stages.
  for (const ref of graph.images) {
    const users = graph.edges.filter((e) => e.from.kind === 'image' && e.from.ref === ref).map((e) => column.get(`stage-${e.to}`) ?? first);
    if (users.length > 0) column.set(`image-${ref}`, Math.min(...users) - 1);
  }
  const rows = new Map<number, number>();
  const place = (id: string) => {
    const col = column.get(id) ?? 0;
    const row = rows.get(col) ?? 0;
    rows.set(col, row + 1);
    return { x: PAD + col * (NODE_WIDTH + GAP_X), y: PAD + row * (NODE_HEIGHT + GAP_Y) };
  };
  const nodes: LaidNode[] = [
    ...graph.images.map((ref) => ({ id: `image-${ref}`, kind: 'image' as const, label: ref, stage: null, ...place(`image-${ref}`), skipped: false, target: false })),
    ...stages.map((s) => ({ id: `stage-${s.index}`, kind: 'stage' as const, label: s.name, stage: s.index, ...place(`stage-${s.index}`), skipped: s.skipped, target: s.target })),
  ];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: LaidEdge[] = [];
  graph.edges.forEach((edge, i) => {
    const from = byId.get(refId(edge.from));
    const to = byId.get(`stage-${edge.to}`);
    if (from === undefined || to === undefined) return;
    const x1 = from.x + NODE_WIDTH;
    const y1 = from.y + NODE_HEIGHT / 2 + (edge.kind === 'copy' ? 8 : -8);
    const x2 = to.x;
    const y2 = to.y + NODE_HEIGHT / 2 + (edge.kind === 'copy' ? 8 : -8);
    const bend = Math.max(24, (x2 - x1) / 2);
    edges.push({ id: `edge-${i}`, from: from.id, to: to.id, kind: edge.kind, d: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}` });
  });
  const maxCol = Math.max(0, ...column.values());
  const maxRow = Math.max(1, ...rows.values());
  return {
    width: PAD * 2 + (maxCol + 1) * NODE_WIDTH + maxCol * GAP_X,
    height: PAD * 2 + maxRow * NODE_HEIGHT + (maxRow - 1) * GAP_Y,
    nodes,
    edges,
  };
}

/** The graph in words, for screen readers and for anyone who prefers a list. */
export function describeEdges(graph: StageGraph): string[] {
  const name = (ref: StageRef) => (ref.kind === 'image' ? ref.ref : (graph.stages.find((s) => s.index === ref.index)?.name ?? `stage ${ref.index}`));
  return graph.edges.map((edge) => {
    const to = graph.stages.find((s) => s.index === edge.to)?.name ?? `stage ${edge.to}`;
    return edge.kind === 'from' ? `${to} is built FROM ${name(edge.from)}` : `${to} copies files from ${name(edge.from)} (COPY --from)`;
  });
}
