import { matchPattern } from '../expand/pattern';
import { baseName, joinPath } from '../fs/paths';
import type { FileStat } from '../fs/shell-fs';
import type { Command, CommandContext } from '../run/command-types';
import { complain } from './support';

/**
 * find (paths, then an expression of tests, operators and actions) and xargs. Directories are
 * walked in sorted order so output is deterministic; `-delete` walks depth-first as GNU does.
 */
type Node =
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'not'; expr: Node }
  | { kind: 'test'; test: (p: Visit) => boolean }
  | { kind: 'exec'; argv: string[]; plus: boolean }
  | { kind: 'print' | 'delete' | 'print0' | 'true' };

interface Visit {
  shown: string;
  path: string;
  stat: FileStat;
  depth: number;
}

class FindError extends Error {}

function parseExpression(args: string[], opts: { maxdepth: number; mindepth: number; hasAction: boolean }): Node {
  let i = 0;
  const or = (): Node => {
    let left = and();
    while (args[i] === '-o' || args[i] === '-or') {
      i++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const and = (): Node => {
    let left = not();
    while (i < args.length && args[i] !== '-o' && args[i] !== '-or' && args[i] !== ')') {
      if (args[i] === '-a' || args[i] === '-and') i++;
      left = { kind: 'and', left, right: not() };
    }
    return left;
  };
  const not = (): Node => {
    if (args[i] === '!' || args[i] === '-not') {
      i++;
      return { kind: 'not', expr: not() };
    }
    return primary();
  };
  const value = (name: string): string => {
    const v = args[++i];
    if (v === undefined) throw new FindError(`missing argument to \`${name}'`);
    i++;
    return v;
  };
  const primary = (): Node => {
    const a = args[i];
    if (a === '(') {
      i++;
      const e = or();
      if (args[i] !== ')') throw new FindError("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
      i++;
      return e;
    }
    switch (a) {
      case '-name':
      case '-iname': {
        const p = value(a);
        const fold = a === '-iname';
        return { kind: 'test', test: (v) => matchPattern(fold ? p.toLowerCase() : p, fold ? baseName(v.shown).toLowerCase() : baseName(v.shown)) };
      }
      case '-path':
      case '-wholename': {
        const p = value(a);
        return { kind: 'test', test: (v) => matchPattern(p, v.shown) };
      }
      case '-type': {
        const t = value(a);
        const want = t === 'f' ? 'file' : t === 'd' ? 'dir' : t === 'l' ? 'symlink' : undefined;
        if (want === undefined) throw new FindError(`Unknown argument to -type: ${t}`);
        return { kind: 'test', test: (v) => v.stat.type === want };
      }
      case '-maxdepth':
        opts.maxdepth = Number(value(a));
        return { kind: 'true' };
      case '-mindepth':
        opts.mindepth = Number(value(a));
        return { kind: 'true' };
      case '-empty':
        i++;
        return { kind: 'test', test: (v) => v.stat.size === 0 || (v.stat.type === 'dir' && v.stat.size === 0) };
      case '-perm': {
        const p = value(a);
        const mode = parseInt(p.replace(/^[-/]/, ''), 8);
        return { kind: 'test', test: (v) => (p.startsWith('-') ? (v.stat.mode & mode) === mode : p.startsWith('/') ? (v.stat.mode & mode) !== 0 : (v.stat.mode & 0o7777) === mode) };
      }
      case '-size': {
        const s = value(a);
        const m = /^([-+]?)([0-9]+)([ckMG]?)$/.exec(s);
        if (m === null) throw new FindError(`invalid -size type \`${s}'`);
        const unit = { c: 1, k: 1024, M: 1024 ** 2, G: 1024 ** 3, '': 512 }[m[3] as 'c'] as number;
        const n = Number(m[2]);
        return { kind: 'test', test: (v) => { const size = Math.ceil(v.stat.size / unit); return m[1] === '+' ? size > n : m[1] === '-' ? size < n : size === n; } };
      }
      case '-print':
      case '-print0':
      case '-delete':
        i++;
        opts.hasAction = true;
        return { kind: a.slice(1) as 'print' };
      case '-exec':
      case '-execdir': {
        const argv: string[] = [];
        i++;
        while (i < args.length && args[i] !== ';' && !(args[i] === '+' && args[i - 1] === '{}')) argv.push(args[i++] as string);
        if (i >= args.length) throw new FindError(`missing argument to \`${a}'`);
        const plus = args[i] === '+';
        i++;
        opts.hasAction = true;
        return { kind: 'exec', argv, plus };
      }
      case '-true':
        i++;
        return { kind: 'true' };
      case '-false':
        i++;
        return { kind: 'not', expr: { kind: 'true' } };
      default:
        throw new FindError(a === undefined ? 'expected an expression' : `unknown predicate \`${a}'`);
    }
  };
  if (args.length === 0) return { kind: 'true' };
  const expr = or();
  if (i < args.length) throw new FindError(`paths must precede expression: \`${args[i]}'`);
  return expr;
}

export const find: Command = async (ctx) => {
  const args = [...ctx.args];
  const paths: string[] = [];
  while (args.length > 0 && !/^[-!(]/.test(args[0] as string)) paths.push(args.shift() as string);
  if (paths.length === 0) paths.push('.');
  const opts = { maxdepth: Infinity, mindepth: 0, hasAction: false };
  let expr: Node;
  try {
    expr = parseExpression(args, opts);
  } catch (error) {
    if (!(error instanceof FindError)) throw error;
    complain(ctx, error.message);
    return 1;
  }
  const depthFirst = args.includes('-delete');
  const batches = new Map<Node, string[]>();
  let status = 0;
  const evaluate = async (node: Node, v: Visit): Promise<boolean> => {
    switch (node.kind) {
      case 'and':
        return (await evaluate(node.left, v)) && evaluate(node.right, v);
      case 'or':
        return (await evaluate(node.left, v)) || evaluate(node.right, v);
      case 'not':
        return !(await evaluate(node.expr, v));
      case 'test':
        return node.test(v);
      case 'true':
        return true;
      case 'print':
        ctx.stdout.write(`${v.shown}\n`);
        return true;
      case 'print0':
        ctx.stdout.write(`${v.shown}\0`);
        return true;
      case 'delete':
        try {
          await ctx.fs.rm(v.path, { recursive: false });
        } catch (error) {
          complain(ctx, `cannot delete '${v.shown}': ${error instanceof Error ? error.message : String(error)}`);
          status = 1;
        }
        return true;
      case 'exec':
        if (node.plus) {
          batches.set(node, [...(batches.get(node) ?? []), v.shown]);
          return true;
        }
        return (await ctx.exec(node.argv.map((a) => a.replaceAll('{}', v.shown)))) === 0;
    }
  };
  const visit = async (v: Visit): Promise<void> => {
    const here = async (): Promise<void> => {
      if (v.depth >= opts.mindepth && (await evaluate(expr, v)) && !opts.hasAction) ctx.stdout.write(`${v.shown}\n`);
    };
    if (!depthFirst) await here();
    if (v.stat.type === 'dir' && v.depth < opts.maxdepth) {
      for (const name of await ctx.fs.readdir(v.path)) {
        const path = joinPath(v.path, name);
        await visit({ shown: v.shown.endsWith('/') ? `${v.shown}${name}` : `${v.shown}/${name}`, path, stat: await ctx.fs.lstat(path), depth: v.depth + 1 });
      }
    }
    if (depthFirst) await here();
  };
  for (const p of paths) {
    const path = ctx.resolve(p);
    let stat: FileStat;
    try {
      stat = await ctx.fs.lstat(path);
      if (stat.type === 'symlink' && p.endsWith('/')) stat = await ctx.fs.stat(path);
    } catch {
      complain(ctx, `'${p}': No such file or directory`);
      status = 1;
      continue;
    }
    await visit({ shown: p, path, stat, depth: 0 });
  }
  for (const [node, files] of batches) {
    if (node.kind === 'exec' && (await ctx.exec(node.argv.flatMap((a) => (a === '{}' ? files : [a])))) !== 0) status = 1;
  }
  return status;
};

/** Splits xargs input: blanks and newlines separate, quotes and backslashes group. */
function xargsItems(text: string): string[] {
  const items: string[] = [];
  const re = /(?:[^\s'"\\]|\\.|'[^']*'|"[^"]*")+/g;
  for (const m of text.matchAll(re)) items.push(m[0].replace(/\\(.)|'([^']*)'|"([^"]*)"/g, (_s, a: string | undefined, b: string | undefined, c: string | undefined) => a ?? b ?? c ?? ''));
  return items;
}

export const xargs: Command = async (ctx: CommandContext) => {
  const args = [...ctx.args];
  let max = Infinity;
  let replace: string | undefined;
  let noEmpty = false;
  let nul = false;
  let delim: string | undefined;
  while (args.length > 0 && (args[0] as string).startsWith('-')) {
    const a = args.shift() as string;
    if (a === '--') break;
    if (a === '-r' || a === '--no-run-if-empty') noEmpty = true;
    else if (a === '-0' || a === '--null') nul = true;
    else if (a === '-t' || a === '-x') continue;
    else if (a.startsWith('-n')) max = Number(a.length > 2 ? a.slice(2) : args.shift());
    else if (a.startsWith('-I')) replace = a.length > 2 ? a.slice(2) : args.shift();
    else if (a.startsWith('-d')) delim = a.length > 2 ? a.slice(2) : args.shift();
    else if (a.startsWith('-P')) {
      if (a === '-P') args.shift();
    } else {
      complain(ctx, `invalid option -- '${a.slice(1)}'`);
      return 1;
    }
  }
  const command = args.length === 0 ? ['echo'] : args;
  const text = ctx.stdin.text();
  const items = nul ? text.split('\0').filter(Boolean) : delim !== undefined ? text.split(delim.replace('\\n', '\n')).filter(Boolean) : replace !== undefined ? text.split('\n').map((l) => l.trim()).filter(Boolean) : xargsItems(text);
  if (items.length === 0 && (noEmpty || replace !== undefined)) return 0;
  const runs: string[][] = [];
  if (replace !== undefined) for (const item of items) runs.push(command.map((c) => c.replaceAll(replace as string, item)));
  else if (items.length === 0) runs.push(command);
  else for (let i = 0; i < items.length; i += max) runs.push([...command, ...items.slice(i, i + max)]);
  let status = 0;
  for (const argv of runs) {
    const code = await ctx.exec(argv, { stdin: '' });
    if (code === 127 || code === 126) return code;
    if (code !== 0) status = 123;
  }
  return status;
};
