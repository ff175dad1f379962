import git from 'isomorphic-git';
import { matchPattern, resolvePath } from '@/lib/shell';
import { GitError, repoPath, type GitRepository } from './repository';
import { statusRows, type StatusRow } from './status';

/**
 * A pathspec (as typed, relative to `cwd`) as a test on repository paths: a file, everything
 * under a directory (`.` = all of it from the root), or a glob (`'*.py'`, where `*` also matches
 * `/` as in git's default pathspec magic).
 */
export function pathspecMatcher(repo: GitRepository, cwd: string, spec: string): (path: string) => boolean {
  const absolute = resolvePath(cwd, spec);
  const base = repoPath(repo, absolute);
  if (base === null) throw new GitError('pathspec', `fatal: ${spec}: '${spec}' is outside repository at '${repo.dir}'`);
  if (/[*?[]/.test(spec)) return (path) => matchPattern(base, path);
  if (base === '') return () => true;
  return (path) => path === base || path.startsWith(`${base}/`);
}

/** True when a row's work-tree state differs from its index state (something for `add` to do). */
function needsUpdate([, , workdir, stage]: StatusRow): boolean {
  if (workdir === 0) return stage !== 0;
  return !(stage === 2 || (stage === 1 && workdir === 1));
}

export interface AddResult {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/**
 * `git add PATHSPEC…` / `git add -A` (`trackedOnly`: `-u`, `commit -a`): stages new and modified files and, as git 2.x does, the
 * deletion of tracked files that are gone. Every pathspec is checked first, so a bad one
 * (`fatal: pathspec 'x' did not match any files`, exit 128) stages nothing. Ignored files are
 * left out unless named explicitly, which is git's "paths are ignored" error.
 */
export async function addPaths(repo: GitRepository, cwd: string, specs: readonly string[], options: { all?: boolean; trackedOnly?: boolean } = {}): Promise<AddResult> {
  const allRows = await statusRows(repo);
  // `-u` / `commit -a`: only paths HEAD or the index already know.
  const rows = options.trackedOnly ? allRows.filter(([, head, , stage]) => head !== 0 || stage !== 0) : allRows;
  const selected = new Set<StatusRow>();
  if (specs.length === 0 && options.all) rows.forEach((row) => selected.add(row));
  const ignored: string[] = [];
  for (const spec of specs) {
    const matches = pathspecMatcher(repo, cwd, spec);
    const hits = rows.filter((row) => matches(row[0]));
    if (hits.length === 0) {
      const absolute = resolvePath(cwd, spec);
      if (!(await repo.shellFs.exists(absolute))) throw new GitError('pathspec', `fatal: pathspec '${spec}' did not match any files`);
      const path = repoPath(repo, absolute) ?? spec;
      const { fs, dir, gitdir } = repo;
      if (path !== '' && (await git.isIgnored({ fs, dir, gitdir, filepath: path }))) ignored.push(spec);
    }
    hits.forEach((row) => selected.add(row));
  }
  if (ignored.length > 0) {
    throw new GitError(
      'pathspec',
      `The following paths are ignored by one of your .gitignore files:\n${ignored.join('\n')}\nhint: Use -f if you really want to add them.\nhint: Turn this message off by running\nhint: "git config advice.addIgnoredFile false"`,
      1,
    );
  }
  const changed = [...selected].filter(needsUpdate);
  const added = changed.filter((row) => row[2] !== 0).map((row) => row[0]);
  const removed = changed.filter((row) => row[2] === 0).map((row) => row[0]);
  const { fs, dir, gitdir, cache } = repo;
  if (added.length > 0) await git.add({ fs, dir, gitdir, cache, filepath: added });
  for (const filepath of removed) await git.remove({ fs, dir, gitdir, cache, filepath });
  return { added, removed };
}
