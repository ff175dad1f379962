import git from 'isomorphic-git';
import { GitError, type GitRepository } from './repository';
import { readHead } from './status';

export interface LogEntry {
  readonly oid: string;
  readonly parents: readonly string[];
  /** The full message, ending with a newline as stored. */
  readonly message: string;
  readonly author: { name: string; email: string; timestamp: number; timezoneOffset: number };
  readonly committer: { name: string; email: string; timestamp: number; timezoneOffset: number };
}

/**
 * Commits reachable from `start` (an oid), newest first: commit-date order like `git log`'s
 * default, first parents before later ones on ties. `max` limits the count (`-n`).
 */
export async function readLog(repo: GitRepository, start: string, max?: number): Promise<LogEntry[]> {
  const { fs, dir, gitdir, cache } = repo;
  const commits = await git.log({ fs, dir, gitdir, cache, ref: start, ...(max === undefined ? {} : { depth: max }) });
  return commits.map(({ oid, commit }) => ({ oid, parents: commit.parent, message: commit.message, author: commit.author, committer: commit.committer }));
}

/** `git log` on an unborn branch: `fatal: your current branch 'main' does not have any commits yet`. */
export async function requireHeadCommit(repo: GitRepository): Promise<string> {
  const { branch, head } = await readHead(repo);
  if (head === null) throw new GitError('no-commits', `fatal: your current branch '${branch ?? 'HEAD'}' does not have any commits yet`);
  return head;
}

/**
 * Ref names pointing at each commit, as `--decorate` shows them: `HEAD -> main`, other branches,
 * `tag: v1`. Keys are oids.
 */
export async function readDecorations(repo: GitRepository): Promise<Map<string, string[]>> {
  const { fs, dir, gitdir } = repo;
  const { branch, head } = await readHead(repo);
  const decorations = new Map<string, string[]>();
  const add = (oid: string, label: string) => decorations.set(oid, [...(decorations.get(oid) ?? []), label]);
  if (head !== null && branch === null) add(head, 'HEAD');
  for (const name of await git.listBranches({ fs, dir, gitdir })) {
    const oid = await git.resolveRef({ fs, dir, gitdir, ref: `refs/heads/${name}` });
    add(oid, name === branch ? `HEAD -> ${name}` : name);
  }
  for (const tag of await git.listTags({ fs, dir, gitdir })) {
    add(await git.resolveRef({ fs, dir, gitdir, ref: `refs/tags/${tag}` }), `tag: ${tag}`);
  }
  // git puts `HEAD -> branch` first, then tags, then other branches.
  const rank = (label: string) => (label.startsWith('HEAD') ? 0 : label.startsWith('tag: ') ? 1 : 2);
  for (const [oid, labels] of decorations) decorations.set(oid, labels.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)));
  return decorations;
}
