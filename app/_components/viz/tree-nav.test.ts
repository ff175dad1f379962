import { describe, expect, it } from 'vitest';
import { flattenTree, keepFocus, treeKeyAction } from './tree-nav';

interface N {
  id: string;
  kids?: N[];
}
const tree: N[] = [{ id: 'a', kids: [{ id: 'a1' }, { id: 'a2', kids: [{ id: 'a2x' }] }] }, { id: 'b' }, { id: 'c', kids: [] }];
const rowsWith = (expanded: string[]) =>
  flattenTree(tree, { id: (n) => n.id, children: (n) => n.kids, expandable: (n) => (n.kids?.length ?? 0) > 0, isExpanded: (id) => expanded.includes(id) });

describe('flattenTree', () => {
  it('shows children of expanded nodes only, with ARIA level and position', () => {
    expect(rowsWith([]).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    const rows = rowsWith(['a', 'a2']);
    expect(rows.map((r) => `${r.id}:${r.level}:${r.position}/${r.setSize}`)).toEqual(['a:1:1/3', 'a1:2:1/2', 'a2:2:2/2', 'a2x:3:1/1', 'b:1:2/3', 'c:1:3/3']);
    expect(rows.find((r) => r.id === 'c')?.expandable).toBe(false);
  });
});

describe('treeKeyAction', () => {
  const rows = rowsWith(['a']);
  it('moves with the arrows, Home and End, and stays at the ends', () => {
    expect(treeKeyAction(rows, 'a', 'ArrowDown')).toEqual({ kind: 'focus', id: 'a1' });
    expect(treeKeyAction(rows, 'a1', 'ArrowUp')).toEqual({ kind: 'focus', id: 'a' });
    expect(treeKeyAction(rows, 'a', 'ArrowUp')).toEqual({ kind: 'focus', id: 'a' });
    expect(treeKeyAction(rows, 'c', 'ArrowDown')).toEqual({ kind: 'focus', id: 'c' });
    expect(treeKeyAction(rows, 'a2', 'Home')).toEqual({ kind: 'focus', id: 'a' });
    expect(treeKeyAction(rows, 'a', 'End')).toEqual({ kind: 'focus', id: 'c' });
  });
  it('expands, enters, collapses and climbs with Right and Left', () => {
    expect(treeKeyAction(rows, 'a2', 'ArrowRight')).toEqual({ kind: 'expand', id: 'a2' });
    expect(treeKeyAction(rows, 'a', 'ArrowRight')).toEqual({ kind: 'focus', id: 'a1' });
    expect(treeKeyAction(rows, 'a', 'ArrowLeft')).toEqual({ kind: 'collapse', id: 'a' });
    expect(treeKeyAction(rows, 'a2', 'ArrowLeft')).toEqual({ kind: 'focus', id: 'a' });
    expect(treeKeyAction(rows, 'b', 'ArrowRight')).toEqual({ kind: 'focus', id: 'b' });
  });
  it('activates with Enter and Space, and leaves other keys alone', () => {
    expect(treeKeyAction(rows, 'b', 'Enter')).toEqual({ kind: 'activate', id: 'b' });
    expect(treeKeyAction(rows, 'b', ' ')).toEqual({ kind: 'activate', id: 'b' });
    expect(treeKeyAction(rows, 'b', 'Tab')).toBeNull();
    expect(treeKeyAction([], 'b', 'ArrowDown')).toBeNull();
  });
  it('starts at the first row when nothing is focused yet', () => {
    expect(treeKeyAction(rows, null, 'ArrowDown')).toEqual({ kind: 'focus', id: 'a' });
    expect(treeKeyAction(rows, 'gone', 'End')).toEqual({ kind: 'focus', id: 'c' });
  });
});

describe('keepFocus', () => {
  it('moves focus to the nearest visible ancestor when a collapse hides the focused row', () => {
    const parents = new Map<string, string | null>([['a2x', 'a2'], ['a2', 'a'], ['a', null]]);
    expect(keepFocus(rowsWith([]), 'a2x', parents)).toBe('a');
    expect(keepFocus(rowsWith(['a']), 'a2x', parents)).toBe('a2');
    expect(keepFocus(rowsWith(['a']), 'zz', parents)).toBe('a');
  });
});
