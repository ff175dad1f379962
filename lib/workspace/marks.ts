import { statusRows, type StatusRow } from './status';
import type { GitRepository } from './repository';

/** How the file tree marks a path, as an editor's git decorations do. */
export type GitMark = 'untracked' | 'modified' | 'added' | 'deleted' | 'unmodified' | 'ignored';

/**
 * Each path git sees in the work tree and index, with its mark (relative to the repository,
 * `/`-separated). A file that exists but is missing here is ignored (.gitignore): the status
 * matrix leaves ignored untracked files out. Staged and unstaged changes collapse into one mark,
 * the strongest first: added, deleted, modified.
 */
export async function gitMarks(repo: GitRepository): Promise<Map<string, GitMark>> {
  const marks = new Map<string, GitMark>();
  for (const row of await statusRows(repo)) marks.set(row[0], markOf(row));
  return marks;
}

export function markOf([, head, workdir, stage]: StatusRow): GitMark {
  if (head === 0) {
    if (stage === 0) return 'untracked';
    return workdir === 0 ? 'deleted' : 'added';
  }
  if (workdir === 0 || stage === 0) return 'deleted';
  return workdir === 1 && stage === 1 ? 'unmodified' : 'modified';
}
