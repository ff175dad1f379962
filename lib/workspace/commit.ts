import git from 'isomorphic-git';
import { diffFiles, type FileDiff } from './diff';
import type { GitPerson } from './identity';
import { GitError, type GitRepository } from './repository';
import { readHead } from './status';

export interface CommitResult {
  readonly oid: string;
  /** The branch that moved, or null for a commit on a detached HEAD. */
  readonly branch: string | null;
  /** True for the first commit of a branch (`[main (root-commit) 1a2b3c4]`). */
  readonly root: boolean;
  /** The message's first line, as the summary line shows it. */
  readonly subject: string;
  /** What the commit changed against its parent, for the ` 2 files changed…` summary. */
  readonly files: readonly FileDiff[];
}

/**
 * Git's `--cleanup=whitespace` (the default for `-m`): trailing spaces go, runs of blank lines
 * become one, leading and trailing blank lines go, and the message ends with a newline. Several
 * `-m` become separate paragraphs.
 */
export function cleanMessage(paragraphs: readonly string[]): string {
  const lines = paragraphs.join('\n\n').split('\n').map((line) => line.replace(/\s+$/, ''));
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

/** Records the index as a new commit on HEAD; the caller has checked that something is staged. */
export async function commitIndex(repo: GitRepository, options: { message: string; author: GitPerson; committer: GitPerson }): Promise<CommitResult> {
  if (options.message === '') throw new GitError('usage', 'Aborting commit due to empty commit message.', 1);
  const { fs, dir, gitdir, cache } = repo;
  const { branch, head } = await readHead(repo);
  const oid = await git.commit({ fs, dir, gitdir, cache, message: options.message, author: options.author, committer: options.committer });
  const files = await diffFiles(repo, head === null ? { kind: 'empty' } : { kind: 'commit', oid: head }, { kind: 'commit', oid });
  return { oid, branch, root: head === null, subject: subjectOf(options.message), files };
}

/** Git's `%s`: the first paragraph of a message, its lines joined by spaces. */
export function subjectOf(message: string): string {
  const paragraph = message.replace(/^\n+/, '').split(/\n\s*\n/)[0] ?? '';
  return paragraph.trim().split('\n').map((line) => line.trim()).join(' ');
}
