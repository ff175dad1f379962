import { joinPath } from '../fs/paths';
import type { Command, CommandContext } from '../run/command-types';
import { complain, options } from './support';

/**
 * tree(1) as version 2.x prints it in a UTF-8 locale: box-drawing branches (the vertical bar is
 * followed by two no-break spaces, as tree's linedraw table has it), names sorted in
 * the C locale, hidden entries only with -a, `-d` for directories only, `-L N` to stop at a
 * depth, symlinks as `name -> target`, and the `N directories, M files` summary.
 */
export const tree: Command = async (ctx) => {
  const o = options(ctx, 'adL:', { all: 'a', 'dirs-only': 'd' });
  if (o === undefined) return 2;
  const level = o.values.get('L')?.at(-1);
  const maxDepth = level === undefined ? Infinity : Number(level);
  if (level !== undefined && (!Number.isInteger(maxDepth) || maxDepth < 1)) {
    ctx.stderr.write('tree: Invalid level, must be greater than 0.\n');
    return 1;
  }
  const walk = { all: o.flags.has('a'), dirsOnly: o.flags.has('d'), maxDepth, dirs: 0, files: 0 };
  let status = 0;
  for (const root of o.operands.length === 0 ? ['.'] : o.operands) {
    const path = ctx.resolve(root);
    const stat = await ctx.fs.stat(path).catch(() => undefined);
    if (stat?.type !== 'dir') {
      ctx.stdout.write(`${root}  [error opening dir]\n`);
      status = 2;
      continue;
    }
    ctx.stdout.write(`${root}\n`);
    await branch(ctx, path, '', 1, walk);
  }
  const dirWord = walk.dirs === 1 ? 'directory' : 'directories';
  ctx.stdout.write(walk.dirsOnly ? `\n${walk.dirs} ${dirWord}\n` : `\n${walk.dirs} ${dirWord}, ${walk.files} ${walk.files === 1 ? 'file' : 'files'}\n`);
  return status;
};

interface Walk {
  all: boolean;
  dirsOnly: boolean;
  maxDepth: number;
  dirs: number;
  files: number;
}

async function branch(ctx: CommandContext, dir: string, indent: string, depth: number, walk: Walk): Promise<void> {
  let names: string[];
  try {
    names = await ctx.fs.readdir(dir);
  } catch (error) {
    complain(ctx, `${dir}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const entries: { name: string; path: string; type: string; target?: string }[] = [];
  for (const name of names) {
    if (!walk.all && name.startsWith('.')) continue;
    const path = joinPath(dir, name);
    const lstat = await ctx.fs.lstat(path);
    const target = lstat.type === 'symlink' ? await ctx.fs.readlink(path) : undefined;
    // A symlink to a directory counts as a directory but is not descended into (tree without -l).
    const type = lstat.type === 'symlink' ? ((await ctx.fs.stat(path).catch(() => undefined))?.type ?? 'file') : lstat.type;
    if (walk.dirsOnly && type !== 'dir') continue;
    entries.push({ name, path, type, ...(target !== undefined ? { target } : {}) });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const [i, entry] of entries.entries()) {
    const last = i === entries.length - 1;
    ctx.stdout.write(`${indent}${last ? '└── ' : '├── '}${entry.name}${entry.target !== undefined ? ` -> ${entry.target}` : ''}\n`);
    if (entry.type === 'dir') {
      walk.dirs++;
      if (entry.target === undefined && depth < walk.maxDepth) await branch(ctx, entry.path, `${indent}${last ? '    ' : '│\u00a0\u00a0 '}`, depth + 1, walk);
    } else walk.files++;
  }
}
