import { displayPath, type GitRepository, type GitStatus, type PathChange } from '@/lib/workspace';

/**
 * `git status` in git 2.39's words (wt-status.c): the branch line, "No commits yet", the three
 * sections with their hints, and the closing advice. `forCommit` is the text `git commit` prints
 * when there is nothing to commit ("Initial commit" instead of "No commits yet").
 */
export function formatLongStatus(status: GitStatus, repo: GitRepository, cwd: string, options: { forCommit?: boolean; detachedAt?: string } = {}): string {
  const lines: string[] = [];
  const show = (path: string) => displayPath(repo, cwd, path);
  lines.push(status.branch === null ? `HEAD detached at ${options.detachedAt ?? ''}` : `On branch ${status.branch}`);
  if (status.head === null) lines.push('', options.forCommit ? 'Initial commit' : 'No commits yet', '');
  if (status.staged.length > 0) {
    lines.push('Changes to be committed:');
    lines.push(status.head === null ? '  (use "git rm --cached <file>..." to unstage)' : '  (use "git restore --staged <file>..." to unstage)');
    for (const change of status.staged) lines.push(changeLine(change, show));
    lines.push('');
  }
  if (status.unstaged.length > 0) {
    const removes = status.unstaged.some((change) => change.kind === 'deleted');
    lines.push('Changes not staged for commit:');
    lines.push(`  (use "git ${removes ? 'add/rm' : 'add'} <file>..." to update what will be committed)`);
    lines.push('  (use "git restore <file>..." to discard changes in working directory)');
    for (const change of status.unstaged) lines.push(changeLine(change, show));
    lines.push('');
  }
  if (status.untracked.length > 0) {
    lines.push('Untracked files:');
    lines.push('  (use "git add <file>..." to include in what will be committed)');
    for (const path of status.untracked) lines.push(`\t${show(path)}`);
    lines.push('');
  }
  const closing = closingLine(status);
  if (closing !== null) lines.push(closing);
  return lines.join('\n') + '\n';
}

function changeLine(change: PathChange, show: (path: string) => string): string {
  return `\t${`${change.kind}:`.padEnd(12)}${show(change.path)}`;
}

function closingLine(status: GitStatus): string | null {
  if (status.staged.length > 0) return null;
  if (status.unstaged.length > 0) return 'no changes added to commit (use "git add" and/or "git commit -a")';
  if (status.untracked.length > 0) return 'nothing added to commit but untracked files present (use "git add" to track)';
  if (status.head === null) return 'nothing to commit (create/copy files and use "git add" to track)';
  return 'nothing to commit, working tree clean';
}

/**
 * `git status --short` (paths relative to cwd) and `--porcelain` (paths from the repository
 * root, whatever the cwd), with the `## branch` header for `-b`.
 */
export function formatShortStatus(status: GitStatus, repo: GitRepository, cwd: string, options: { porcelain: boolean; branch: boolean }): string {
  const lines: string[] = [];
  if (options.branch) {
    const name = status.branch ?? 'HEAD (no branch)';
    lines.push(status.head === null ? `## No commits yet on ${name}` : `## ${name}`);
  }
  for (const entry of status.entries) lines.push(`${entry.x}${entry.y} ${options.porcelain ? entry.path : displayPath(repo, cwd, entry.path)}`);
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}
