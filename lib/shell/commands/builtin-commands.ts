import type { Command } from '../run/command-types';
import { echoText, formatPrintf } from './echo-printf';
import { evaluateTest } from './test-expression';
import { complain, options, readText } from './support';

/**
 * The GNU binaries behind the shell built-ins (/bin/echo, /usr/bin/printf, /usr/bin/test...):
 * reached through `env echo`, `xargs echo`, `find -exec test`. GNU's echo takes `-e`.
 */
export const echo: Command = async (ctx) => {
  ctx.stdout.write(echoText(ctx.args, 'gnu'));
  return 0;
};

export const printf: Command = async (ctx) => {
  if (ctx.args.length === 0) {
    complain(ctx, 'missing operand');
    return 1;
  }
  const r = formatPrintf(ctx.args[0] as string, ctx.args.slice(1));
  ctx.stdout.write(r.text);
  for (const e of r.errors) complain(ctx, e);
  if (r.fatal !== undefined) {
    complain(ctx, r.fatal);
    return 1;
  }
  return r.errors.length > 0 ? 1 : 0;
};

export const test: Command = async (ctx) => {
  let args = [...ctx.args];
  if (ctx.name.endsWith('[')) {
    if (args[args.length - 1] !== ']') {
      complain(ctx, "missing ']'");
      return 2;
    }
    args = args.slice(0, -1);
  }
  const r = await evaluateTest(args, ctx.fs, ctx.cwd);
  if (r.error !== undefined) complain(ctx, r.error);
  return r.status;
};

export const trueCommand: Command = async () => 0;
export const falseCommand: Command = async () => 1;

export const pwd: Command = async (ctx) => {
  ctx.stdout.write(`${ctx.cwd}\n`);
  return 0;
};

export const yes: Command = async (ctx) => {
  // Without concurrency `yes | head` cannot stop yes; print a bounded amount instead.
  const line = `${ctx.args.length === 0 ? 'y' : ctx.args.join(' ')}\n`;
  ctx.stdout.write(line.repeat(1000));
  return 0;
};

/** `[:upper:]`-style classes and `a-z` ranges expanded to characters, as tr(1) reads sets. */
function expandSet(set: string): string[] {
  const classes: Record<string, string> = {
    upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', lower: 'abcdefghijklmnopqrstuvwxyz', digit: '0123456789',
    space: ' \t\n\r\f\v', blank: ' \t', alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    alnum: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  };
  const text = set.replace(/\[:([a-z]+):\]/g, (s, c: string) => classes[c] ?? s).replace(/\\(n|t|r|\\)/g, (_s, c: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\' })[c] as string);
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const a = chars[i] as string;
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined) {
      const to = (chars[i + 2] as string).codePointAt(0) as number;
      for (let c = a.codePointAt(0) as number; c <= to; c++) out.push(String.fromCodePoint(c));
      i += 2;
    } else out.push(a);
  }
  return out;
}

export const tr: Command = async (ctx) => {
  const o = options(ctx, 'dscC', { delete: 'd', 'squeeze-repeats': 's', complement: 'c' });
  if (o === undefined) return 1;
  const [s1, s2] = o.operands;
  if (s1 === undefined || (s2 === undefined && !o.flags.has('d') && !o.flags.has('s'))) {
    complain(ctx, s1 === undefined ? 'missing operand' : `missing operand after '${s1}'`);
    return 1;
  }
  const set1 = expandSet(s1);
  const set2 = s2 === undefined ? [] : expandSet(s2);
  const complement = o.flags.has('c') || o.flags.has('C');
  const inSet1 = (c: string): boolean => set1.includes(c) !== complement;
  const { text } = await readText(ctx, []);
  let out = '';
  let last: string | undefined;
  const squeezeSet = o.flags.has('d') ? set2 : set2.length > 0 ? set2 : set1;
  for (const c of text) {
    let r: string | undefined = c;
    if (o.flags.has('d')) {
      if (inSet1(c)) continue;
    } else if (set2.length > 0 && inSet1(c)) {
      r = complement ? set2[set2.length - 1] : (set2[Math.min(set1.indexOf(c), set2.length - 1)] as string);
    }
    if (o.flags.has('s') && r === last && squeezeSet.includes(r as string)) continue;
    out += r;
    last = r;
  }
  ctx.stdout.write(out);
  return 0;
};
