import type { TerminalSnapshot } from '@/lib/cli';

/**
 * The command history out of `<state>/terminal.json` (what `layerlab sh` saves, a
 * `TerminalSnapshot`) or the browser terminal's snapshot: the typed lines, oldest first. Anything
 * that is not such a snapshot gives an empty history, never an exception (the file is the
 * student's to break).
 */
export function historyFromSnapshot(snapshot: unknown): string[] {
  if (snapshot === null || typeof snapshot !== 'object') return [];
  const history = (snapshot as Partial<TerminalSnapshot>).history;
  if (!Array.isArray(history)) return [];
  return history.filter((line): line is string => typeof line === 'string').slice(-10_000);
}
