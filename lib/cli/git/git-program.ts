import { resolvePath, type Command, type CommandContext } from '@/lib/shell';
import { isGitError } from '@/lib/workspace';
import { branchCommand, checkoutCommand, switchCommand } from './branch-commands';
import { configCommand } from './config-command';
import { err, type GitRunContext, type GitSubcommand } from './git-context';
import { GitUsageError } from './git-options';
import { diffCommand, logCommand, revParseCommand } from './history-commands';
import { addCommand, commitCommand, initCommand, statusCommand } from './worktree-commands';

/** The version the sandbox's wording follows (texts compared with this git). */
export const GIT_VERSION = '2.39.5';

const SUBCOMMANDS: Readonly<Record<string, GitSubcommand>> = {
  init: initCommand,
  status: statusCommand,
  add: addCommand,
  commit: commitCommand,
  log: logCommand,
  diff: diffCommand,
  'rev-parse': revParseCommand,
  branch: branchCommand,
  checkout: checkoutCommand,
  switch: switchCommand,
  config: configCommand,
};

/** Real git commands the sandbox does not model: said plainly instead of "not a git command". */
const UNMODELED = new Set(['clone', 'push', 'pull', 'fetch', 'merge', 'rebase', 'reset', 'restore', 'rm', 'mv', 'stash', 'tag', 'show', 'remote', 'cherry-pick', 'revert', 'bisect', 'grep', 'blame', 'reflog', 'clean']);

export const GIT_USAGE = `usage: git [-v | --version] [-h | --help] [-C <path>] <command> [<args>]

These are the Git commands the sandbox models:

start a working area
   init      Create an empty Git repository or reinitialize an existing one

work on the current change
   add       Add file contents to the index

examine the history and state
   diff      Show changes between commits, commit and working tree, etc (--stat)
   log       Show commit logs
   status    Show the working tree status
   rev-parse Pick out and massage parameters

grow, mark and tweak your common history
   branch    List, create, or delete branches
   checkout  Switch branches or restore working tree files
   commit    Record changes to the repository
   switch    Switch branches

   config    Get and set repository or global options
`;

export interface GitCommandOptions {
  /** Wall clock in ms (commit dates when GIT_AUTHOR_DATE is unset); default Date.now. */
  now?: () => number;
  /** stdout is a terminal: `git log` decorates refs as git does on a TTY. Default false. */
  tty?: boolean;
}

/** The terminal's `git` command, over the shell's workspace fs. */
export function createGitCommand(options: GitCommandOptions = {}): Command {
  return (shell) => runGit(shell, options);
}

export const gitCommand: Command = createGitCommand();

async function runGit(shell: CommandContext, options: GitCommandOptions): Promise<number> {
  const argv = [...shell.args];
  let cwd = shell.cwd;
  while (argv.length > 0 && (argv[0] as string).startsWith('-')) {
    const option = argv.shift() as string;
    if (option === '-C') {
      const dir = argv.shift();
      if (dir === undefined) return fail(shell, 'error: no directory given for -C\n', 129);
      cwd = resolvePath(cwd, dir);
    } else if (option === '--version' || option === '-v') {
      shell.stdout.write(`git version ${GIT_VERSION}\n`);
      return 0;
    } else if (option === '--help' || option === '-h') {
      shell.stdout.write(GIT_USAGE);
      return 0;
    } else if (option === '--no-pager' || option === '-P') {
      continue;
    } else {
      return fail(shell, `unknown option: ${option}\n${GIT_USAGE.split('\n\n')[0]}\n`, 129);
    }
  }
  const name = argv.shift();
  if (name === undefined) return fail(shell, GIT_USAGE, 1, 'stdout');
  if (name === 'help' || name === 'version') {
    shell.stdout.write(name === 'help' ? GIT_USAGE : `git version ${GIT_VERSION}\n`);
    return 0;
  }
  const subcommand = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (subcommand === undefined) {
    if (UNMODELED.has(name)) return fail(shell, `git: '${name}' is a git command the sandbox does not model. See 'git --help'.\n`, 1);
    return fail(shell, `git: '${name}' is not a git command. See 'git --help'.\n`, 1);
  }
  const ctx: GitRunContext = { shell, cwd, now: options.now ?? (() => Date.now()), tty: options.tty ?? false };
  try {
    return await subcommand(argv, ctx);
  } catch (error) {
    if (isGitError(error) || error instanceof GitUsageError) {
      err(ctx, `${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

function fail(shell: CommandContext, text: string, status: number, stream: 'stdout' | 'stderr' = 'stderr'): number {
  (stream === 'stdout' ? shell.stdout : shell.stderr).write(text);
  return status;
}

