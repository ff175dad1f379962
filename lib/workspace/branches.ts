import git from 'isomorphic-git';
import { GitError, type GitRepository } from './repository';
import { readHead, statusRows } from './status';
import { switchTo } from './switch';

/** `git branch`: local branch names, sorted, and which one HEAD is on (null when detached). */
export async function listBranches(repo: GitRepository): Promise<{ names: string[]; current: string | null; head: string | null }> {
  const { fs, dir, gitdir } = repo;
  const { branch, head } = await readHead(repo);
  const names = (await git.listBranches({ fs, dir, gitdir })).sort();
  return { names, current: branch, head };
}

/** git check-ref-format for branch names (the rules a student can hit). */
export function isValidBranchName(name: string): boolean {
  if (name === '' || name === '@' || name.startsWith('-') || name.startsWith('/') || name.endsWith('/') || name.endsWith('.')) return false;
  if (/\.\.|@\{|\/\/|[\x00-\x20\x7f~^:?*[\\]/.test(name)) return false;
  return name.split('/').every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock'));
}

export async function branchExists(repo: GitRepository, name: string): Promise<boolean> {
  const { fs, dir, gitdir } = repo;
  try {
    await git.resolveRef({ fs, dir, gitdir, ref: `refs/heads/${name}`, depth: 1 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates branch `name` at `start` (an oid; HEAD's commit by default), optionally switching HEAD
 * to it. On an unborn branch `checkout -b` only renames the future branch, as git does.
 */
export async function createBranch(repo: GitRepository, name: string, options: { start?: string; checkout?: boolean } = {}): Promise<void> {
  const { fs, dir, gitdir } = repo;
  if (!isValidBranchName(name)) throw new GitError('usage', `fatal: '${name}' is not a valid branch name`);
  if (await branchExists(repo, name)) throw new GitError('branch-exists', `fatal: a branch named '${name}' already exists`);
  const { branch, head } = await readHead(repo);
  if (head === null && options.start === undefined) {
    if (!options.checkout) throw new GitError('bad-revision', `fatal: not a valid object name: '${branch ?? 'HEAD'}'`);
    await git.writeRef({ fs, dir, gitdir, ref: 'HEAD', value: `refs/heads/${name}`, symbolic: true, force: true });
    return;
  }
  const start = options.start ?? (head as string);
  await git.branch({ fs, dir, gitdir, ref: name, object: start });
  if (options.checkout) {
    if (start === head) await git.writeRef({ fs, dir, gitdir, ref: 'HEAD', value: `refs/heads/${name}`, symbolic: true, force: true });
    else await switchTo(repo, { branch: name });
  }
}

/** `git branch -d/-D NAME`: returns the oid the branch was at (`Deleted branch x (was 1a2b3c4).`). */
export async function deleteBranch(repo: GitRepository, name: string, force: boolean): Promise<string> {
  const { fs, dir, gitdir, cache } = repo;
  if (!(await branchExists(repo, name))) throw new GitError('no-branch', `error: branch '${name}' not found.`);
  const { branch, head } = await readHead(repo);
  if (branch === name) throw new GitError('usage', `error: Cannot delete branch '${name}' checked out at '${dir}'`);
  const oid = await git.resolveRef({ fs, dir, gitdir, ref: `refs/heads/${name}` });
  if (!force && head !== null && oid !== head && !(await git.isDescendent({ fs, dir, gitdir, cache, oid: head, ancestor: oid, depth: -1 }))) {
    throw new GitError('usage', `error: The branch '${name}' is not fully merged.\nIf you are sure you want to delete it, run 'git branch -D ${name}'.`);
  }
  await git.deleteBranch({ fs, dir, gitdir, ref: name });
  return oid;
}

/** `git branch -m [OLD] NEW`. */
export async function renameBranch(repo: GitRepository, from: string, to: string): Promise<void> {
  const { fs, dir, gitdir } = repo;
  if (!isValidBranchName(to)) throw new GitError('usage', `fatal: '${to}' is not a valid branch name`);
  if (await branchExists(repo, to)) throw new GitError('branch-exists', `fatal: a branch named '${to}' already exists`);
  const { branch, head } = await readHead(repo);
  if (from === branch && head === null) {
    await git.writeRef({ fs, dir, gitdir, ref: 'HEAD', value: `refs/heads/${to}`, symbolic: true, force: true });
    return;
  }
  if (!(await branchExists(repo, from))) throw new GitError('no-branch', `error: refname refs/heads/${from} not found\nfatal: Branch rename failed`, 128);
  await git.renameBranch({ fs, dir, gitdir, oldref: from, ref: to, checkout: from === branch });
}

/**
 * `git checkout -- PATH…`: restores tracked paths from the index. Returns how many files were
 * rewritten (`Updated 1 path from the index`); a path the index does not know is git's pathspec
 * error, naming it as typed (`shown`).
 */
export async function restoreFromIndex(repo: GitRepository, paths: readonly string[], shown: readonly string[] = paths): Promise<number> {
  const { fs, dir, gitdir, cache } = repo;
  const rows = await statusRows(repo);
  const matching = new Set<string>();
  for (const [i, spec] of paths.entries()) {
    const hits = rows.filter(([path, , , stage]) => stage !== 0 && (spec === '' || path === spec || path.startsWith(`${spec}/`)));
    if (hits.length === 0) throw new GitError('pathspec', `error: pathspec '${shown[i] ?? spec}' did not match any file(s) known to git`);
    for (const [path, , workdir, stage] of hits) if (!(stage === 2 || (stage === 1 && workdir === 1))) matching.add(path);
  }
  if (matching.size > 0) await git.checkout({ fs, dir, gitdir, cache, filepaths: [...matching], force: true, noUpdateHead: true });
  return matching.size;
}

/** Porcelain-style letters of the local changes a switch carried over (`M\tapp.py`). */
export async function localChanges(repo: GitRepository): Promise<string[]> {
  const lines: string[] = [];
  for (const [path, head, workdir, stage] of await statusRows(repo)) {
    if (head === 0 && stage === 0) continue;
    if (stage === 0 || workdir === 0) lines.push(`D\t${path}`);
    else if (head === 0) lines.push(`A\t${path}`);
    else if (!(stage === 1 && workdir === 1) && !(stage === 2 && workdir === 1)) lines.push(`M\t${path}`);
  }
  return lines;
}
