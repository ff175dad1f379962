import git from 'isomorphic-git';
import { joinPath, normalizePath, type ShellFs } from '@/lib/shell';
import { createGitFs, type GitFsClient } from './git-fs';

/**
 * A git repository in the workspace: the working tree `dir` (its `.git/` is a plain directory of
 * the workspace, so the build context includes it unless .dockerignore says otherwise) and the
 * isomorphic-git fs client over the same ShellFs.
 */
export interface GitRepository {
  readonly dir: string;
  readonly gitdir: string;
  readonly fs: GitFsClient;
  readonly shellFs: ShellFs;
  /** isomorphic-git's object cache, shared by the calls of one command. */
  readonly cache: object;
}

export type GitErrorCode = 'not-a-repo' | 'usage' | 'pathspec' | 'no-commits' | 'bad-revision' | 'branch-exists' | 'no-branch' | 'conflict' | 'config' | 'nothing-to-commit';

/**
 * An error in git's own words: `message` is exactly what git prints on stderr (several lines
 * allowed, no trailing newline), `exitCode` what it exits with (128 for `fatal:`, 1 for `error:`).
 */
export class GitError extends Error {
  override readonly name = 'GitError';
  constructor(
    readonly code: GitErrorCode,
    message: string,
    readonly exitCode = message.startsWith('fatal:') ? 128 : 1,
  ) {
    super(message);
  }
}

export function isGitError(value: unknown): value is GitError {
  return value instanceof GitError;
}

export const NOT_A_REPO = 'fatal: not a git repository (or any of the parent directories): .git';

/** The working tree that holds `cwd`: the nearest ancestor with a `.git` directory, or null. */
export async function findRepository(fs: ShellFs, cwd: string): Promise<string | null> {
  let dir = normalizePath(cwd);
  for (;;) {
    try {
      const stat = await fs.stat(joinPath(dir, '.git'));
      if (stat.type === 'dir') return dir;
    } catch {
      // not here; go up
    }
    if (dir === '/') return null;
    dir = dir.slice(0, dir.lastIndexOf('/')) || '/';
  }
}

export function repositoryAt(fs: ShellFs, dir: string): GitRepository {
  const root = normalizePath(dir);
  return { dir: root, gitdir: joinPath(root, '.git'), fs: createGitFs(fs), shellFs: fs, cache: {} };
}

/** The repository around `cwd`, or git's `fatal: not a git repository` (exit 128). */
export async function openRepository(fs: ShellFs, cwd: string): Promise<GitRepository> {
  const dir = await findRepository(fs, cwd);
  if (dir === null) throw new GitError('not-a-repo', NOT_A_REPO);
  return repositoryAt(fs, dir);
}

const GIT_INIT_CONFIG = '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n\tlogallrefupdates = true\n';

/** `git init [DIR]`: returns git's first line (`Initialized empty …` or `Reinitialized existing …`). */
export async function initRepository(fs: ShellFs, dir: string, options: { initialBranch?: string } = {}): Promise<string> {
  const root = normalizePath(dir);
  const gitdir = joinPath(root, '.git');
  const existed = await fs.exists(joinPath(gitdir, 'config'));
  await fs.mkdir(root, { recursive: true });
  await git.init({ fs: createGitFs(fs), dir: root, defaultBranch: options.initialBranch ?? 'main' });
  // git's own config, not isomorphic-git's (which says filemode = false, ignorecase = true).
  if (!existed) await fs.writeFile(joinPath(gitdir, 'config'), GIT_INIT_CONFIG);
  return `${existed ? 'Reinitialized existing' : 'Initialized empty'} Git repository in ${gitdir}/`;
}

/** Path of `absolute` inside the working tree (`''` for the root itself), or null if outside. */
export function repoPath(repo: GitRepository, absolute: string): string | null {
  const path = normalizePath(absolute);
  if (path === repo.dir) return '';
  const prefix = repo.dir === '/' ? '/' : `${repo.dir}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : null;
}

/** A repository path as git shows it to a user in `cwd` (`../app.py` from a subdirectory). */
export function displayPath(repo: GitRepository, cwd: string, path: string): string {
  const here = repoPath(repo, cwd) ?? '';
  if (here === '') return path;
  const isDir = path.endsWith('/');
  const from = here.split('/');
  const to = path.replace(/\/$/, '').split('/');
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const parts = [...from.slice(common).map(() => '..'), ...to.slice(common)];
  const shown = parts.length === 0 ? '.' : parts.join('/');
  return isDir ? `${shown}/` : shown;
}
