import git from 'isomorphic-git';
import type { GitRepository } from './repository';

/** What `git status` knows: the branch, and each path's index and work-tree state. */
export interface GitStatus {
  /** Current branch (`main`), or null on a detached HEAD. */
  readonly branch: string | null;
  /** The commit HEAD points at, or null before the first commit. */
  readonly head: string | null;
  /** Index vs HEAD ("Changes to be committed"), sorted by path. */
  readonly staged: readonly PathChange[];
  /** Work tree vs index ("Changes not staged for commit"), sorted by path. */
  readonly unstaged: readonly PathChange[];
  /**
   * Untracked paths, sorted; a directory that holds no tracked file is shown once as `dir/`, as
   * git does without `-uall`. Ignored files (.gitignore) are left out.
   */
  readonly untracked: readonly string[];
  /** Porcelain v1 entries (`XY path`): tracked changes by path, then untracked (`??`). */
  readonly entries: readonly StatusEntry[];
}

export type ChangeKind = 'new file' | 'modified' | 'deleted';

export interface PathChange {
  readonly path: string;
  readonly kind: ChangeKind;
}

export interface StatusEntry {
  /** Index status letter (`A`, `M`, `D`, ` `, `?`). */
  readonly x: string;
  /** Work-tree status letter (`M`, `D`, ` `, `?`). */
  readonly y: string;
  readonly path: string;
}

/** The branch HEAD names (null when detached) and the commit it points at (null when unborn). */
export async function readHead(repo: GitRepository): Promise<{ branch: string | null; head: string | null }> {
  const { fs, dir, gitdir } = repo;
  const branch = (await git.currentBranch({ fs, dir, gitdir, test: false })) ?? null;
  let head: string | null = null;
  try {
    head = await git.resolveRef({ fs, dir, gitdir, ref: 'HEAD' });
  } catch {
    head = null;
  }
  return { branch, head };
}

/**
 * isomorphic-git's status matrix rows `[path, HEAD, WORKDIR, STAGE]`: HEAD 0 absent / 1 present;
 * WORKDIR 0 absent / 1 same as HEAD / 2 differs from HEAD; STAGE 0 absent / 1 same as HEAD /
 * 2 same as WORKDIR / 3 differs from both.
 */
export type StatusRow = readonly [string, number, number, number];

export async function statusRows(repo: GitRepository): Promise<StatusRow[]> {
  const { fs, dir, gitdir, cache } = repo;
  // refresh: false: the stat cache is never trusted (see git-fs.ts), so never rewrite the index.
  const rows = await git.statusMatrix({ fs, dir, gitdir, cache, refresh: false });
  return rows.map(([path, h, w, s]) => [path, h, w, s] as const);
}

/** Index vs HEAD letter for one row (` ` unchanged, `?` untracked). */
function indexLetter([, head, workdir, stage]: StatusRow): string {
  if (head === 0) return stage === 0 ? '?' : 'A';
  if (stage === 0) return 'D';
  if (stage === 1) return ' ';
  if (stage === 2) return workdir === 1 ? ' ' : 'M';
  return 'M';
}

/** Work tree vs index letter for one row. */
function worktreeLetter([, head, workdir, stage]: StatusRow): string {
  if (stage === 0) return head === 0 ? '?' : ' ';
  if (workdir === 0) return 'D';
  if (stage === 2) return ' ';
  if (stage === 1) return workdir === 1 ? ' ' : 'M';
  return 'M';
}

const KIND: Record<string, ChangeKind> = { A: 'new file', M: 'modified', D: 'deleted' };

export async function readStatus(repo: GitRepository): Promise<GitStatus> {
  const [{ branch, head }, rows] = await Promise.all([readHead(repo), statusRows(repo)]);
  const staged: PathChange[] = [];
  const unstaged: PathChange[] = [];
  const tracked: StatusEntry[] = [];
  const untrackedFiles: string[] = [];
  const indexDirs = new Set<string>();
  for (const row of rows) {
    const path = row[0];
    const x = indexLetter(row);
    const y = worktreeLetter(row);
    if (row[3] !== 0) addParents(indexDirs, path);
    if (x === '?') {
      untrackedFiles.push(path);
      continue;
    }
    // A path deleted from the index but still on disk is both `D ` and `??`.
    if (row[3] === 0 && row[2] !== 0) untrackedFiles.push(path);
    if (x !== ' ') staged.push({ path, kind: KIND[x] as ChangeKind });
    if (y !== ' ') unstaged.push({ path, kind: KIND[y] as ChangeKind });
    if (x !== ' ' || y !== ' ') tracked.push({ x, y, path });
  }
  const untracked = collapseUntracked(untrackedFiles, indexDirs);
  const entries = [...tracked.sort(byPath), ...untracked.map((path) => ({ x: '?', y: '?', path }))];
  return { branch, head, staged: staged.sort(byPath), unstaged: unstaged.sort(byPath), untracked, entries };
}

function addParents(dirs: Set<string>, path: string): void {
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) dirs.add(path.slice(0, slash));
}

/** Each untracked file, or its topmost directory that holds nothing in the index (`dir/`). */
function collapseUntracked(files: readonly string[], indexDirs: ReadonlySet<string>): string[] {
  const shown = new Set<string>();
  for (const file of files) {
    let result = file;
    for (let slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
      const dir = file.slice(0, slash);
      if (!indexDirs.has(dir)) {
        result = `${dir}/`;
        break;
      }
    }
    shown.add(result);
  }
  return [...shown].sort(compareCodeUnits);
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byPath(a: { path: string }, b: { path: string }): number {
  return compareCodeUnits(a.path, b.path);
}

/** True when the index differs from HEAD: `git commit` has something to record. */
export function hasStagedChanges(status: GitStatus): boolean {
  return status.staged.length > 0;
}
