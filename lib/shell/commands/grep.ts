import { joinPath } from '../fs/paths';
import type { Command } from '../run/command-types';
import { decodeText } from '../run/streams';
import { compileRegex } from './regex';
import { complain, getopt } from './support';

/**
 * grep with the flags Dockerfiles and lessons use. Exit status as POSIX: 0 a line matched,
 * 1 none did, 2 an error (even if something matched, unless -q found a match first).
 */
export const grep: Command = async (ctx) => {
  const o = getopt(ctx.args, 'ivqrREFnclLowxhHse:f:A:B:C:', {
    'ignore-case': 'i', 'invert-match': 'v', quiet: 'q', silent: 'q', recursive: 'r', 'extended-regexp': 'E', 'fixed-strings': 'F',
    'line-number': 'n', count: 'c', 'files-with-matches': 'l', 'files-without-match': 'L', 'only-matching': 'o', 'word-regexp': 'w',
    'line-regexp': 'x', 'no-filename': 'h', 'with-filename': 'H', 'no-messages': 's', regexp: 'e', include: 'I',
  });
  if ('error' in o) {
    complain(ctx, o.error);
    ctx.stderr.write("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    return 2;
  }
  const f = (c: string): boolean => o.flags.has(c);
  const operands = [...o.operands];
  const patterns = o.values.get('e') ?? (operands.length > 0 ? [operands.shift() as string] : undefined);
  if (patterns === undefined) {
    ctx.stderr.write("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    return 2;
  }
  const extended = f('E') || ctx.name.endsWith('egrep');
  const fixed = f('F') || ctx.name.endsWith('fgrep');
  const sources = patterns.flatMap((p) => p.split('\n')).map((p) => (fixed ? p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : p));
  const wrap = (s: string): string => (f('x') ? `^(?:${s})$` : f('w') ? `(?<![A-Za-z0-9_])(?:${s})(?![A-Za-z0-9_])` : s);
  const regexes: RegExp[] = [];
  for (const s of sources) {
    const re = compileRegex(fixed ? s : s, extended && !fixed, f('i') ? 'gi' : 'g');
    if (typeof re === 'string') {
      complain(ctx, `Invalid regular expression`);
      return 2;
    }
    regexes.push(new RegExp(wrap(re.source), re.flags));
  }
  const recursive = f('r') || f('R');
  const files: { name: string; path?: string }[] = [];
  let error = false;
  const addTree = async (shown: string, path: string): Promise<void> => {
    const stat = await ctx.fs.stat(path);
    if (stat.type !== 'dir') {
      files.push({ name: shown, path });
      return;
    }
    for (const name of await ctx.fs.readdir(path)) await addTree(shown === '' ? name : joinPath(shown, name).replace(/^\/\//, '/'), joinPath(path, name));
  };
  for (const file of operands.length === 0 ? (recursive ? ['.'] : ['-']) : operands) {
    if (file === '-') files.push({ name: '(standard input)' });
    else if (recursive) {
      try {
        await addTree(operands.length === 0 ? '' : file.replace(/\/+$/, '') || '/', ctx.resolve(file));
      } catch {
        if (!f('s')) complain(ctx, `${file}: No such file or directory`);
        error = true;
      }
    } else files.push({ name: file, path: ctx.resolve(file) });
  }
  const showNames = f('H') || (!f('h') && (files.length > 1 || recursive));
  let matched = false;
  for (const file of files) {
    let text: string;
    try {
      if (file.path !== undefined && (await ctx.fs.stat(file.path)).type === 'dir') {
        if (!f('s')) complain(ctx, `${file.name}: Is a directory`);
        error = true;
        continue;
      }
      text = file.path === undefined ? ctx.stdin.text() : decodeText(await ctx.fs.readFile(file.path));
    } catch {
      if (!f('s')) complain(ctx, `${file.name}: No such file or directory`);
      error = true;
      continue;
    }
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    let count = 0;
    const prefix = showNames ? `${file.name}:` : '';
    for (const [i, line] of lines.entries()) {
      const hits = regexes.some((re) => {
        re.lastIndex = 0;
        return re.test(line);
      });
      if (hits === f('v')) continue;
      count++;
      matched = true;
      if (f('q')) return 0;
      if (f('c') || f('l') || f('L')) continue;
      const number = f('n') ? `${i + 1}:` : '';
      if (f('o') && !f('v')) {
        for (const re of regexes) for (const m of line.matchAll(re)) if (m[0] !== '') ctx.stdout.write(`${prefix}${number}${m[0]}\n`);
      } else ctx.stdout.write(`${prefix}${number}${line}\n`);
    }
    if (f('c')) ctx.stdout.write(`${prefix}${count}\n`);
    if (f('l') && count > 0) ctx.stdout.write(`${file.name}\n`);
    if (f('L') && count === 0) ctx.stdout.write(`${file.name}\n`);
  }
  if (error && !(f('q') && matched)) return 2;
  return matched ? 0 : 1;
};
