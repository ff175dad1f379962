import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store';
import { computeEfficiency } from './efficiency';
import { loadAnalysisImage } from './load-image';
import { big, dir, opaque, putImage, run, whiteout } from './test-helpers';

async function efficiencyOf(steps: Parameters<typeof putImage>[1]) {
  const store = createMemoryStore();
  await putImage(store, steps, ['img']);
  return computeEfficiency(await loadAnalysisImage(store, 'img'));
}

describe('computeEfficiency: dive figures', () => {
  it("scores Σmin / Σcumulative over leaf paths and counts a path held twice as wasted whole (dive's formula)", async () => {
    const report = await efficiencyOf([
      run('install', [dir('opt'), big('opt/a', 100), big('opt/b', 50)]),
      run('patch', [dir('opt'), big('opt/a', 30, 'v2')]),
      run('rm /opt/b', [dir('opt'), whiteout('opt/b')]),
    ]);
    // /opt/a: 100 + 30 (min 30); /opt/b: 50 + 0 (min 0); /opt is never a leaf.
    expect(report.efficiency).toBeCloseTo(30 / 180, 10);
    expect(report.wastedBytes).toBe(180);
    expect(report.sizeBytes).toBe(180);
    expect(report.userSizeBytes).toBe(30); // dive: every layer but the first
    expect(report.userWastedPercent).toBe(6);
    expect(report.inefficientPaths).toBe(2);
    expect(report.dive).toEqual({ efficiency: report.efficiency, wastedBytes: 180, userWastedPercent: 6, inefficientPaths: 2 });
  });

  it('says why each path is wasted: deleted by a later layer, or overwritten, naming the layers', async () => {
    const report = await efficiencyOf([
      run('install', [dir('opt'), big('opt/a', 100), big('opt/b', 50)]),
      run('patch', [dir('opt'), big('opt/a', 30, 'v2')]),
      run('rm /opt/b', [dir('opt'), whiteout('opt/b')]),
    ]);
    expect(report.wasted).toEqual([
      { path: '/opt/a', count: 2, cumulativeBytes: 130, finalBytes: 30, reclaimableBytes: 100, reason: { kind: 'overwritten', writtenIn: [0, 1], deletedIn: [], finalLayer: 1 } },
      { path: '/opt/b', count: 2, cumulativeBytes: 50, finalBytes: 0, reclaimableBytes: 50, reason: { kind: 'deleted', writtenIn: [0], deletedIn: 2 } },
    ]);
    expect(report.causes).toEqual([
      { kind: 'overwritten', layer: 1, paths: 1, bytes: 100 },
      { kind: 'deleted', layer: 2, paths: 1, bytes: 50 },
    ]);
  });

  it('counts `rm -rf dir` in a later layer per file, where dive counts the directory once and misses it', async () => {
    const report = await efficiencyOf([
      run('download', [dir('data'), big('data/x', 100), big('data/y', 200), big('keep', 300)]),
      run('rm -rf /data', [whiteout('data')]),
    ]);
    expect(report.efficiency).toBe(300 / 600);
    expect(report.wastedBytes).toBe(300);
    expect(report.wasted.map((w) => [w.path, w.reason])).toEqual([
      ['/data/y', { kind: 'deleted', writtenIn: [0], deletedIn: 1 }],
      ['/data/x', { kind: 'deleted', writtenIn: [0], deletedIn: 1 }],
    ]);
    // dive: the whiteout is one leaf `/data` weighing 300, seen once: no waste, score 1.
    expect(report.dive).toEqual({ efficiency: 1, wastedBytes: 0, userWastedPercent: 0, inefficientPaths: 0 });
  });

  it('counts the lower files an opaque directory hides as deleted (dive ignores opaque markers)', async () => {
    const report = await efficiencyOf([
      run('one', [dir('d'), big('d/x', 100), big('d/y', 200)]),
      run('two', [dir('d'), opaque('d'), big('d/y', 50, 'new')]),
    ]);
    const byPath = Object.fromEntries(report.wasted.map((w) => [w.path, w]));
    expect(byPath['/d/x']?.reason).toEqual({ kind: 'deleted', writtenIn: [0], deletedIn: 1 });
    expect(byPath['/d/y']).toMatchObject({ cumulativeBytes: 250, finalBytes: 50, reason: { kind: 'overwritten', finalLayer: 1 } });
    expect(report.wastedBytes).toBe(350);
    expect(report.dive.wastedBytes).toBe(250);
    expect(report.dive.inefficientPaths).toBe(1);
  });

  it('scores an image with nothing repeated 1 and lists no waste', async () => {
    const report = await efficiencyOf([run('a', [big('a', 10)]), run('b', [big('b', 20)])]);
    expect(report).toMatchObject({ efficiency: 1, wastedBytes: 0, userWastedPercent: 0, wasted: [], causes: [] });
  });
});

describe('computeEfficiency: caches', () => {
  it('reports caches the final image still holds, with the layer that wrote them, without counting them as dive waste', async () => {
    const report = await efficiencyOf([
      run('base', [big('bin/sh', 1000)]),
      run('apt-get update', [dir('var'), dir('var/lib'), dir('var/lib/apt'), dir('var/lib/apt/lists'), big('var/lib/apt/lists/a_Packages', 700), big('var/lib/apt/lists/b_Packages', 300)]),
      run('pip install x', [dir('root'), dir('root/.cache'), dir('root/.cache/pip'), big('root/.cache/pip/http/1', 50), big('usr/lib/x.py', 5)]),
    ]);
    expect(report.wastedBytes).toBe(0);
    expect(report.cacheBytes).toBe(1050);
    expect(report.cacheLeftBehind).toEqual([
      { id: 'apt-lists', label: 'apt package lists', dir: '/var/lib/apt/lists', bytes: 1000, files: 2, writtenBy: [{ layer: 1, bytes: 1000 }], fix: expect.stringContaining('rm -rf /var/lib/apt/lists/*') },
      { id: 'pip-cache', label: 'pip download cache', dir: '/root/.cache/pip', bytes: 50, files: 1, writtenBy: [{ layer: 2, bytes: 50 }], fix: 'use pip install --no-cache-dir' },
    ]);
  });

  it('marks wasted paths that lie in a cache: apt lists removed by a later RUN are still shipped', async () => {
    const report = await efficiencyOf([
      run('apt-get update', [dir('var/lib/apt/lists'), big('var/lib/apt/lists/a_Packages', 700)]),
      run('rm -rf /var/lib/apt/lists/*', [dir('var/lib/apt/lists'), whiteout('var/lib/apt/lists/a_Packages')]),
    ]);
    expect(report.wasted).toEqual([
      expect.objectContaining({ path: '/var/lib/apt/lists/a_Packages', cache: 'apt-lists', reclaimableBytes: 700, reason: { kind: 'deleted', writtenIn: [0], deletedIn: 1 } }),
    ]);
    expect(report.cacheLeftBehind).toEqual([]);
  });
});
