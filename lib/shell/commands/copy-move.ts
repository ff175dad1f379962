import { baseName, joinPath } from '../fs/paths';
import type { FileStat } from '../fs/shell-fs';
import type { Command, CommandContext } from '../run/command-types';
import { missingOperand } from './files';
import { complain, fileError, options } from './support';

/**
 * cp and mv with GNU's target rules: an existing directory target receives the sources under
 * their own names; `cp -r src/. dst` copies src's contents. Without `-p`/`-a` copies belong to
 * the running user and keep the source's mode, as GNU cp does under umask 022.
 */
interface CopyOptions {
  recursive: boolean;
  preserve: boolean;
  /** Copy symlinks as symlinks (-P, -d, -a, and GNU's default under -R). */
  noDereference: boolean;
  noClobber: boolean;
  verbose: boolean;
}

async function tryStat(ctx: CommandContext, path: string, follow = true): Promise<FileStat | undefined> {
  try {
    return follow ? await ctx.fs.stat(path) : await ctx.fs.lstat(path);
  } catch {
    return undefined;
  }
}

/** Resolves the operands into (source, destination) pairs, or prints why it cannot. */
async function targets(ctx: CommandContext, operands: string[], noTargetDir: boolean): Promise<{ src: string; shown: string; dest: string; destShown: string }[] | undefined> {
  if (operands.length === 0) {
    missingOperand(ctx);
    return undefined;
  }
  if (operands.length === 1) {
    complain(ctx, `missing destination file operand after '${operands[0]}'`);
    return undefined;
  }
  const destArg = operands[operands.length - 1] as string;
  const sources = operands.slice(0, -1);
  const dest = ctx.resolve(destArg);
  const destIsDir = !noTargetDir && (await tryStat(ctx, dest))?.type === 'dir';
  if (sources.length > 1 && !destIsDir) {
    complain(ctx, `target '${destArg}' is not a directory`);
    return undefined;
  }
  return sources.map((s) => {
    const name = baseName(s);
    const into = destIsDir && name !== '.' && name !== '..';
    return { src: ctx.resolve(s), shown: s, dest: into ? joinPath(dest, name) : dest, destShown: into ? joinPath(destArg.replace(/\/+$/, '') || '/', name) : destArg };
  });
}

async function copyOne(ctx: CommandContext, src: string, dest: string, shown: string, destShown: string, o: CopyOptions, top: boolean): Promise<boolean> {
  const stat = await tryStat(ctx, src, !(o.noDereference && (!top || o.recursive)));
  if (stat === undefined) {
    complain(ctx, `cannot stat '${shown}': No such file or directory`);
    return false;
  }
  if (src === dest) {
    complain(ctx, `'${shown}' and '${destShown}' are the same file`);
    return false;
  }
  const existing = await tryStat(ctx, dest, false);
  if (existing !== undefined && o.noClobber) return true;
  try {
    if (stat.type === 'symlink') {
      if (existing !== undefined) await ctx.fs.rm(dest, { recursive: true });
      await ctx.fs.symlink(await ctx.fs.readlink(src), dest);
    } else if (stat.type === 'dir') {
      if (!o.recursive) {
        complain(ctx, `-r not specified; omitting directory '${shown}'`);
        return false;
      }
      if (`${dest}/`.startsWith(`${src}/`)) {
        complain(ctx, `cannot copy a directory, '${shown}', into itself, '${destShown}'`);
        return false;
      }
      if (existing === undefined) await ctx.fs.mkdir(dest, { mode: stat.mode });
      else if (existing.type !== 'dir') {
        complain(ctx, `cannot overwrite non-directory '${destShown}' with directory '${shown}'`);
        return false;
      }
      let ok = true;
      for (const name of await ctx.fs.readdir(src)) {
        ok = (await copyOne(ctx, joinPath(src, name), joinPath(dest, name), `${shown.replace(/\/+$/, '')}/${name}`, `${destShown.replace(/\/+$/, '')}/${name}`, o, false)) && ok;
      }
      await finish(ctx, dest, stat, o);
      if (o.verbose) ctx.stdout.write(`'${shown}' -> '${destShown}'\n`);
      return ok;
    } else {
      if (existing?.type === 'dir') {
        complain(ctx, `cannot overwrite directory '${destShown}' with non-directory`);
        return false;
      }
      if (ctx.fs.copyFile !== undefined) await ctx.fs.copyFile(src, dest);
      else await ctx.fs.writeFile(dest, await ctx.fs.readFile(src), { mode: stat.mode });
    }
    await finish(ctx, dest, stat, o);
    if (o.verbose) ctx.stdout.write(`'${shown}' -> '${destShown}'\n`);
    return true;
  } catch (error) {
    complain(ctx, `cannot create ${stat.type === 'dir' ? 'directory' : 'regular file'} ${fileError(`'${destShown}'`, error)}`);
    return false;
  }
}

async function finish(ctx: CommandContext, dest: string, stat: FileStat, o: CopyOptions): Promise<void> {
  if (stat.type === 'symlink') return;
  await ctx.fs.chmod(dest, stat.mode);
  if (o.preserve) await ctx.fs.chown(dest, stat.uid, stat.gid);
  else await ctx.fs.chown(dest, ctx.user.uid, ctx.user.gid);
}

export const cp: Command = async (ctx) => {
  const o = options(ctx, 'rRapfvnPdLHTuix', { recursive: 'r', archive: 'a', force: 'f', verbose: 'v', 'no-clobber': 'n', 'no-dereference': 'P', dereference: 'L', 'no-target-directory': 'T', update: 'u', preserve: 'p' });
  if (o === undefined) return 1;
  const has = (f: string): boolean => o.flags.has(f);
  const copyOptions: CopyOptions = {
    recursive: has('r') || has('R') || has('a'),
    preserve: has('p') || has('a'),
    noDereference: (has('P') || has('d') || has('a') || has('r') || has('R')) && !has('L'),
    noClobber: has('n'),
    verbose: has('v'),
  };
  const pairs = await targets(ctx, o.operands, has('T'));
  if (pairs === undefined) return 1;
  let ok = true;
  for (const p of pairs) ok = (await copyOne(ctx, p.src, p.dest, p.shown, p.destShown, copyOptions, true)) && ok;
  return ok ? 0 : 1;
};

export const mv: Command = async (ctx) => {
  const o = options(ctx, 'fivnTu', { force: 'f', verbose: 'v', 'no-clobber': 'n', 'no-target-directory': 'T' });
  if (o === undefined) return 1;
  const pairs = await targets(ctx, o.operands, o.flags.has('T'));
  if (pairs === undefined) return 1;
  let status = 0;
  for (const p of pairs) {
    if ((await tryStat(ctx, p.src, false)) === undefined) {
      complain(ctx, `cannot stat '${p.shown}': No such file or directory`);
      status = 1;
      continue;
    }
    if (p.src === p.dest) {
      complain(ctx, `'${p.shown}' and '${p.destShown}' are the same file`);
      status = 1;
      continue;
    }
    if (o.flags.has('n') && (await tryStat(ctx, p.dest, false)) !== undefined) continue;
    try {
      await ctx.fs.rename(p.src, p.dest);
      if (o.flags.has('v')) ctx.stdout.write(`renamed '${p.shown}' -> '${p.destShown}'\n`);
    } catch (error) {
      complain(ctx, `cannot move '${p.shown}' to ${fileError(`'${p.destShown}'`, error)}`);
      status = 1;
    }
  }
  return status;
};
