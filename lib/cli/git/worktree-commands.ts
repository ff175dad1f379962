import { resolvePath } from '@/lib/shell';
import {
  abbreviate,
  addPaths,
  cleanMessage,
  commitIndex,
  initRepository,
  readStatus,
  resolvePeople,
  type GitRepository,
} from '@/lib/workspace';
import { formatShortStat, formatSummary } from './diffstat-format';
import { err, out, repository, type GitSubcommand } from './git-context';
import { flag, parseGitArgs } from './git-options';
import { formatLongStatus, formatShortStatus } from './status-format';

/** `git init [-b NAME] [--initial-branch=NAME] [-q] [DIR]`. */
export const initCommand: GitSubcommand = async (argv, ctx) => {
  const args = parseGitArgs(argv, { 'initial-branch': { type: 'string', short: 'b' }, quiet: { type: 'bool', short: 'q' } });
  const dir = resolvePath(ctx.cwd, args.positionals[0] ?? '.');
  const initialBranch = args.strings.get('initial-branch');
  const line = await initRepository(ctx.shell.fs, dir, initialBranch === undefined ? {} : { initialBranch });
  if (!flag(args, 'quiet')) out(ctx, `${line}\n`);
  return 0;
};

/** `git status` (long form), `-s`/`--short`, `--porcelain`, `-b`. */
export const statusCommand: GitSubcommand = async (argv, ctx) => {
  const args = parseGitArgs(argv, {
    short: { type: 'bool', short: 's' },
    porcelain: { type: 'string', optional: true },
    branch: { type: 'bool', short: 'b' },
    long: { type: 'bool' },
  });
  const repo = await repository(ctx);
  const status = await readStatus(repo);
  const porcelain = args.strings.has('porcelain');
  if ((flag(args, 'short') || porcelain) && !flag(args, 'long')) {
    out(ctx, formatShortStatus(status, repo, ctx.cwd, { porcelain, branch: flag(args, 'branch') }));
    return 0;
  }
  out(ctx, formatLongStatus(status, repo, ctx.cwd, { detachedAt: await detachedAt(repo, status.head) }));
  return 0;
};

async function detachedAt(repo: GitRepository, head: string | null): Promise<string> {
  return head === null ? '' : abbreviate(repo, head);
}

/** `git add PATHSPEC…`, `git add .`, `git add -A` / `--all`. */
export const addCommand: GitSubcommand = async (argv, ctx) => {
  const args = parseGitArgs(argv, { all: { type: 'bool', short: 'A' }, verbose: { type: 'bool', short: 'v' }, update: { type: 'bool', short: 'u' } });
  const repo = await repository(ctx);
  const all = flag(args, 'all') || flag(args, 'update');
  if (args.positionals.length === 0 && !all) {
    out(ctx, 'Nothing specified, nothing added.\n');
    err(ctx, "hint: Maybe you wanted to say 'git add .'?\nhint: Turn this message off by running\nhint: \"git config advice.addEmptyPathspec false\"\n");
    return 0;
  }
  const result = await addPaths(repo, ctx.cwd, args.positionals, { all, trackedOnly: flag(args, 'update') });
  if (flag(args, 'verbose')) {
    out(ctx, [...result.added.map((p) => `add '${p}'\n`), ...result.removed.map((p) => `remove '${p}'\n`)].join(''));
  }
  return 0;
};

/** `git commit -m MSG [-m MSG…] [-a]`: git's summary, or the status and exit 1 when nothing is staged. */
export const commitCommand: GitSubcommand = async (argv, ctx) => {
  const args = parseGitArgs(argv, {
    message: { type: 'list', short: 'm' },
    all: { type: 'bool', short: 'a' },
    quiet: { type: 'bool', short: 'q' },
    'allow-empty-message': { type: 'bool' },
  });
  const repo = await repository(ctx);
  const messages = args.lists.get('message');
  if (flag(args, 'all')) await addPaths(repo, repo.dir, [], { all: true, trackedOnly: true });
  const status = await readStatus(repo);
  // Like git's prepare_to_commit: nothing staged is reported before any editor would open.
  if (status.staged.length === 0) {
    out(ctx, formatLongStatus(status, repo, ctx.cwd, { forCommit: true, detachedAt: await detachedAt(repo, status.head) }));
    return 1;
  }
  if (messages === undefined) {
    // The sandbox's terminal has no editor to open: git's words for a dumb terminal.
    err(ctx, 'error: Terminal is dumb, but EDITOR unset\nPlease supply the message using either -m or -F option.\n');
    return 1;
  }
  const message = cleanMessage(messages);
  const { author, committer } = await resolvePeople(ctx.shell.fs, ctx.shell.env, repo, ctx.now);
  const result = await commitIndex(repo, { message, author, committer });
  if (flag(args, 'quiet')) return 0;
  const where = `${result.branch ?? 'detached HEAD'}${result.root ? ' (root-commit)' : ''}`;
  const lines = [`[${where} ${await abbreviate(repo, result.oid)}] ${result.subject}`, formatShortStat(result.files), ...formatSummary(result.files)];
  out(ctx, lines.join('\n') + '\n');
  return 0;
};
