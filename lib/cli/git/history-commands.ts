import {
  abbreviate,
  diffFiles,
  formatGitDate,
  readDecorations,
  readHead,
  readLog,
  requireHeadCommit,
  requireRevision,
  resolveRevision,
  subjectOf,
  type DiffSide,
  type GitRepository,
} from '@/lib/workspace';
import { formatDiffStat, formatShortStat } from './diffstat-format';
import { err, out, repository, type GitSubcommand } from './git-context';
import { flag, GitUsageError, parseGitArgs } from './git-options';

/** `git log [--oneline] [-n N | -N] [--decorate | --no-decorate] [REV]`. */
export const logCommand: GitSubcommand = async (argv, ctx) => {
  const numeric = argv.map((arg) => /^-(\d+)$/.exec(arg)?.[1]);
  const args = parseGitArgs(
    argv.filter((_, i) => numeric[i] === undefined),
    { oneline: { type: 'bool' }, 'max-count': { type: 'string', short: 'n' }, decorate: { type: 'bool' } },
  );
  const repo = await repository(ctx);
  const countText = numeric.filter((n) => n !== undefined).pop() ?? args.strings.get('max-count');
  const max = countText === undefined ? undefined : Number(countText);
  if (max !== undefined && !Number.isInteger(max)) throw new GitUsageError(`fatal: '${countText}': not an integer`, 128);
  const revision = args.positionals[0];
  const start = revision === undefined ? await requireHeadCommit(repo) : await requireRevision(repo, revision);
  if (max === 0) return 0;
  const entries = await readLog(repo, start, max);
  const decorate = args.bools.get('decorate') ?? ctx.tty;
  const decorations = decorate ? await readDecorations(repo) : new Map<string, string[]>();
  const label = (oid: string) => (decorations.has(oid) ? ` (${(decorations.get(oid) as string[]).join(', ')})` : '');
  if (flag(args, 'oneline')) {
    const lines = await Promise.all(entries.map(async (e) => `${await abbreviate(repo, e.oid)}${label(e.oid)} ${subjectOf(e.message)}`));
    out(ctx, lines.map((line) => `${line}\n`).join(''));
    return 0;
  }
  const blocks = entries.map((e) => {
    const body = e.message.replace(/\n+$/, '').split('\n').map((line) => `    ${line}`);
    const merge = e.parents.length > 1 ? [`Merge: ${e.parents.map((p) => p.slice(0, 7)).join(' ')}`] : [];
    return [`commit ${e.oid}${label(e.oid)}`, ...merge, `Author: ${e.author.name} <${e.author.email}>`, `Date:   ${formatGitDate(e.author)}`, '', ...body].join('\n');
  });
  out(ctx, blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`);
  return 0;
};

/** `git rev-parse [--short[=N]] [--verify] [--abbrev-ref] REV…`, `--show-toplevel`, `--git-dir`. */
export const revParseCommand: GitSubcommand = async (argv, ctx) => {
  const args = parseGitArgs(argv, {
    short: { type: 'string', optional: true },
    verify: { type: 'bool' },
    'abbrev-ref': { type: 'bool' },
    'show-toplevel': { type: 'bool' },
    'git-dir': { type: 'bool' },
    'is-inside-work-tree': { type: 'bool' },
  });
  const repo = await repository(ctx);
  const lines: string[] = [];
  if (flag(args, 'show-toplevel')) lines.push(repo.dir);
  if (flag(args, 'git-dir')) lines.push(ctx.cwd === repo.dir ? '.git' : repo.gitdir);
  if (flag(args, 'is-inside-work-tree')) lines.push('true');
  const short = args.strings.get('short');
  const verify = flag(args, 'verify') || short !== undefined;
  if (verify && args.positionals.length !== 1) {
    out(ctx, lines.map((l) => `${l}\n`).join(''));
    err(ctx, 'fatal: Needed a single revision\n');
    return 128;
  }
  for (const revision of args.positionals) {
    if (flag(args, 'abbrev-ref') && /^(HEAD|@)$/.test(revision)) {
      lines.push((await readHead(repo)).branch ?? 'HEAD');
      continue;
    }
    const oid = await resolveRevision(repo, revision);
    if (oid === null) {
      out(ctx, lines.map((l) => `${l}\n`).join(''));
      if (verify) {
        err(ctx, 'fatal: Needed a single revision\n');
        return 128;
      }
      out(ctx, `${revision}\n`);
      err(ctx, `fatal: ambiguous argument '${revision}': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'\n`);
      return 128;
    }
    lines.push(flag(args, 'abbrev-ref') ? revision : short === undefined ? oid : await abbreviate(repo, oid, short === '' ? 7 : Number(short)));
  }
  out(ctx, lines.map((l) => `${l}\n`).join(''));
  return 0;
};

/**
 * `git diff --stat | --shortstat | --name-only | --name-status` between the work tree and the
 * index (default), the index and HEAD (`--cached`), the work tree and a commit (`REV`), or two
 * commits (`A B`, `A..B`).
 */
export const diffCommand: GitSubcommand = async (argv, ctx) => {
  const args = parseGitArgs(argv, {
    stat: { type: 'bool' },
    shortstat: { type: 'bool' },
    'name-only': { type: 'bool' },
    'name-status': { type: 'bool' },
    cached: { type: 'bool' },
    staged: { type: 'bool' },
  });
  const repo = await repository(ctx);
  const [from, to] = await diffSides(repo, args.positionals, flag(args, 'cached') || flag(args, 'staged'));
  const files = await diffFiles(repo, from, to);
  if (flag(args, 'name-only')) out(ctx, files.map((f) => `${f.path}\n`).join(''));
  else if (flag(args, 'name-status')) out(ctx, files.map((f) => `${{ added: 'A', deleted: 'D', modified: 'M' }[f.status]}\t${f.path}\n`).join(''));
  else if (flag(args, 'shortstat')) out(ctx, files.length === 0 ? '' : `${formatShortStat(files)}\n`);
  else if (flag(args, 'stat')) out(ctx, formatDiffStat(files));
  else {
    err(ctx, 'git diff: the sandbox shows changes with --stat, --shortstat, --name-only or --name-status\n');
    return 1;
  }
  return 0;
};

async function diffSides(repo: GitRepository, revisions: readonly string[], cached: boolean): Promise<[DiffSide, DiffSide]> {
  const range = revisions.length === 1 ? /^(.+)\.\.(.+)$/.exec(revisions[0] as string) : null;
  const revs = range ? [range[1] as string, range[2] as string] : revisions;
  const commit = async (rev: string): Promise<DiffSide> => ({ kind: 'commit', oid: await requireRevision(repo, rev) });
  if (revs.length >= 2) return [await commit(revs[0] as string), await commit(revs[1] as string)];
  if (revs.length === 1) return [await commit(revs[0] as string), cached ? { kind: 'index' } : { kind: 'worktree' }];
  if (cached) {
    const { head } = await readHead(repo);
    return [head === null ? { kind: 'empty' } : { kind: 'commit', oid: head }, { kind: 'index' }];
  }
  return [{ kind: 'index' }, { kind: 'worktree' }];
}
