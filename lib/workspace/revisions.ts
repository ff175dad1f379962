import git from 'isomorphic-git';
import { GitError, type GitRepository } from './repository';

/**
 * Revisions as `git rev-parse` reads them (gitrevisions(7), the common part): `HEAD` / `@`,
 * branch and tag names, `refs/…`, full or abbreviated object names (4+ hex digits), and any chain
 * of `~N`, `^` and `^N` suffixes.
 */
export async function resolveRevision(repo: GitRepository, revision: string): Promise<string | null> {
  const match = /^(.*?)((?:[~^]\d*)*)$/.exec(revision);
  const base = match?.[1] ?? revision;
  const suffixes = match?.[2] ?? '';
  let oid = await resolveBase(repo, base === '@' || base === '' ? 'HEAD' : base);
  if (oid === null) return null;
  for (const step of suffixes.matchAll(/([~^])(\d*)/g)) {
    const count = step[2] === '' ? 1 : Number(step[2]);
    if (step[1] === '~') {
      for (let i = 0; i < count && oid !== null; i++) oid = await parentOf(repo, oid, 1);
    } else if (count > 0) {
      oid = await parentOf(repo, oid, count);
    }
    if (oid === null) return null;
  }
  return oid;
}

async function resolveBase(repo: GitRepository, name: string): Promise<string | null> {
  const { fs, dir, gitdir, cache } = repo;
  try {
    const oid = await git.resolveRef({ fs, dir, gitdir, ref: name });
    return await peelToCommit(repo, oid);
  } catch {
    // not a ref: try an object name
  }
  if (!/^[0-9a-f]{4,40}$/.test(name)) return null;
  try {
    return await git.expandOid({ fs, dir, gitdir, cache, oid: name });
  } catch {
    return null;
  }
}

async function peelToCommit(repo: GitRepository, oid: string): Promise<string> {
  const { fs, dir, gitdir, cache } = repo;
  const object = await git.readObject({ fs, dir, gitdir, cache, oid });
  if (object.type !== 'tag') return oid;
  const { tag } = await git.readTag({ fs, dir, gitdir, cache, oid });
  return peelToCommit(repo, tag.object);
}

/** The n-th parent (1-based) of a commit, or null. */
async function parentOf(repo: GitRepository, oid: string, n: number): Promise<string | null> {
  const { fs, dir, gitdir, cache } = repo;
  const { commit } = await git.readCommit({ fs, dir, gitdir, cache, oid });
  return commit.parent[n - 1] ?? null;
}

/** Resolves or fails with git's "ambiguous argument" error (exit 128). */
export async function requireRevision(repo: GitRepository, revision: string): Promise<string> {
  const oid = await resolveRevision(repo, revision);
  if (oid === null) throw unknownRevision(revision);
  return oid;
}

export function unknownRevision(revision: string): GitError {
  return new GitError(
    'bad-revision',
    `fatal: ambiguous argument '${revision}': unknown revision or path not in the working tree.\n` +
      "Use '--' to separate paths from revisions, like this:\n" +
      "'git <command> [<revision>...] -- [<file>...]'",
  );
}

/**
 * The shortest prefix of `oid`, at least `min` digits (git's core.abbrev default 7), that names
 * no other object in the repository.
 */
export async function abbreviate(repo: GitRepository, oid: string, min = 7): Promise<string> {
  const { fs, dir, gitdir, cache } = repo;
  for (let length = Math.max(4, Math.min(min, 40)); length < 40; length++) {
    try {
      await git.expandOid({ fs, dir, gitdir, cache, oid: oid.slice(0, length) });
      return oid.slice(0, length);
    } catch {
      // ambiguous at this length: one more digit
    }
  }
  return oid;
}
