import { readGroups, readPasswd } from '../fs/passwd';
import { joinPath } from '../fs/paths';
import type { Command, CommandContext } from '../run/command-types';
import { parseMode } from './mode';
import { complain, getopt } from './support';

/**
 * chmod, chown and chgrp, with `-R`. `chmod -x file` is a mode, not an option, so modes that
 * look like options are taken out before option parsing, as GNU does. Owners resolve through
 * the image's /etc/passwd and /etc/group; numeric ids always work.
 */
async function walk(ctx: CommandContext, path: string, visit: (path: string) => Promise<void>): Promise<void> {
  await visit(path);
  const stat = await ctx.fs.lstat(path);
  if (stat.type !== 'dir') return;
  for (const name of await ctx.fs.readdir(path)) await walk(ctx, joinPath(path, name), visit);
}

function splitModeArgs(args: readonly string[]): { args: string[]; mode?: string } {
  const rest: string[] = [];
  let mode: string | undefined;
  for (const a of args) {
    if (mode === undefined && /^[-+=][rwxXst]*(,[ugoa]*[-+=][rwxXst]*)*$/.test(a) && a !== '-R' && a !== '-v' && a !== '-f' && a !== '-c') mode = a;
    else rest.push(a);
  }
  return { args: rest, mode };
}

export const chmod: Command = async (ctx) => {
  const split = splitModeArgs(ctx.args);
  const o = getopt(split.args, 'Rvfc', { recursive: 'R', verbose: 'v', silent: 'f', quiet: 'f', changes: 'c' });
  if ('error' in o) {
    complain(ctx, o.error);
    return 1;
  }
  const operands = [...o.operands];
  const mode = split.mode ?? operands.shift();
  if (mode === undefined || operands.length === 0) {
    complain(ctx, mode === undefined ? 'missing operand' : `missing operand after '${mode}'`);
    return 1;
  }
  if (parseMode(mode, 0, false) === undefined) {
    complain(ctx, `invalid mode: '${mode}'`);
    return 1;
  }
  let status = 0;
  for (const file of operands) {
    try {
      const apply = async (path: string): Promise<void> => {
        const stat = await ctx.fs.lstat(path);
        if (stat.type === 'symlink') return; // chmod -R skips symlinks; links have no mode of their own
        await ctx.fs.chmod(path, parseMode(mode, stat.mode, stat.type === 'dir') as number);
      };
      const top = ctx.resolve(file);
      await ctx.fs.stat(top);
      if (o.flags.has('R')) await walk(ctx, top, apply);
      else {
        const stat = await ctx.fs.stat(top);
        await ctx.fs.chmod(top, parseMode(mode, stat.mode, stat.type === 'dir') as number);
      }
    } catch {
      if (!o.flags.has('f')) complain(ctx, `cannot access '${file}': No such file or directory`);
      status = 1;
    }
  }
  return status;
};

/** `user`, `user:group`, `user:`, `:group`, numeric or by name. */
async function parseOwner(ctx: CommandContext, spec: string, groupOnly: boolean): Promise<{ uid?: number; gid?: number } | string> {
  const [userPart, groupPart] = groupOnly ? ['', spec] : spec.split(/[:.]/, 2) as [string, string | undefined];
  const users = await readPasswd(ctx.fs);
  const groups = await readGroups(ctx.fs);
  let uid: number | undefined;
  let gid: number | undefined;
  if (userPart !== '') {
    const user = users.find((u) => u.name === userPart);
    if (user !== undefined) uid = user.uid;
    else if (/^[0-9]+$/.test(userPart)) uid = Number(userPart);
    else return `invalid user: '${spec}'`;
    if (groupPart === '') gid = user?.gid ?? uid;
  }
  if (groupPart !== undefined && groupPart !== '') {
    const group = groups.find((g) => g.name === groupPart);
    if (group !== undefined) gid = group.gid;
    else if (/^[0-9]+$/.test(groupPart)) gid = Number(groupPart);
    else return groupOnly ? `invalid group: '${spec}'` : `invalid group: '${spec}'`;
  }
  return { uid, gid };
}

const makeChown =
  (groupOnly: boolean): Command =>
  async (ctx) => {
    const o = getopt(ctx.args, 'RvfhcHLP', { recursive: 'R', verbose: 'v', silent: 'f', 'no-dereference': 'h' });
    if ('error' in o) {
      complain(ctx, o.error);
      return 1;
    }
    const [spec, ...files] = o.operands;
    if (spec === undefined || files.length === 0) {
      complain(ctx, spec === undefined ? 'missing operand' : `missing operand after '${spec}'`);
      return 1;
    }
    const owner = await parseOwner(ctx, spec, groupOnly);
    if (typeof owner === 'string') {
      complain(ctx, owner);
      return 1;
    }
    let status = 0;
    for (const file of files) {
      const apply = async (path: string): Promise<void> => {
        const stat = await ctx.fs.lstat(path);
        await ctx.fs.chown(path, owner.uid ?? stat.uid, owner.gid ?? stat.gid);
      };
      try {
        const top = ctx.resolve(file);
        await ctx.fs.stat(top);
        if (o.flags.has('R')) await walk(ctx, top, apply);
        else {
          const stat = await ctx.fs.stat(top);
          await ctx.fs.chown(top, owner.uid ?? stat.uid, owner.gid ?? stat.gid);
        }
      } catch {
        if (!o.flags.has('f')) complain(ctx, `cannot access '${file}': No such file or directory`);
        status = 1;
      }
    }
    return status;
  };

export const chown = makeChown(false);
export const chgrp = makeChown(true);
