import { compareNames } from './compare-names';
import { type FileContent } from './types';

/**
 * A change set is a layer's recipe: what a layer tar says, as plain data (JSON/structured-clone
 * friendly, so IndexedDB can store it and bytes can be produced on demand). Paths are layer paths:
 * relative, clean, no leading `./` or `/`.
 *
 * `whiteout` deletes `path` from the lower layers (`<dir>/.wh.<name>` in the tar); `opaque` hides
 * every lower child of the directory `path` (`<dir>/.wh..wh..opq`), image-spec layer.md.
 */
export type ChangeEntry =
  | { readonly kind: 'dir'; readonly path: string; readonly mode: number; readonly uid: number; readonly gid: number }
  | { readonly kind: 'file'; readonly path: string; readonly mode: number; readonly uid: number; readonly gid: number; readonly content: FileContent }
  | { readonly kind: 'symlink'; readonly path: string; readonly mode: number; readonly uid: number; readonly gid: number; readonly target: string }
  /** `target` is the layer path of the linked regular file (tar typeflag `1`, linkname). */
  | { readonly kind: 'hardlink'; readonly path: string; readonly mode: number; readonly uid: number; readonly gid: number; readonly target: string }
  | { readonly kind: 'whiteout'; readonly path: string }
  | { readonly kind: 'opaque'; readonly path: string };

export type ChangeKind = ChangeEntry['kind'];

export interface ChangeSet {
  /** In layer order: see `compareChangeEntries`. */
  readonly entries: readonly ChangeEntry[];
}

export const EMPTY_CHANGE_SET: ChangeSet = { entries: [] };

/**
 * Layer order: a pre-order walk with children by name (Go's filepath.Walk, as containerd and
 * BuildKit write layers), where inside each directory the opaque marker comes first, then
 * whiteouts, then entries: image-spec layer.md asks generators to put whiteouts before their
 * siblings, and a directory's own entry precedes everything inside it.
 */
export function compareChangeEntries(a: ChangeEntry, b: ChangeEntry): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const [ra, na] = ka[i] as [number, string];
    const [rb, nb] = kb[i] as [number, string];
    if (ra !== rb) return ra - rb;
    const c = compareNames(na, nb);
    if (c !== 0) return c;
  }
  return ka.length - kb.length;
}

const RANK_OPAQUE = 0;
const RANK_WHITEOUT = 1;
const RANK_ENTRY = 2;

function sortKey(entry: ChangeEntry): [number, string][] {
  const parts = entry.path === '' ? [] : entry.path.split('/');
  const key = parts.map((part): [number, string] => [RANK_ENTRY, part]);
  if (entry.kind === 'opaque') key.push([RANK_OPAQUE, '']);
  else if (entry.kind === 'whiteout' && key.length > 0) (key[key.length - 1] as [number, string])[0] = RANK_WHITEOUT;
  return key;
}

/** Entries in layer order; for a path given twice the later one wins (tar semantics). */
export function sortChangeEntries(entries: readonly ChangeEntry[]): ChangeEntry[] {
  const last = new Map<string, ChangeEntry>();
  for (const entry of entries) last.set(`${entry.kind === 'opaque' ? 'o' : entry.kind === 'whiteout' ? 'w' : 'e'}:${entry.path}`, entry);
  return [...last.values()].sort(compareChangeEntries);
}

/**
 * Docker's layer size: the bytes of regular file content the layer adds (graphdriver DiffSize,
 * docker-semantics §2e). Directories, links and whiteouts weigh nothing, so metadata-only layers
 * show `0B`.
 */
export function changeSetSize(changeSet: ChangeSet): number {
  let size = 0;
  for (const entry of changeSet.entries) {
    if (entry.kind === 'file') size += entry.content.kind === 'bytes' ? entry.content.bytes.length : entry.content.size;
  }
  return size;
}
