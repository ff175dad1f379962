import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store';
import { diffImages } from './image-diff';
import { big, dir, file, putImage, run } from './test-helpers';

describe('diffImages', () => {
  it('finds the common base and the paths added, removed and changed, a new directory as one row', async () => {
    const store = createMemoryStore();
    const base = await putImage(store, [run('base', [big('bin/sh', 1000), dir('etc'), file('etc/os', 'x')])], ['base']);
    await putImage(store, [run('app', [dir('app'), big('app/x', 10), big('app/y', 20), file('etc/os', 'x')])], ['a'], base.config);
    await putImage(store, [run('app', [dir('app', 0o700), big('app/x', 15, 'v2'), big('app/z', 5), big('extra/one', 1), big('extra/two', 2)])], ['b'], base.config);
    const diff = await diffImages(store, 'a', 'b');
    expect(diff.paths).toEqual([
      { path: '/app', change: 'changed', kind: 'dir', sizeA: 30, sizeB: 20, details: ['mode'] },
      { path: '/app/x', change: 'changed', kind: 'file', sizeA: 10, sizeB: 15, details: ['content'] },
      { path: '/app/y', change: 'removed', kind: 'file', sizeA: 20, sizeB: 0 },
      { path: '/app/z', change: 'added', kind: 'file', sizeA: 0, sizeB: 5 },
      { path: '/extra', change: 'added', kind: 'dir', sizeA: 0, sizeB: 3, files: 2 },
    ]);
    expect(diff).toMatchObject({
      commonBaseLayers: 1,
      commonBaseBytes: 1001,
      sharedLayers: 1,
      added: { paths: 2, bytes: 8 },
      removed: { paths: 1, bytes: 20 },
      changed: { paths: 2, bytesA: 40, bytesB: 35 },
      a: { tags: ['a:latest'], size: 1032, layers: 2 },
      b: { tags: ['b:latest'], size: 1024, layers: 2 },
      saving: { savedBytes: 8 },
    });
  });
});
