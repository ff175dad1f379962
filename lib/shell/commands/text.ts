import type { Command, CommandContext } from '../run/command-types';
import { complain, joinLines, options, readText, splitLines } from './support';

/** head, tail, wc, sort, uniq, cut: line tools over files or stdin, C-locale ordering. */

/** `-5` is `-n 5` for head and tail (the old syntax Dockerfiles still use). */
function legacyCount(args: readonly string[]): string[] {
  return args.map((a) => (/^-[0-9]+$/.test(a) ? `-n${a.slice(1)}` : a));
}

function lineWindow(kind: 'head' | 'tail'): Command {
  return async (ctx) => {
    const o = options({ ...ctx, args: legacyCount(ctx.args) } as CommandContext, 'n:c:qvf', { lines: 'n', bytes: 'c', quiet: 'q', follow: 'f' });
    if (o === undefined) return 1;
    const nArg = o.values.get('n')?.at(-1);
    const cArg = o.values.get('c')?.at(-1);
    const spec = cArg ?? nArg ?? '10';
    if (!/^[-+]?[0-9]+$/.test(spec)) {
      complain(ctx, `invalid number of ${cArg === undefined ? 'lines' : 'bytes'}: '${spec}'`);
      return 1;
    }
    const n = Math.abs(Number(spec));
    const { inputs, failed } = await readText(ctx, o.operands);
    const headers = inputs.length > 1 && !o.flags.has('q');
    inputs.forEach((input, i) => {
      if (headers) ctx.stdout.write(`${i > 0 ? '\n' : ''}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`);
      if (cArg !== undefined) {
        const bytes = new TextEncoder().encode(input.text);
        const slice = kind === 'head' ? (spec.startsWith('-') ? bytes.subarray(0, Math.max(0, bytes.length - n)) : bytes.subarray(0, n)) : spec.startsWith('+') ? bytes.subarray(Math.max(0, n - 1)) : bytes.subarray(Math.max(0, bytes.length - n));
        ctx.stdout.write(slice);
        return;
      }
      const lines = input.text.split(/(?<=\n)/);
      let picked: string[];
      if (kind === 'head') picked = spec.startsWith('-') ? lines.slice(0, Math.max(0, lines.length - n)) : lines.slice(0, n);
      else picked = spec.startsWith('+') ? lines.slice(Math.max(0, n - 1)) : n === 0 ? [] : lines.slice(-n);
      ctx.stdout.write(picked.join(''));
    });
    return failed ? 1 : 0;
  };
}

export const head = lineWindow('head');
export const tail = lineWindow('tail');

export const wc: Command = async (ctx) => {
  const o = options(ctx, 'lcwmL', { lines: 'l', bytes: 'c', words: 'w', chars: 'm' });
  if (o === undefined) return 1;
  const chosen = ['l', 'w', 'm', 'c'].filter((f) => o.flags.has(f));
  const which = chosen.length === 0 ? ['l', 'w', 'c'] : chosen;
  const { inputs, failed } = await readText(ctx, o.operands);
  const count = (text: string): Record<string, number> => ({
    l: (text.match(/\n/g) ?? []).length,
    w: text.split(/\s+/).filter(Boolean).length,
    m: [...text].length,
    c: new TextEncoder().encode(text).length,
  });
  const rows = inputs.map((i) => ({ name: i.name === '-' && o.operands.length === 0 ? '' : i.name, counts: count(i.text) }));
  if (rows.length > 1) {
    const total: Record<string, number> = { l: 0, w: 0, m: 0, c: 0 };
    for (const r of rows) for (const k of Object.keys(total)) total[k] = (total[k] as number) + (r.counts[k] as number);
    rows.push({ name: 'total', counts: total });
  }
  // GNU pads to the digits of the files' total size; reading only stdin it uses 7.
  const stdinOnly = o.operands.length === 0;
  const totalBytes = inputs.reduce((n, i) => n + (count(i.text).c ?? 0), 0);
  const width = which.length === 1 && rows.length === 1 ? 0 : stdinOnly ? 7 : String(totalBytes).length;
  for (const r of rows) ctx.stdout.write(`${which.map((k) => String(r.counts[k]).padStart(width)).join(' ')}${r.name === '' ? '' : ` ${r.name}`}\n`);
  return failed ? 1 : 0;
};

function fieldKey(line: string, field: number | undefined, sep: string | undefined): string {
  if (field === undefined) return line;
  const parts = sep === undefined ? line.trim().split(/\s+/) : line.split(sep);
  return parts.slice(field - 1).join(sep ?? ' ');
}

export const sort: Command = async (ctx) => {
  const o = options(ctx, 'nrufk:t:bVh', { numeric: 'n', reverse: 'r', unique: 'u', 'ignore-case': 'f', key: 'k', 'field-separator': 't' });
  if (o === undefined) return 2;
  const { text, failed } = await readText(ctx, o.operands);
  const key = o.values.get('k')?.[0];
  const field = key === undefined ? undefined : parseInt(key, 10);
  const sep = o.values.get('t')?.[0];
  const numeric = o.flags.has('n') || /n/.test(key ?? '');
  const fold = o.flags.has('f');
  const keyOf = (l: string): string => {
    const k = fieldKey(l, field, sep);
    return fold ? k.toUpperCase() : k;
  };
  const compare = (a: string, b: string): number => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    if (numeric) {
      const d = (parseFloat(ka) || 0) - (parseFloat(kb) || 0);
      if (d !== 0) return d;
    } else if (ka !== kb) return ka < kb ? -1 : 1;
    // GNU's last-resort comparison of whole lines keeps the order total.
    return a < b ? -1 : a > b ? 1 : 0;
  };
  let lines = splitLines(text).sort(compare);
  if (o.flags.has('r')) lines.reverse();
  if (o.flags.has('u')) lines = lines.filter((l, i) => i === 0 || compareKeys(keyOf(l), keyOf(lines[i - 1] as string), numeric) !== 0);
  ctx.stdout.write(joinLines(lines));
  return failed ? 2 : 0;
};

function compareKeys(a: string, b: string, numeric: boolean): number {
  return numeric ? (parseFloat(a) || 0) - (parseFloat(b) || 0) : a === b ? 0 : 1;
}

export const uniq: Command = async (ctx) => {
  const o = options(ctx, 'cdui', { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' });
  if (o === undefined) return 1;
  const { text, failed } = await readText(ctx, o.operands.slice(0, 1));
  const groups: { line: string; count: number }[] = [];
  const same = (a: string, b: string): boolean => (o.flags.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  for (const line of splitLines(text)) {
    const last = groups[groups.length - 1];
    if (last !== undefined && same(last.line, line)) last.count++;
    else groups.push({ line, count: 1 });
  }
  const kept = groups.filter((g) => (o.flags.has('d') ? g.count > 1 : o.flags.has('u') ? g.count === 1 : true));
  ctx.stdout.write(joinLines(kept.map((g) => (o.flags.has('c') ? `${String(g.count).padStart(7)} ${g.line}` : g.line))));
  return failed ? 1 : 0;
};

/** `1,3-5,-2,7-` → a membership test on 1-based positions. */
function parseList(list: string): ((n: number) => boolean) | undefined {
  const ranges: [number, number][] = [];
  for (const part of list.split(',')) {
    const m = /^([0-9]*)(-?)([0-9]*)$/.exec(part);
    if (m === null || part === '' || part === '-') return undefined;
    const from = m[1] === '' ? 1 : Number(m[1]);
    const to = m[2] === '' ? from : m[3] === '' ? Infinity : Number(m[3]);
    if (from === 0) return undefined;
    ranges.push([from, to]);
  }
  return (n) => ranges.some(([a, b]) => n >= a && n <= b);
}

export const cut: Command = async (ctx) => {
  const o = options(ctx, 'd:f:c:b:s', { delimiter: 'd', fields: 'f', characters: 'c', bytes: 'b', 'only-delimited': 's' });
  if (o === undefined) return 1;
  const fields = o.values.get('f')?.[0];
  const chars = o.values.get('c')?.[0] ?? o.values.get('b')?.[0];
  const listText = fields ?? chars;
  if (listText === undefined) {
    complain(ctx, 'you must specify a list of bytes, characters, or fields');
    return 1;
  }
  const inList = parseList(listText);
  if (inList === undefined) {
    complain(ctx, `invalid field value '${listText}'`);
    return 1;
  }
  const delim = o.values.get('d')?.[0] ?? '\t';
  if (delim.length !== 1) {
    complain(ctx, 'the delimiter must be a single character');
    return 1;
  }
  const { text, failed } = await readText(ctx, o.operands);
  const out: string[] = [];
  for (const line of splitLines(text)) {
    if (fields === undefined) {
      out.push([...line].filter((_, i) => inList(i + 1)).join(''));
      continue;
    }
    if (!line.includes(delim)) {
      if (!o.flags.has('s')) out.push(line);
      continue;
    }
    out.push(line.split(delim).filter((_, i) => inList(i + 1)).join(delim));
  }
  ctx.stdout.write(joinLines(out));
  return failed ? 1 : 0;
};
