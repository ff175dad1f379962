// The views against the real engine, as the worker runs it (app/_worker/engine.ts over
// fake-indexeddb): the material's layer example built, app.py edited, built again. Checks that
// the engine's data and the views agree on what a student should see.
import 'fake-indexeddb/auto';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wasmSha256 } from '@/lib/util';
import { openIndexedDbStore, type ImageAnalysis } from '@/lib/engine';
import { openLightningFs } from '@/lib/workspace';
import { createWebLocks } from '@/tests/helpers/web-locks';
import { createEngine, type Engine } from '../../_worker/engine';
import type { BuildOutcome } from '../../_lib/engine/api';
import { LayerStack } from './layer-stack';
import { cacheMarks, outcomeFor, stackRows } from './stack-model';
import { timelineRows, timelineTotals } from './timeline-model';

const locks = createWebLocks();
(globalThis.navigator as { locks?: unknown }).locks = locks;

let engine: Engine;
let first: BuildOutcome;
let second: BuildOutcome;
let analysis: ImageAnalysis;

beforeAll(async () => {
  engine = createEngine({
    openStore: (name) => openIndexedDbStore({ workspace: `viz-${name}` }),
    openFiles: (name, mount) => openLightningFs(`layerlab-viz-${name.replace(/^layerlab-/, '')}`, { mount }),
    sha256: wasmSha256,
    databases: indexedDB,
    locks,
    channel: (name) => new BroadcastChannel(`${name}-viz`) as never,
    now: () => Date.parse('2026-01-01T00:00:00Z'),
  });
  await engine.ready();
  await engine.openExample('layer-concept');
  first = await engine.build({ tag: 'myapp:latest' }, () => undefined, () => undefined);
  await engine.writeFile('app.py', `${await engine.readFile('app.py')}\n# edited\n`);
  second = await engine.build({ tag: 'myapp:latest' }, () => undefined, () => undefined);
  analysis = await engine.analyzeImage('myapp:latest');
}, 60_000);

afterAll(async () => {
  await engine.dispose();
});

describe('the layer example, built twice', () => {
  it('shows four blocks: python:3.9 grouped, then the three own layers; only the last rebuilt', () => {
    expect(first.ok && second.ok).toBe(true);
    const marks = cacheMarks(analysis.stack, outcomeFor(analysis.stack, second));
    const rows = stackRows(analysis.stack, marks, { expandedBases: new Set(), showEmpty: false });
    expect(rows.map((r) => (r.node.kind === 'base' ? `FROM ${r.node.name}` : r.node.kind === 'layer' ? r.node.entry.instruction : ''))).toEqual([
      'COPY app.py .',
      'RUN pip install -r requirements.txt',
      'COPY requirements.txt .',
      'FROM python:3.9',
    ]);
    expect(rows.map((r) => (r.node.kind === 'meta' ? null : r.node.cached))).toEqual([false, true, true, true]);
    const html = renderToStaticMarkup(<LayerStack analysis={analysis} lastBuild={second} onOpenLayer={() => {}} />);
    expect(html.match(/data-testid="layer-item"/g)).toHaveLength(4);
  });

  it('pairs layers by diffID: the first build made the two lower layers, not the edited one', () => {
    const before = { ...first, imageId: analysis.image.id };
    const marks = cacheMarks(analysis.stack, outcomeFor(analysis.stack, before));
    const rows = stackRows(analysis.stack, marks, { expandedBases: new Set(), showEmpty: false });
    expect(rows.map((r) => (r.node.kind === 'meta' ? undefined : r.node.cached))).toEqual([null, false, false, false]);
  });

  it('compares the rebuild with the first build, step by step', () => {
    const totals = timelineTotals(second);
    expect(totals.simulatedChange).toMatch(/^\S.* → \S/);
    expect(second.previous?.simulatedSeconds ?? 0).toBeGreaterThan(second.simulatedSeconds);
    const rows = timelineRows(second);
    expect(rows.every((r) => r.previous !== null)).toBe(true);
    expect(rows.map((r) => r.cached)).toEqual([true, true, true, false]);
  });

  it('lists the files of the last layer: app.py, modified against nothing below (added)', async () => {
    const last = analysis.stack.layerCount - 1;
    const page = await engine.listLayerFiles('myapp:latest', last, '/', { offset: 0, limit: 200 });
    const paths: string[] = [];
    const walk = async (dir: string) => {
      for (const entry of (await engine.listLayerFiles('myapp:latest', last, dir, { offset: 0, limit: 200 })).entries) {
        paths.push(`${entry.change} ${entry.path}`);
        if (entry.kind === 'dir' && (entry.children ?? 0) > 0) await walk(entry.path);
      }
    };
    expect(page.total).toBeGreaterThan(0);
    await walk('/');
    expect(paths.some((p) => /^added \/.*app\.py$/.test(p))).toBe(true);
  });
});
