'use client';
// The roving focus and key handling both of the views' trees share (the layer stack and a layer's
// files): which row holds the tab stop, and what a key does to it (tree-nav.ts decides, this
// carries it out). The workspace's file tree has its own: it also renames, creates and deletes.
import { useState, type KeyboardEvent } from 'react';
import { treeKeyAction, type TreeRow } from './tree-nav';

export interface TreeKeyHandlers<R extends TreeRow> {
  /** The DOM id of a row's element, to move focus to it. */
  domId(id: string): string;
  /** Enter or Space on a row. */
  activate(row: R): void;
  /** Right on a closed row, Left on an open one. */
  toggle(row: R): void;
}

export interface TreeKeys {
  /** The row with the tab stop: the focused one while it is shown, else the first. */
  active: string | null;
  /** Call when a row gets focus (a click, or focus from elsewhere). */
  focus(id: string): void;
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
}

export function useTreeKeys<R extends TreeRow>(rows: readonly R[], handlers: TreeKeyHandlers<R>): TreeKeys {
  const [focused, setFocused] = useState<string | null>(null);
  const active = rows.some((r) => r.id === focused) ? focused : (rows[0]?.id ?? null);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const action = treeKeyAction(rows, active, event.key);
    if (action === null) return;
    event.preventDefault();
    const row = rows.find((r) => r.id === action.id);
    if (row === undefined) return;
    if (action.kind === 'focus') {
      setFocused(row.id);
      document.getElementById(handlers.domId(row.id))?.focus();
    } else if (action.kind === 'activate') handlers.activate(row);
    else handlers.toggle(row);
  };
  return { active, focus: setFocused, onKeyDown };
}
