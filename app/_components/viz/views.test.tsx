// The views rendered to HTML (React's server renderer): what a user and a screen reader get from
// the engine's data, without a browser. Interaction is covered by the pure models' tests and the
// Playwright spec (tests/e2e/views.spec.ts).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { StageGraph as StageGraphData } from '@/lib/engine';
import type { EngineApi } from '../../_lib/engine/api';
import { BuildTimeline } from './build-timeline';
import { HistoryTable } from './history-table';
import { ImageViews, availableTabs } from './image-views';
import { LayerStack } from './layer-stack';
import { EfficiencyPanel } from './efficiency-panel';
import { StageGraph } from './stage-graph';
import { layerConceptAnalysis, rebuildOutcome } from './test-fixtures';

/** Elements of `html` carrying `attr`, each as its opening tag. */
const tagsWith = (html: string, attr: string) => html.match(new RegExp(`<[a-z]+[^>]*${attr}[^>]*>`, 'g')) ?? [];
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('LayerStack', () => {
  const html = renderToStaticMarkup(<LayerStack analysis={layerConceptAnalysis()} lastBuild={rebuildOutcome()} onOpenLayer={() => {}} />);

  it('draws four blocks for the layer example: the base group and three own layers, newest on top', () => {
    const items = tagsWith(html, 'data-testid="layer-item"');
    expect(items).toHaveLength(4);
    expect(items.map((t) => /data-kind="([^"]+)"/.exec(t)?.[1])).toEqual(['layer', 'layer', 'layer', 'base']);
    expect(items.map((t) => Number(/data-size-bytes="(\d+)"/.exec(t)?.[1]))).toEqual([412, 31_400_000, 120, 904_000_000]);
    expect(text(html)).toContain('FROM python:3.9');
  });

  it('marks the rebuilt layer and the cached ones, in words as well as data attributes', () => {
    const items = tagsWith(html, 'data-testid="layer-item"');
    expect(items.map((t) => /data-cached="([^"]+)"/.exec(t)?.[1])).toEqual(['false', 'true', 'true', 'true']);
    const rows = html.split('<li').slice(1).map((li) => text(`<li${li.slice(0, li.indexOf('</li>'))}`).trim());
    expect(rows[0]).toBe('COPY app.py . 412B layer 5 000000000000 ↻ rebuilt');
    expect(rows[3]).toBe('▸ FROM python:3.9 904MB base image · 2 layers ✓ cached');
  });

  it('is a keyboard tree: one tab stop, levels, a collapsed base group', () => {
    const items = tagsWith(html, 'role="treeitem"');
    expect(items.filter((t) => t.includes('tabindex="0"'))).toHaveLength(1);
    expect(items[3]).toContain('aria-expanded="false"');
    expect(html).toContain('role="tree"');
  });

  it('shows the total, and no marks for an image the last build did not make', () => {
    expect(tagsWith(html, 'data-testid="image-size-total"')[0]).toContain(`data-size-bytes="${layerConceptAnalysis().stack.total}"`);
    expect(text(html)).toContain('935MB in 5 layers');
    const other = renderToStaticMarkup(<LayerStack analysis={layerConceptAnalysis()} lastBuild={{ ...rebuildOutcome(), imageId: 'sha256:other' }} onOpenLayer={() => {}} />);
    expect(other).not.toContain('data-cached');
    expect(text(other)).not.toContain('rebuilt');
  });
});

describe('EfficiencyPanel', () => {
  it('shows the score, wasted bytes and why each path is wasted', () => {
    const html = renderToStaticMarkup(<EfficiencyPanel efficiency={layerConceptAnalysis().efficiency} titleId="t" />);
    expect(tagsWith(html, 'data-testid="efficiency-score"')[0]).toBeDefined();
    expect(text(html)).toContain('97.1 %');
    expect(text(html)).toContain('2.4MB');
    expect(text(html)).toContain('/tmp/wheel.whl');
    expect(text(html)).toContain('written in layer 4, deleted in layer 5');
    expect(text(html)).toContain('pip download cache in /root/.cache/pip: 9.1MB (14 files) written by layer 4. Fix: use pip install --no-cache-dir');
  });
});

describe('BuildTimeline', () => {
  it('compares each step and the total with the previous build', () => {
    const html = renderToStaticMarkup(<BuildTimeline outcome={rebuildOutcome()} />);
    expect(text(html)).toContain('5 min → 5 s');
    const steps = tagsWith(html, 'data-testid="timeline-step"');
    expect(steps.map((t) => /data-cached="([^"]+)"/.exec(t)?.[1])).toEqual(['true', 'true', 'true', 'false']);
    expect(text(html)).toContain('before: 4 min 18 s');
  });
  it('shows a failed build’s error as an alert', () => {
    const html = renderToStaticMarkup(<BuildTimeline outcome={{ ...rebuildOutcome(), ok: false, error: 'ERROR: failed to build: exit code: 127' }} />);
    expect(html).toMatch(/role="alert"[^]*exit code: 127/);
  });
});

describe('StageGraph', () => {
  const graph: StageGraphData = {
    stages: [
      { index: 0, name: 'builder', built: true, skipped: false, target: false, size: 850_000_000, base: { kind: 'image', ref: 'golang:1.21' }, diffIds: [] },
      { index: 1, name: 'lint', built: false, skipped: true, target: false, size: 0, base: { kind: 'stage', index: 0 }, diffIds: [] },
      { index: 2, name: 'stage-2', built: true, skipped: false, target: true, size: 15_000_000, base: { kind: 'scratch' }, diffIds: [] },
    ],
    edges: [
      { from: { kind: 'image', ref: 'golang:1.21' }, to: 0, kind: 'from' },
      { from: { kind: 'stage', index: 0 }, to: 1, kind: 'from' },
      { from: { kind: 'stage', index: 0 }, to: 2, kind: 'copy' },
    ],
    images: ['golang:1.21'],
    target: 2,
    savings: { builderStage: 'builder', finalStage: 'stage-2', beforeBytes: 850_000_000, afterBytes: 15_000_000, savedBytes: 835_000_000, savedMegabytes: 835, savedPercent: 98.2 },
  };
  it('draws the stages with a dashed COPY --from edge, greys the skipped one, and states the saving', () => {
    const html = renderToStaticMarkup(<StageGraph graph={graph} subject="app:multi" />);
    expect(tagsWith(html, 'data-kind="copy"')).toHaveLength(1);
    expect(tagsWith(html, 'data-skipped="true"')[0]).toContain('data-node="stage-1"');
    const savings = text(html.slice(html.indexOf('data-testid="stage-savings"'), html.indexOf('data-testid="stage-graph"')));
    expect(savings).toContain('98.2% smaller');
    expect(savings).toContain('850MB → 15MB');
    expect(savings).toContain('saving 835.0 MB');
    expect(text(html)).toContain('stage-2 copies files from builder (COPY --from)');
  });
});

describe('HistoryTable', () => {
  it('prints Docker’s columns, cuts CREATED BY at 45 with a button for the full command', () => {
    const createdBy = 'RUN /bin/sh -c pip install --no-cache-dir -r requirements.txt # buildkit';
    const html = renderToStaticMarkup(
      <HistoryTable
        subject="myapp:latest"
        now={Date.parse('2024-05-10T12:00:00Z')}
        rows={[
          { id: `sha256:${'c'.repeat(64)}`, created: '2024-05-07T12:00:00Z', createdBy, size: 31_400_000, comment: 'buildkit.dockerfile.v0', emptyLayer: false },
          { id: '<missing>', created: '1970-01-01T00:00:00Z', createdBy: 'CMD ["python" "app.py"]', size: 0, comment: '', emptyLayer: true },
        ]}
      />,
    );
    expect(text(html)).toContain('IMAGE CREATED CREATED BY SIZE COMMENT');
    expect(text(html)).toContain('cccccccccccc 3 days ago');
    expect(text(html)).toContain(`${createdBy.slice(0, 44)}…`);
    expect(html).toContain('aria-expanded="false"');
    expect(text(html)).toContain('&lt;missing&gt; N/A CMD [&quot;python&quot; &quot;app.py&quot;] 0B');
    expect(text(html)).not.toContain(createdBy);
  });
});

describe('ImageViews', () => {
  it('offers Timeline and Stages only when the build has them, and starts on Layers loading', () => {
    expect(availableTabs(null)).toEqual(['layers', 'files', 'history', 'sharing', 'diff']);
    expect(availableTabs(rebuildOutcome())).toEqual(['layers', 'timeline', 'files', 'history', 'sharing', 'diff']);
    const api = {} as EngineApi;
    const html = renderToStaticMarkup(<ImageViews api={api} imageRef="myapp:latest" lastBuild={rebuildOutcome()} />);
    const tabs = tagsWith(html, 'role="tab"');
    expect(tabs.map((t) => /aria-selected="([^"]+)"/.exec(t)?.[1])).toEqual(['true', 'false', 'false', 'false', 'false', 'false']);
    expect(text(html)).toContain('Layers Timeline Files History Sharing Diff');
    expect(html).toMatch(/role="status"[^]*Loading the layers…/);
  });
  it('asks for a build when there is no image yet', () => {
    const html = renderToStaticMarkup(<ImageViews api={{} as EngineApi} imageRef={null} />);
    expect(text(html)).toContain('Build an image');
  });
});
