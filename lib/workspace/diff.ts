import { diffLines } from 'diff';
import git, { STAGE, TREE, WORKDIR, type Walker, type WalkerEntry } from 'isomorphic-git';
import type { GitRepository } from './repository';

/** One side of a comparison: a commit's tree, the index, or the work tree (tracked paths only). */
export type DiffSide = { readonly kind: 'commit'; readonly oid: string } | { readonly kind: 'index' } | { readonly kind: 'worktree' } | { readonly kind: 'empty' };

/** One changed path with the numbers `--stat` and a commit's summary show. */
export interface FileDiff {
  readonly path: string;
  readonly status: 'added' | 'deleted' | 'modified';
  /** Git modes (`100644`, `100755`, `120000`) as octal strings; null where the path is absent. */
  readonly oldMode: string | null;
  readonly newMode: string | null;
  /** Lines added and removed (0 for binary files). */
  readonly insertions: number;
  readonly deletions: number;
  /** Git's test: a NUL byte in the first 8000 bytes of either side. */
  readonly binary: boolean;
  readonly oldSize: number;
  readonly newSize: number;
}

function walkerOf(side: Exclude<DiffSide, { kind: 'empty' }>): Walker {
  if (side.kind === 'commit') return TREE({ ref: side.oid });
  if (side.kind === 'index') return STAGE();
  return WORKDIR({ refresh: false });
}

interface Blob {
  oid: string;
  mode: number;
  entry: WalkerEntry;
}

async function blobOf(entry: WalkerEntry | null): Promise<Blob | null | 'tree'> {
  if (entry === null) return null;
  const type = await entry.type();
  if (type === 'tree') return 'tree';
  if (type !== 'blob') return null;
  return { oid: await entry.oid(), mode: await entry.mode(), entry };
}

/**
 * The paths that differ between `from` and `to`, sorted by path. A work-tree side, like
 * `git diff`, only considers paths the index or the other side tracks (untracked files are not
 * part of a diff).
 */
export async function diffFiles(repo: GitRepository, from: DiffSide, to: DiffSide): Promise<FileDiff[]> {
  const { fs, dir, gitdir, cache } = repo;
  const worktree = from.kind === 'worktree' || to.kind === 'worktree';
  // The empty side (the parent of a root commit) walks nothing: its entries are all null.
  const sides = [from, to, ...(worktree ? [{ kind: 'index' } as const] : [])];
  const trees = sides.flatMap((side) => (side.kind === 'empty' ? [] : [walkerOf(side)]));
  const pairs = (await git.walk({
    fs,
    dir,
    gitdir,
    cache,
    trees,
    map: async (path, walked) => {
      if (path === '.') return undefined;
      let next = 0;
      const entries = sides.map((side) => (side.kind === 'empty' ? null : (walked[next++] ?? null)));
      const [a, b, stage] = await Promise.all(entries.map((e) => blobOf(e)));
      const tracked = (side: Blob | null | 'tree' | undefined, kind: DiffSide['kind']) => (kind === 'worktree' ? null : side);
      if (a === 'tree' || b === 'tree') {
        // Descend only into directories something other than the work tree knows.
        const known = [tracked(a, from.kind), tracked(b, to.kind), worktree ? stage : null].some((s) => s === 'tree');
        return known ? undefined : null;
      }
      let oldBlob = a ?? null;
      let newBlob = b ?? null;
      if (worktree) {
        const inIndex = stage !== null && stage !== undefined && stage !== 'tree';
        if (from.kind === 'worktree' && !inIndex && newBlob === null) oldBlob = null;
        if (to.kind === 'worktree' && !inIndex && oldBlob === null) newBlob = null;
      }
      if (oldBlob === null && newBlob === null) return undefined;
      if (oldBlob !== null && newBlob !== null && oldBlob.oid === newBlob.oid && oldBlob.mode === newBlob.mode) return undefined;
      return { path, oldBlob, newBlob };
    },
  })) as { path: string; oldBlob: Blob | null; newBlob: Blob | null }[];
  const diffs: FileDiff[] = [];
  for (const { path, oldBlob, newBlob } of pairs) {
    const oldBytes = oldBlob === null ? null : await contentOf(repo, oldBlob);
    const newBytes = newBlob === null ? null : await contentOf(repo, newBlob);
    const counts = countLineChanges(oldBytes, newBytes);
    diffs.push({
      path,
      status: oldBlob === null ? 'added' : newBlob === null ? 'deleted' : 'modified',
      oldMode: oldBlob === null ? null : gitMode(oldBlob.mode),
      newMode: newBlob === null ? null : gitMode(newBlob.mode),
      ...counts,
      oldSize: oldBytes?.length ?? 0,
      newSize: newBytes?.length ?? 0,
    });
  }
  return diffs.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}

async function contentOf(repo: GitRepository, blob: Blob): Promise<Uint8Array> {
  const content = await blob.entry.content();
  if (content instanceof Uint8Array) return content;
  // The index walker holds no content: read the blob it names.
  const { fs, dir, gitdir, cache } = repo;
  return (await git.readBlob({ fs, dir, gitdir, cache, oid: blob.oid })).blob;
}

/** `100644`-style mode string, as `create mode 100644 app.py` prints it. */
export function gitMode(mode: number): string {
  return mode.toString(8).padStart(6, '0');
}

const decoder = new TextDecoder();

function isBinary(bytes: Uint8Array | null): boolean {
  if (bytes === null) return false;
  const end = Math.min(bytes.length, 8000);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Lines added and removed between two versions (a minimal line diff, as git's Myers gives). */
export function countLineChanges(oldBytes: Uint8Array | null, newBytes: Uint8Array | null): { insertions: number; deletions: number; binary: boolean } {
  if (isBinary(oldBytes) || isBinary(newBytes)) return { insertions: 0, deletions: 0, binary: true };
  const oldText = oldBytes === null ? '' : decoder.decode(oldBytes);
  const newText = newBytes === null ? '' : decoder.decode(newBytes);
  let insertions = 0;
  let deletions = 0;
  for (const change of diffLines(oldText, newText)) {
    if (change.added) insertions += change.count;
    else if (change.removed) deletions += change.count;
  }
  return { insertions, deletions, binary: false };
}
