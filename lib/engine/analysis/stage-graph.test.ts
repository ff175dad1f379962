import { describe, expect, it } from 'vitest';
import { wasmSha256 } from '@/lib/util';
import { build, createMemoryContext } from '../build';
import { createMemoryStore } from '../store';
import { stageGraph } from './stage-graph';

const DOCKERFILE = `FROM scratch AS builder
COPY src/ /src/
COPY build.out /out/app
FROM scratch AS test
COPY --from=builder /src /src
COPY tests /tests
FROM scratch
COPY --from=builder /out/app /usr/local/bin/app
CMD ["/usr/local/bin/app"]
`;
const FILES = { 'src/main.go': 'package main\n'.repeat(100), 'build.out': { data: 'BINARY', mode: 0o755 }, 'tests/t.txt': 't' };

async function built(target?: string) {
  const store = createMemoryStore();
  const request = { dockerfile: DOCKERFILE, context: createMemoryContext(FILES), tags: ['app'], ...(target ? { target } : {}) };
  return build(request, { store, sha256: wasmSha256 });
}

describe('stageGraph', () => {
  it('has FROM and COPY --from edges, the skipped stages, and the saving of the final image over its builder', async () => {
    const result = await built();
    const graph = stageGraph(result);
    expect(graph.stages.map((s) => [s.index, s.name, s.built, s.skipped, s.target, s.size])).toEqual([
      [0, 'builder', true, false, false, 1300 + 6],
      [1, 'test', false, true, false, 0],
      [2, 'stage-2', true, false, true, 6],
    ]);
    expect(graph.edges).toEqual([
      { from: { kind: 'stage', index: 0 }, to: 1, kind: 'copy' },
      { from: { kind: 'stage', index: 0 }, to: 2, kind: 'copy' },
    ]);
    expect(graph.target).toBe(2);
    expect(graph.stages[2]?.diffIds).toEqual(result.layers.map((l) => l.diffId));
    expect(graph.savings).toEqual({ builderStage: 'builder', finalStage: 'stage-2', beforeBytes: 1306, afterBytes: 6, savedBytes: 1300, savedMegabytes: 0, savedPercent: 99.5 });
  });

  it('follows --target, and plans a result recorded without a graph again from its Dockerfile', async () => {
    const result = await built('test');
    const graph = stageGraph(result);
    expect(graph.stages.map((s) => [s.name, s.skipped, s.target])).toEqual([
      ['builder', false, false],
      ['test', false, true],
      ['stage-2', true, false],
    ]);
    const { stageGraph: _kept, ...old } = result;
    expect(() => stageGraph(old)).toThrow(/pass its Dockerfile/);
    const replanned = stageGraph(old, { dockerfile: DOCKERFILE, target: 'test' });
    expect(replanned.edges).toEqual(graph.edges);
    expect(replanned.stages.map((s) => [s.name, s.skipped, s.target, s.size])).toEqual(graph.stages.map((s) => [s.name, s.skipped, s.target, s.size]));
  });

  it('names base images among its inputs and has no saving for a single stage', async () => {
    const store = createMemoryStore();
    const result = await build({ dockerfile: 'FROM scratch\nCOPY a /a\n', context: createMemoryContext({ a: 'x' }) }, { store, sha256: wasmSha256 });
    const graph = stageGraph(result);
    expect(graph).toMatchObject({ edges: [], images: [], target: 0, savings: null });
    const withImage = stageGraph({ ...result, stageGraph: [{ index: 0, name: 'stage-0', base: { kind: 'image', ref: 'alpine:3.19' }, sources: [{ kind: 'image', ref: 'nginx' }], diffIds: [], target: true }] });
    expect(withImage.edges).toEqual([
      { from: { kind: 'image', ref: 'alpine:3.19' }, to: 0, kind: 'from' },
      { from: { kind: 'image', ref: 'nginx' }, to: 0, kind: 'copy' },
    ]);
    expect(withImage.images).toEqual(['alpine:3.19', 'nginx']);
  });
});
