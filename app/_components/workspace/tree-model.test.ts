import { describe, expect, it } from 'vitest';
import type { WorkspaceEntry } from '../../_lib/engine/api';
import { allFolders, checkName, toTree, visibleRows } from './tree-model';

const entries: WorkspaceEntry[] = [
  { path: 'requirements.txt', type: 'file', size: 90, git: 'unmodified' },
  { path: 'app', type: 'dir', size: 0 },
  { path: 'app/main.py', type: 'file', size: 300, git: 'modified' },
  { path: 'Dockerfile', type: 'file', size: 80, git: 'untracked' },
  { path: 'tests/unit/test_app.py', type: 'file', size: 10 },
  { path: '.git', type: 'dir', size: 0 },
  { path: '.git/HEAD', type: 'file', size: 20 },
];

describe('the workspace file tree', () => {
  const tree = toTree(entries);

  it('nests files under their folders, folders first, and hides .git', () => {
    expect(tree.map((n) => n.path)).toEqual(['app', 'tests', 'Dockerfile', 'requirements.txt']);
    expect(tree[0]?.children.map((n) => [n.name, n.depth, n.git])).toEqual([['main.py', 1, 'modified']]);
    // tests/unit is implied by the file inside it.
    expect(tree[1]?.children[0]?.children[0]).toMatchObject({ path: 'tests/unit/test_app.py', depth: 2 });
    expect(allFolders(tree)).toEqual(['app', 'tests', 'tests/unit']);
  });

  it('shows a folder’s children only while it is expanded', () => {
    expect(visibleRows(tree, new Set()).map((n) => n.path)).toEqual(['app', 'tests', 'Dockerfile', 'requirements.txt']);
    expect(visibleRows(tree, new Set(['tests', 'tests/unit'])).map((n) => n.path)).toEqual([
      'app',
      'tests',
      'tests/unit',
      'tests/unit/test_app.py',
      'Dockerfile',
      'requirements.txt',
    ]);
  });

  it('refuses names that are empty, clash or climb out', () => {
    const existing = new Set(entries.map((e) => e.path));
    expect(checkName('  ', existing, '')).toBe('Type a name.');
    expect(checkName('Dockerfile', existing, '')).toBe('Dockerfile already exists.');
    expect(checkName('main.py', existing, 'app')).toBe('app/main.py already exists.');
    expect(checkName('../x', existing, '')).toMatch(/cannot be/);
    expect(checkName('a//b', existing, '')).toMatch(/cannot be/);
    expect(checkName('.git/config', existing, '')).toMatch(/belongs to git/);
    expect(checkName('src/app.py', existing, '')).toBeNull();
  });
});
