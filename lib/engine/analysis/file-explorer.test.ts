import { describe, expect, it } from 'vitest';
import { isEngineError } from '../errors';
import { createMemoryStore } from '../store';
import { createFileExplorer } from './file-explorer';
import { loadAnalysisImage } from './load-image';
import { big, dir, file, link, opaque, putImage, run, whiteout } from './test-helpers';

async function explorer() {
  const store = createMemoryStore();
  await putImage(
    store,
    [
      run('base', [dir('etc'), file('etc/a', 'aaaaa'), file('etc/b', 'bb'), dir('etc/conf.d'), file('etc/conf.d/x', 'xxx'), dir('usr'), big('usr/lib/libc.so', 4000), link('lib', 'usr/lib')]),
      run('edit', [dir('etc'), file('etc/a', 'AAAAAAA'), file('etc/c', 'c'), whiteout('etc/b'), whiteout('etc/conf.d'), file('opt/new/tool', 'tool!')]),
      run('replace', [dir('usr', 0o700), opaque('usr'), big('usr/bin/app', 100), file('etc/c', 'c')]),
    ],
    ['img'],
  );
  return createFileExplorer(await loadAnalysisImage(store, 'img'));
}

describe('createFileExplorer: a layer view', () => {
  it('lists what a layer adds, modifies and removes in one directory, with sizes and modes', async () => {
    const files = await explorer();
    const root = files.listLayer(1);
    expect(root.entries.map((e) => [e.name, e.kind, e.change, e.size, e.files, e.children])).toEqual([
      ['etc', 'dir', 'unmodified', 8, 2, 4],
      ['opt', 'dir', 'added', 5, 1, 1], // an implicit parent the layer creates
    ]);
    const etc = files.listLayer(1, '/etc/');
    expect(etc).toMatchObject({ path: '/etc', layer: 1, total: 4, offset: 0 });
    expect(etc.entries.map((e) => [e.path, e.kind, e.change, e.size, e.permissions])).toEqual([
      ['/etc/a', 'file', 'modified', 7, '-rw-r--r--'],
      ['/etc/b', 'file', 'removed', 2, '-rw-r--r--'],
      ['/etc/c', 'file', 'added', 1, '-rw-r--r--'],
      ['/etc/conf.d', 'dir', 'removed', 3, 'drwxr-xr-x'], // what the whiteout hides
    ]);
    expect(etc.entries[3]).toMatchObject({ files: 1, children: 0 });
  });

  it('shows the lower children an opaque directory hides as removed, and an unchanged rewrite as unmodified', async () => {
    const files = await explorer();
    const root = files.listLayer(2);
    expect(root.entries.find((e) => e.name === 'usr')).toMatchObject({ change: 'modified', permissions: 'drwx------', opaque: true, size: 100, children: 2 });
    expect(root.entries.find((e) => e.name === 'etc')).toMatchObject({ change: 'unmodified' });
    expect(files.listLayer(2, '/etc').entries).toMatchObject([{ name: 'c', change: 'unmodified' }]);
    expect(files.listLayer(2, '/usr').entries.map((e) => [e.name, e.change, e.size])).toEqual([
      ['bin', 'added', 100],
      ['lib', 'removed', 4000],
    ]);
  });

  it('pages large directories and refuses paths the layer does not touch or layers that do not exist', async () => {
    const files = await explorer();
    const page = files.listLayer(1, '/etc', { offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 4, offset: 1 });
    expect(page.entries.map((e) => e.name)).toEqual(['b', 'c']);
    expect(() => files.listLayer(1, '/usr')).toThrow('/usr: layer 1 changes nothing there');
    try {
      files.listLayer(3);
      expect.unreachable();
    } catch (error) {
      expect(isEngineError(error, 'not-found')).toBe(true);
    }
  });

  it('walks a whole layer in tree order with depths (for export and text trees)', async () => {
    const files = await explorer();
    expect([...files.walkLayer(1)].map((e) => `${'  '.repeat(e.depth)}${e.name}:${e.change}`)).toEqual([
      'etc:unmodified',
      '  a:modified',
      '  b:removed',
      '  c:added',
      '  conf.d:removed',
      'opt:added',
      '  new:added',
      '    tool:added',
    ]);
  });
});

describe('createFileExplorer: the image view', () => {
  it('lists the squashed tree with directory totals and the layers that wrote each path', async () => {
    const files = await explorer();
    const root = files.listImage('/');
    expect(root.entries.map((e) => [e.name, e.kind, e.size, e.layer, e.layers])).toEqual([
      ['etc', 'dir', 8, 1, [0, 1]],
      ['lib', 'symlink', 0, 0, [0]],
      ['opt', 'dir', 5, 1, []], // implicit: first created under by layer 1
      ['usr', 'dir', 100, 2, [0, 2]],
    ]);
    expect(root.entries[1]).toMatchObject({ target: 'usr/lib', permissions: 'lrwxrwxrwx' });
    expect(files.listImage('/etc').entries.map((e) => [e.name, e.change, e.layers])).toEqual([
      ['a', 'modified', [0, 1]],
      ['c', 'modified', [1, 2]],
    ]);
    expect([...files.walkImage('/usr')].map((e) => e.path)).toEqual(['/usr/bin', '/usr/bin/app']);
    expect(() => files.listImage('/etc/a')).toThrow('/etc/a: not a directory');
  });
});
