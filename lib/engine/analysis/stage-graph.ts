import { parseDockerfile, toInstructions } from '@/lib/dockerfile';
import { planBuild, type BuildRequest, type BuildResult, type BuildStageNode, type StageBase, type StageSource } from '../build';
import { sizeSaving, type SizeSaving } from './size-saving';

/**
 * The multi-stage view's data (issue 6 "Multi-stage"): the stages as nodes, FROM and `COPY --from`
 * (or `RUN --mount=from=`) as edges, the stages the target did not need marked skipped, and the
 * saving of the final image against its builder. Reads `BuildResult.stageGraph`; a result without
 * it (recorded before the build kept it) can be planned again from its Dockerfile.
 */

export type StageRef = { kind: 'stage'; index: number } | { kind: 'image'; ref: string };

export interface StageGraphNode {
  index: number;
  name: string;
  built: boolean;
  /** Not needed by the target: BuildKit never ran it (greyed out in the view). */
  skipped: boolean;
  /** The stage the image is. */
  target: boolean;
  /** The stage's image size, base included (0 when skipped). */
  size: number;
  base: StageBase;
  /** Layers the stage ended with (unknown, so empty, when planned again from the Dockerfile). */
  diffIds: string[];
}

export interface StageGraphEdge {
  from: StageRef;
  /** Index of the stage that uses `from`. */
  to: number;
  /** `from`: the stage's FROM; `copy`: `COPY --from` or `RUN --mount=from=`. */
  kind: 'from' | 'copy';
}

export interface StageSavings extends SizeSaving {
  /** The largest built stage other than the target: what a single-stage build would carry. */
  builderStage: string;
  finalStage: string;
}

export interface StageGraph {
  stages: StageGraphNode[];
  edges: StageGraphEdge[];
  /** Images named by FROM or `--from`, in first-use order. */
  images: string[];
  /** Index of the target stage. */
  target: number;
  /** Builder against final; null for a build with one stage built. */
  savings: StageSavings | null;
}

export type StagePlanInput = Pick<BuildRequest, 'dockerfile' | 'target' | 'buildArgs' | 'platform'>;

export function stageGraph(result: BuildResult, request?: StagePlanInput): StageGraph {
  const nodes = result.stageGraph ?? (request !== undefined ? replan(result, request) : undefined);
  if (nodes === undefined) throw new RangeError('this build result has no stage graph: pass its Dockerfile to plan it again');
  const stages: StageGraphNode[] = nodes.map((node, i) => {
    const summary = result.stages[i];
    const built = summary?.built ?? node.diffIds.length > 0;
    return { index: node.index, name: node.name, built, skipped: !built, target: node.target, size: summary?.size ?? 0, base: node.base, diffIds: [...node.diffIds] };
  });
  const edges: StageGraphEdge[] = [];
  const images: string[] = [];
  const noteImage = (ref: StageRef) => {
    if (ref.kind === 'image' && !images.includes(ref.ref)) images.push(ref.ref);
  };
  for (const node of nodes) {
    if (node.base.kind !== 'scratch') {
      const from: StageRef = node.base.kind === 'stage' ? { kind: 'stage', index: node.base.index } : { kind: 'image', ref: node.base.ref };
      edges.push({ from, to: node.index, kind: 'from' });
      noteImage(from);
    }
    for (const source of node.sources as readonly StageSource[]) {
      edges.push({ from: { ...source }, to: node.index, kind: 'copy' });
      noteImage(source);
    }
  }
  const target = stages.find((s) => s.target) ?? (stages[stages.length - 1] as StageGraphNode);
  const builders = stages.filter((s) => s.built && s.index !== target.index).sort((a, b) => b.size - a.size);
  const builder = builders[0];
  const savings = builder === undefined ? null : { builderStage: builder.name, finalStage: target.name, ...sizeSaving(builder.size, target.size) };
  return { stages, edges, images, target: target.index, savings };
}

/** The stage nodes planned again from the Dockerfile (same planner as the build). */
function replan(result: BuildResult, request: StagePlanInput): BuildStageNode[] {
  const dockerfile = parseDockerfile(request.dockerfile);
  const plan = planBuild(dockerfile, toInstructions(dockerfile), {
    ...(request.target !== undefined ? { target: request.target } : {}),
    ...(request.buildArgs !== undefined ? { buildArgs: request.buildArgs } : {}),
    ...(request.platform !== undefined ? { platform: request.platform } : {}),
  });
  return plan.stages.map((s) => ({
    index: s.index,
    name: s.displayName,
    base: s.base,
    sources: s.sources,
    diffIds: s.index === plan.target.index ? result.layers.map((l) => l.diffId) : [],
    target: s.index === plan.target.index,
  }));
}
