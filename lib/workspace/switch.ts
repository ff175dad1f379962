import git, { STAGE, TREE, WORKDIR, type WalkerEntry } from 'isomorphic-git';
import { dirName, joinPath } from '@/lib/shell';
import { GitError, type GitRepository } from './repository';
import { readHead } from './status';

/**
 * `git checkout BRANCH` / `git switch`: git's two-tree merge (read-tree -m -u HEAD TARGET). A
 * path that is the same in HEAD and the target keeps whatever the index and work tree have, so
 * local changes carry over; a path that differs is updated only when it has no local changes,
 * else the switch stops with git's error before touching anything. An untracked file the
 * target would overwrite stops it too.
 */
export async function switchTo(repo: GitRepository, target: { branch: string } | { detach: string }): Promise<void> {
  const { fs, dir, gitdir } = repo;
  const targetOid = 'branch' in target ? await git.resolveRef({ fs, dir, gitdir, ref: `refs/heads/${target.branch}` }) : target.detach;
  const { head } = await readHead(repo);
  if (head !== targetOid) {
    const plan = await planSwitch(repo, head, targetOid);
    await applyPlan(repo, plan);
  }
  if ('branch' in target) await git.writeRef({ fs, dir, gitdir, ref: 'HEAD', value: `refs/heads/${target.branch}`, symbolic: true, force: true });
  else await git.writeRef({ fs, dir, gitdir, ref: 'HEAD', value: targetOid, force: true });
}

interface Version {
  oid: string;
  mode: number;
}

interface Step {
  path: string;
  /** The target's version, or null to delete the path. */
  to: Version | null;
}

async function versionOf(entry: WalkerEntry | null | undefined): Promise<Version | null | 'tree'> {
  if (!entry) return null;
  const type = await entry.type();
  if (type === 'tree') return 'tree';
  if (type !== 'blob') return null;
  return { oid: await entry.oid(), mode: await entry.mode() };
}

function same(a: Version | null, b: Version | null): boolean {
  if (a === null || b === null) return a === b;
  return a.oid === b.oid && a.mode === b.mode;
}

async function planSwitch(repo: GitRepository, head: string | null, target: string): Promise<Step[]> {
  const { fs, dir, gitdir, cache } = repo;
  const conflicts: string[] = [];
  const untracked: string[] = [];
  const trees = head === null ? [TREE({ ref: target }), STAGE(), WORKDIR({ refresh: false })] : [TREE({ ref: head }), TREE({ ref: target }), STAGE(), WORKDIR({ refresh: false })];
  const steps = (await git.walk({
    fs,
    dir,
    gitdir,
    cache,
    trees,
    map: async (path, entries) => {
      if (path === '.') return undefined;
      const all = await Promise.all((head === null ? [null, ...entries] : entries).map((e) => versionOf(e)));
      const [h, t, i, w] = all.map((v) => (v === 'tree' ? null : v)) as (Version | null)[];
      // An untracked directory: nothing to do inside it (and no need to hash its files).
      if (all[0] === null && all[1] === null && all[2] === null && all[3] === 'tree') return null;
      if (all.some((v) => v === 'tree')) return undefined;
      if (same(h ?? null, t ?? null)) return undefined;
      if (same(i ?? null, t ?? null) && same(w ?? null, t ?? null)) return undefined;
      const clean = same(i ?? null, h ?? null) && same(w ?? null, i ?? null);
      if (!clean) {
        if (h === null && i === null && w !== null) untracked.push(path);
        else conflicts.push(path);
        return undefined;
      }
      return { path, to: t ?? null };
    },
  })) as Step[];
  if (conflicts.length > 0) {
    throw new GitError(
      'conflict',
      `error: Your local changes to the following files would be overwritten by checkout:\n${conflicts.map((p) => `\t${p}`).join('\n')}\nPlease commit your changes or stash them before you switch branches.\nAborting`,
    );
  }
  if (untracked.length > 0) {
    throw new GitError(
      'conflict',
      `error: The following untracked working tree files would be overwritten by checkout:\n${untracked.map((p) => `\t${p}`).join('\n')}\nPlease move or remove them before you switch branches.\nAborting`,
    );
  }
  return steps;
}

async function applyPlan(repo: GitRepository, steps: readonly Step[]): Promise<void> {
  const { fs, dir, gitdir, cache, shellFs } = repo;
  for (const { path, to } of steps) {
    const file = joinPath(dir, path);
    if (to === null) {
      await shellFs.rm(file, { force: true });
      await git.remove({ fs, dir, gitdir, cache, filepath: path });
      await removeEmptyParents(repo, dirName(file));
      continue;
    }
    const { blob } = await git.readBlob({ fs, dir, gitdir, cache, oid: to.oid });
    await shellFs.mkdir(dirName(file), { recursive: true });
    await shellFs.rm(file, { force: true });
    if (to.mode === 0o120000) await shellFs.symlink(new TextDecoder().decode(blob), file);
    else await shellFs.writeFile(file, blob, { mode: to.mode === 0o100755 ? 0o755 : 0o644 });
    await git.add({ fs, dir, gitdir, cache, filepath: path });
  }
}

/** Git removes directories a switch left empty, up to the work tree's root. */
async function removeEmptyParents(repo: GitRepository, start: string): Promise<void> {
  for (let here = start; here !== repo.dir && here.startsWith(`${repo.dir}/`); here = dirName(here)) {
    try {
      if ((await repo.shellFs.readdir(here)).length > 0) return;
      await repo.shellFs.rm(here);
    } catch {
      return;
    }
  }
}
