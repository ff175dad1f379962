import { describe, expect, it } from 'vitest';
import type { StageGraph } from '@/lib/engine';
import { describeEdges, layoutStageGraph } from './stage-layout';

const goMultiStage = (): StageGraph => ({
  stages: [
    { index: 0, name: 'builder', built: true, skipped: false, target: false, size: 850_000_000, base: { kind: 'image', ref: 'golang:1.21' }, diffIds: [] },
    { index: 1, name: 'test', built: false, skipped: true, target: false, size: 0, base: { kind: 'stage', index: 0 }, diffIds: [] },
    { index: 2, name: 'stage-2', built: true, skipped: false, target: true, size: 15_000_000, base: { kind: 'image', ref: 'alpine:3.19' }, diffIds: [] },
  ],
  edges: [
    { from: { kind: 'image', ref: 'golang:1.21' }, to: 0, kind: 'from' },
    { from: { kind: 'stage', index: 0 }, to: 1, kind: 'from' },
    { from: { kind: 'image', ref: 'alpine:3.19' }, to: 2, kind: 'from' },
    { from: { kind: 'stage', index: 0 }, to: 2, kind: 'copy' },
  ],
  images: ['golang:1.21', 'alpine:3.19'],
  target: 2,
  savings: { builderStage: 'builder', finalStage: 'stage-2', beforeBytes: 850_000_000, afterBytes: 15_000_000, savedBytes: 835_000_000, savedMegabytes: 835, savedPercent: 98.2 },
});

describe('stage graph layout', () => {
  it('puts each stage right of what it reads from, and each image just left of its first user', () => {
    const layout = layoutStageGraph(goMultiStage());
    const x = (id: string) => layout.nodes.find((n) => n.id === id)?.x ?? -1;
    expect(x('image-golang:1.21')).toBe(12);
    expect(x('stage-0')).toBeGreaterThan(x('image-golang:1.21'));
    // alpine feeds only the final stage (two columns in): it sits in the builder's column, not under golang.
    expect(x('image-alpine:3.19')).toBe(x('stage-0'));
    expect(x('stage-2')).toBeGreaterThan(x('image-alpine:3.19'));
    expect(x('stage-1')).toBeGreaterThan(x('stage-0'));
    // The final stage copies from the builder: it sits right of it.
    expect(x('stage-2')).toBeGreaterThan(x('stage-0'));
    expect(layout.nodes.find((n) => n.id === 'stage-1')?.skipped).toBe(true);
    expect(layout.nodes.find((n) => n.id === 'stage-2')?.target).toBe(true);
    expect(layout.edges.map((e) => `${e.from}>${e.to}:${e.kind}`)).toEqual(['image-golang:1.21>stage-0:from', 'stage-0>stage-1:from', 'image-alpine:3.19>stage-2:from', 'stage-0>stage-2:copy']);
    for (const node of layout.nodes) {
      expect(node.x + 168).toBeLessThanOrEqual(layout.width);
      expect(node.y + 56).toBeLessThanOrEqual(layout.height);
    }
  });

  it('draws no image column for a build FROM scratch only, and says the edges in words', () => {
    const graph: StageGraph = { stages: [{ index: 0, name: 'stage-0', built: true, skipped: false, target: true, size: 5, base: { kind: 'scratch' }, diffIds: [] }], edges: [], images: [], target: 0, savings: null };
    expect(layoutStageGraph(graph).nodes[0]?.x).toBe(12);
    expect(describeEdges(goMultiStage())).toEqual([
      'builder is built FROM golang:1.21',
      'test is built FROM builder',
      'stage-2 is built FROM alpine:3.19',
      'stage-2 copies files from builder (COPY --from)',
    ]);
  });
});
