import { baseName, joinPath } from '../fs/paths';
import { isFsError } from '../fs/shell-fs';
import type { Command, CommandContext } from '../run/command-types';
import { parseMode } from './mode';
import { clockSeconds, complain, fileError, options, readInputs } from './support';

/** cat, mkdir, rm, touch, ln: the file commands every Dockerfile uses, with GNU's messages. */
export const cat: Command = async (ctx) => {
  const o = options(ctx, 'nuAeEtTvsb', { number: 'n' });
  if (o === undefined) return 1;
  const result = await readInputs(ctx, o.operands);
  const inputs = Array.isArray(result) ? result : result.inputs;
  if (o.flags.has('n')) {
    let n = 0;
    const text = inputs.map((i) => new TextDecoder().decode(i.bytes)).join('');
    const lines = text.split('\n');
    const last = lines.pop();
    let out = lines.map((l) => `${String(++n).padStart(6)}\t${l}\n`).join('');
    if (last !== undefined && last !== '') out += `${String(++n).padStart(6)}\t${last}`;
    ctx.stdout.write(out);
  } else {
    for (const i of inputs) ctx.stdout.write(i.bytes);
  }
  return Array.isArray(result) ? 0 : 1;
};

export const mkdir: Command = async (ctx) => {
  const o = options(ctx, 'pm:v', { parents: 'p', mode: 'm', verbose: 'v' });
  if (o === undefined) return 1;
  if (o.operands.length === 0) return missingOperand(ctx);
  const modeSpec = o.values.get('m')?.[0];
  const mode = modeSpec === undefined ? 0o755 : parseMode(modeSpec, 0o777, true);
  if (mode === undefined) {
    complain(ctx, `invalid mode '${modeSpec}'`);
    return 1;
  }
  let status = 0;
  for (const dir of o.operands) {
    const path = ctx.resolve(dir);
    try {
      if (o.flags.has('p')) {
        const existing = await statOrUndefined(ctx, path);
        if (existing !== undefined && existing.type !== 'dir') throw Object.assign(new Error('File exists'), { code: 'EEXIST' });
        await ctx.fs.mkdir(path, { recursive: true });
      } else await ctx.fs.mkdir(path, { mode });
      if (modeSpec !== undefined) await ctx.fs.chmod(path, mode);
      if (o.flags.has('v')) ctx.stdout.write(`mkdir: created directory '${dir}'\n`);
    } catch (error) {
      complain(ctx, `cannot create directory ${fileError(`'${dir}'`, error)}`);
      status = 1;
    }
  }
  return status;
};

export const rm: Command = async (ctx) => {
  const o = options(ctx, 'rRfivd', { recursive: 'r', force: 'f', verbose: 'v', dir: 'd', 'no-preserve-root': 'P', 'preserve-root': 'Q' });
  if (o === undefined) return 1;
  const recursive = o.flags.has('r') || o.flags.has('R');
  const force = o.flags.has('f');
  if (o.operands.length === 0 && !force) return missingOperand(ctx);
  let status = 0;
  for (const target of o.operands) {
    const path = ctx.resolve(target);
    if (recursive && path === '/' && !o.flags.has('P')) {
      complain(ctx, "it is dangerous to operate recursively on '/'");
      complain(ctx, 'use --no-preserve-root to override this failsafe');
      status = 1;
      continue;
    }
    if (/(^|\/)\.\.?\/*$/.test(target)) {
      complain(ctx, `refusing to remove '.' or '..' directory: skipping '${target}'`);
      status = 1;
      continue;
    }
    let stat;
    try {
      stat = await ctx.fs.lstat(path);
    } catch (error) {
      if (force && isFsError(error, 'ENOENT')) continue;
      complain(ctx, `cannot remove ${fileError(`'${target}'`, error)}`);
      status = 1;
      continue;
    }
    if (stat.type === 'dir' && !recursive && !o.flags.has('d')) {
      complain(ctx, `cannot remove '${target}': Is a directory`);
      status = 1;
      continue;
    }
    try {
      await ctx.fs.rm(path, { recursive, force });
      if (o.flags.has('v')) ctx.stdout.write(`removed '${target}'\n`);
    } catch (error) {
      complain(ctx, `cannot remove ${fileError(`'${target}'`, error)}`);
      status = 1;
    }
  }
  return status;
};

export const touch: Command = async (ctx) => {
  const o = options(ctx, 'acmd:t:r:h', { 'no-create': 'c', date: 'd', reference: 'r' });
  if (o === undefined) return 1;
  if (o.operands.length === 0) return missingOperand(ctx);
  let status = 0;
  for (const file of o.operands) {
    const path = ctx.resolve(file);
    try {
      if (await ctx.fs.exists(path)) await ctx.fs.utimes?.(path, clockSeconds(ctx) ?? 0);
      else if (!o.flags.has('c')) await ctx.fs.writeFile(path, '', { append: true });
    } catch (error) {
      complain(ctx, `cannot touch ${fileError(`'${file}'`, error)}`);
      status = 1;
    }
  }
  return status;
};

export const ln: Command = async (ctx) => {
  const o = options(ctx, 'sfnvrT', { symbolic: 's', force: 'f', 'no-dereference': 'n', verbose: 'v', relative: 'r' });
  if (o === undefined) return 1;
  const [target, linkArg] = o.operands;
  if (target === undefined) return missingOperand(ctx);
  let link = ctx.resolve(linkArg ?? baseName(target));
  const there = await statOrUndefined(ctx, link, !o.flags.has('n'));
  if (there?.type === 'dir' && !o.flags.has('T')) link = joinPath(link, baseName(target));
  const shown = linkArg === undefined || link !== ctx.resolve(linkArg) ? baseName(link) : linkArg;
  const kind = o.flags.has('s') ? 'symbolic link' : 'hard link';
  try {
    if (o.flags.has('f')) await ctx.fs.rm(link, { force: true });
    if (o.flags.has('s')) await ctx.fs.symlink(target, link);
    else {
      // ShellFs has no hard links; a copy has the same content and mode, which is what a layer sees.
      const source = ctx.resolve(target);
      const stat = await ctx.fs.stat(source);
      if (ctx.fs.copyFile !== undefined) await ctx.fs.copyFile(source, link);
      else await ctx.fs.writeFile(link, await ctx.fs.readFile(source), { mode: stat.mode });
    }
    if (o.flags.has('v')) ctx.stdout.write(`'${shown}' -> '${target}'\n`);
    return 0;
  } catch (error) {
    complain(ctx, `failed to create ${kind} ${fileError(`'${shown}'`, error)}`);
    return 1;
  }
};

export function missingOperand(ctx: CommandContext): number {
  complain(ctx, 'missing operand');
  ctx.stderr.write(`Try '${baseName(ctx.name)} --help' for more information.\n`);
  return 1;
}

async function statOrUndefined(ctx: CommandContext, path: string, follow = true) {
  try {
    return follow ? await ctx.fs.stat(path) : await ctx.fs.lstat(path);
  } catch {
    return undefined;
  }
}
