import {
  assertConfigKey,
  findRepository,
  globalConfigPath,
  GitError,
  listConfigFile,
  lookupConfig,
  readConfigFile,
  readRepoConfig,
  repositoryAt,
  writeConfigFile,
  writeRepoConfig,
} from '@/lib/workspace';
import { joinPath } from '@/lib/shell';
import { out, type GitSubcommand } from './git-context';
import { flag, GitUsageError, parseGitArgs } from './git-options';

/**
 * `git config [--global | --local] KEY [VALUE]`, `--get KEY`, `--list`. Without a scope a read
 * looks in the repository and then `~/.gitconfig`, and a write goes to the repository (outside
 * one: `fatal: not in a git directory`). A missing key prints nothing and exits 1.
 */
export const configCommand: GitSubcommand = async (argv, ctx) => {
  const args = parseGitArgs(argv, {
    global: { type: 'bool' },
    local: { type: 'bool' },
    get: { type: 'bool' },
    list: { type: 'bool', short: 'l' },
  });
  const { fs, env } = ctx.shell;
  const root = await findRepository(fs, ctx.cwd);
  const repo = root === null ? null : repositoryAt(fs, root);
  const global = flag(args, 'global');
  const local = flag(args, 'local');
  const needRepo = () => {
    if (repo === null) throw new GitError('not-a-repo', 'fatal: not in a git directory');
    return repo;
  };
  if (flag(args, 'list')) {
    const lines = [
      ...(local ? [] : await listConfigFile(fs, globalConfigPath(env))),
      ...(global || repo === null ? [] : await listConfigFile(fs, joinPath(repo.gitdir, 'config'))),
    ];
    if (local) needRepo();
    out(ctx, lines.map((line) => `${line}\n`).join(''));
    return 0;
  }
  const [key, value, ...rest] = args.positionals;
  if (key === undefined || rest.length > 0 || (flag(args, 'get') && value !== undefined)) {
    throw new GitUsageError('error: wrong number of arguments, should be from 1 to 2\nusage: git config [<options>]', 129);
  }
  assertConfigKey(key);
  if (value === undefined) {
    const found = global
      ? await readConfigFile(fs, globalConfigPath(env), key)
      : local
        ? await readRepoConfig(needRepo(), key)
        : await lookupConfig(fs, env, repo, key);
    if (found === undefined) return 1;
    out(ctx, `${found}\n`);
    return 0;
  }
  if (global) await writeConfigFile(fs, globalConfigPath(env), key, value);
  else await writeRepoConfig(needRepo(), key, value);
  return 0;
};
