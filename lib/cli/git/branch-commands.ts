import {
  abbreviate,
  branchExists,
  createBranch,
  deleteBranch,
  listBranches,
  localChanges,
  readHead,
  readLog,
  renameBranch,
  repoPath,
  requireRevision,
  resolveRevision,
  restoreFromIndex,
  subjectOf,
  switchTo,
  type GitRepository,
} from '@/lib/workspace';
import { resolvePath } from '@/lib/shell';
import { err, out, repository, type GitRunContext, type GitSubcommand } from './git-context';
import { flag, GitUsageError, parseGitArgs } from './git-options';

/** `git branch` (list), `git branch NAME [START]`, `-d`/`-D NAME`, `-m [OLD] NEW`. */
export const branchCommand: GitSubcommand = async (argv, ctx) => {
  const args = parseGitArgs(argv, {
    delete: { type: 'bool', short: 'd' },
    'force-delete': { type: 'bool', short: 'D' },
    move: { type: 'bool', short: 'm' },
    list: { type: 'bool', short: 'l' },
    'show-current': { type: 'bool' },
  });
  const repo = await repository(ctx);
  const names = args.positionals;
  if (flag(args, 'show-current')) {
    const { branch } = await readHead(repo);
    out(ctx, branch === null ? '' : `${branch}\n`);
    return 0;
  }
  if (flag(args, 'delete') || flag(args, 'force-delete')) {
    if (names.length === 0) throw new GitUsageError('fatal: branch name required', 128);
    let status = 0;
    for (const name of names) {
      try {
        const oid = await deleteBranch(repo, name, flag(args, 'force-delete'));
        out(ctx, `Deleted branch ${name} (was ${await abbreviate(repo, oid)}).\n`);
      } catch (error) {
        if (!(error instanceof Error) || !('exitCode' in error)) throw error;
        err(ctx, `${error.message}\n`);
        status = 1;
      }
    }
    return status;
  }
  if (flag(args, 'move')) {
    const current = (await readHead(repo)).branch ?? 'HEAD';
    const [from, to] = names.length >= 2 ? [names[0] as string, names[1] as string] : [current, names[0]];
    if (to === undefined) throw new GitUsageError('fatal: branch name required', 128);
    await renameBranch(repo, from, to);
    return 0;
  }
  if (names.length > 0 && !flag(args, 'list')) {
    const start = names[1] === undefined ? undefined : await startPoint(repo, names[1]);
    await createBranch(repo, names[0] as string, start === undefined ? {} : { start });
    return 0;
  }
  const { names: branches, current, head } = await listBranches(repo);
  const lines = current === null && head !== null ? [`* (HEAD detached at ${await abbreviate(repo, head)})`] : [];
  for (const name of branches) lines.push(`${name === current ? '*' : ' '} ${name}`);
  out(ctx, lines.map((line) => `${line}\n`).join(''));
  return 0;
};

async function startPoint(repo: GitRepository, revision: string): Promise<string> {
  const oid = await resolveRevision(repo, revision);
  if (oid === null) throw new GitUsageError(`fatal: not a valid object name: '${revision}'`, 128);
  return oid;
}

/** `git checkout -b NAME [START]`, `git checkout BRANCH | COMMIT`, `git checkout [--] PATH…`. */
export const checkoutCommand: GitSubcommand = async (argv, ctx) => {
  const args = parseGitArgs(argv, { branch: { type: 'string', short: 'b' }, 'force-branch': { type: 'string', short: 'B' }, quiet: { type: 'bool', short: 'q' } });
  const repo = await repository(ctx);
  const create = args.strings.get('branch') ?? args.strings.get('force-branch');
  if (create !== undefined) return createAndSwitch(ctx, repo, create, args.positionals[0]);
  if (args.dashDash || args.positionals.length > 1) return restorePaths(ctx, repo, args.positionals);
  const target = args.positionals[0];
  if (target === undefined) return 0;
  if (await branchExists(repo, target)) return switchBranch(ctx, repo, target);
  const oid = await resolveRevision(repo, target);
  if (oid !== null) return detach(ctx, repo, target, oid);
  return restorePaths(ctx, repo, [target]);
};

/** `git switch NAME`, `git switch -c NAME [START]`. */
export const switchCommand: GitSubcommand = async (argv, ctx) => {
  const args = parseGitArgs(argv, { create: { type: 'string', short: 'c' } });
  const repo = await repository(ctx);
  const create = args.strings.get('create');
  if (create !== undefined) return createAndSwitch(ctx, repo, create, args.positionals[0]);
  const target = args.positionals[0];
  if (target === undefined) throw new GitUsageError('fatal: missing branch or commit argument', 128);
  if (await branchExists(repo, target)) return switchBranch(ctx, repo, target);
  throw new GitUsageError(`fatal: invalid reference: ${target}`, 128);
};

async function createAndSwitch(ctx: GitRunContext, repo: GitRepository, name: string, start: string | undefined): Promise<number> {
  const oid = start === undefined ? undefined : await requireRevision(repo, start);
  await createBranch(repo, name, { checkout: true, ...(oid === undefined ? {} : { start: oid }) });
  out(ctx, (await localChanges(repo)).map((line) => `${line}\n`).join(''));
  err(ctx, `Switched to a new branch '${name}'\n`);
  return 0;
}

async function switchBranch(ctx: GitRunContext, repo: GitRepository, name: string): Promise<number> {
  const { branch, head } = await readHead(repo);
  if (branch === name) {
    out(ctx, (await localChanges(repo)).map((line) => `${line}\n`).join(''));
    err(ctx, `Already on '${name}'\n`);
    return 0;
  }
  await switchTo(repo, { branch: name });
  const previous = branch === null && head !== null ? `Previous HEAD position was ${await abbreviate(repo, head)} ${await subjectAt(repo, head)}\n` : '';
  out(ctx, (await localChanges(repo)).map((line) => `${line}\n`).join(''));
  err(ctx, `${previous}Switched to branch '${name}'\n`);
  return 0;
}

async function subjectAt(repo: GitRepository, oid: string): Promise<string> {
  const [entry] = await readLog(repo, oid, 1);
  return entry === undefined ? '' : subjectOf(entry.message);
}

const DETACHED_ADVICE = `You are in 'detached HEAD' state. You can look around, make experimental
changes and commit them, and you can discard any commits you make in this
state without impacting any branches by switching back to a branch.

If you want to create a new branch to retain commits you create, you may
do so (now or later) by using -c with the switch command. Example:

  git switch -c <new-branch-name>

Or undo this operation with:

  git switch -

Turn off this advice by setting config variable advice.detachedHead to false
`;

async function detach(ctx: GitRunContext, repo: GitRepository, name: string, oid: string): Promise<number> {
  await switchTo(repo, { detach: oid });
  out(ctx, (await localChanges(repo)).map((line) => `${line}\n`).join(''));
  err(ctx, `Note: switching to '${name}'.\n\n${DETACHED_ADVICE}\nHEAD is now at ${await abbreviate(repo, oid)} ${await subjectAt(repo, oid)}\n`);
  return 0;
}

async function restorePaths(ctx: GitRunContext, repo: GitRepository, specs: readonly string[]): Promise<number> {
  const paths = specs.map((spec) => {
    const path = repoPath(repo, resolvePath(ctx.cwd, spec));
    if (path === null) throw new GitUsageError(`fatal: ${spec}: '${spec}' is outside repository at '${repo.dir}'`, 128);
    return path;
  });
  const restored = await restoreFromIndex(repo, paths, specs);
  err(ctx, `Updated ${restored} path${restored === 1 ? '' : 's'} from the index\n`);
  return 0;
}
