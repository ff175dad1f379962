import { readGroups, readPasswd } from '../fs/passwd';
import { joinPath } from '../fs/paths';
import type { FileStat } from '../fs/shell-fs';
import type { Command } from '../run/command-types';
import { modeString } from './mode';
import { clockSeconds, complain, options } from './support';

/**
 * ls as GNU prints it when stdout is not a terminal (one name per line), which is what RUN logs
 * show; `-l` has GNU's columns, `-h` its rounding-up sizes (`4.0K`, `142M`), names from the
 * image's /etc/passwd and /etc/group.
 */
interface Entry {
  name: string;
  path: string;
  stat: FileStat;
  target?: string;
}

/** Month abbreviations as the C locale prints them (ls -l, date). */
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** GNU's `-h`: powers of 1024, rounded up, one decimal below 10. */
export function humanSize(size: number): string {
  if (size < 1024) return String(size);
  const units = ['K', 'M', 'G', 'T', 'P'];
  let value = size;
  for (const unit of units) {
    value /= 1024;
    if (value < 10) {
      const v = Math.ceil(value * 10) / 10;
      if (v < 10) return `${v.toFixed(1)}${unit}`;
    }
    const v = Math.ceil(value);
    if (v < 1024) return `${v}${unit}`;
  }
  return `${Math.ceil(value)}E`;
}

function blocks(stat: FileStat): number {
  if (stat.type === 'symlink') return 0;
  if (stat.type === 'dir') return 4;
  return Math.ceil(stat.size / 4096) * 4;
}

/** GNU's cut-off for "recent": half of a Gregorian year. */
const SIX_MONTHS = (365.2425 * 24 * 60 * 60) / 2;

/**
 * GNU's `-l` time: `Nov 28 16:41` for a time in the six months before now, `Nov 28  2025`
 * otherwise (older, or in the future). `now` is seconds, or null where the shell has no clock
 * (a build, which stays reproducible): then every time takes the year form.
 */
export function lsTime(mtime: number | undefined, now: number | null): string {
  const seconds = mtime ?? 0;
  const d = new Date(seconds * 1000);
  const month = MONTHS[d.getUTCMonth()] as string;
  const day = String(d.getUTCDate()).padStart(2);
  const recent = now !== null && seconds <= now && now - seconds < SIX_MONTHS;
  if (recent) return `${month} ${day} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return `${month} ${day}  ${d.getUTCFullYear()}`;
}

export const ls: Command = async (ctx) => {
  const o = options(ctx, 'laAh1RdFrtSin', { all: 'a', 'almost-all': 'A', 'human-readable': 'h', recursive: 'R', directory: 'd', reverse: 'r', classify: 'F' });
  if (o === undefined) return 2;
  const f = (c: string): boolean => o.flags.has(c);
  const long = f('l') || f('n');
  const now = clockSeconds(ctx);
  const users = new Map((await readPasswd(ctx.fs)).map((u) => [u.uid, u.name]));
  const groups = new Map((await readGroups(ctx.fs)).map((g) => [g.gid, g.name]));
  let status = 0;

  const load = async (path: string, name: string): Promise<Entry> => {
    const stat = await ctx.fs.lstat(path);
    const entry: Entry = { name, path, stat };
    if (stat.type === 'symlink') entry.target = await ctx.fs.readlink(path);
    return entry;
  };
  const sort = (entries: Entry[]): Entry[] => {
    const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (f('S')) sorted.sort((a, b) => b.stat.size - a.stat.size);
    else if (f('t')) sorted.sort((a, b) => (b.stat.mtime ?? 0) - (a.stat.mtime ?? 0));
    return f('r') ? sorted.reverse() : sorted;
  };
  const suffix = (e: Entry): string => (!f('F') ? '' : e.stat.type === 'dir' ? '/' : e.stat.type === 'symlink' ? '@' : e.stat.mode & 0o111 ? '*' : '');
  const format = (entries: Entry[], total: boolean): string => {
    if (!long) return entries.map((e) => `${e.name}${suffix(e)}\n`).join('');
    const owner = (uid: number): string => (f('n') ? String(uid) : (users.get(uid) ?? String(uid)));
    const group = (gid: number): string => (f('n') ? String(gid) : (groups.get(gid) ?? String(gid)));
    const size = (e: Entry): string => (f('h') ? humanSize(e.stat.size) : String(e.stat.size));
    const w = {
      links: Math.max(0, ...entries.map((e) => String(e.stat.type === 'dir' ? 2 : 1).length)),
      user: Math.max(0, ...entries.map((e) => owner(e.stat.uid).length)),
      group: Math.max(0, ...entries.map((e) => group(e.stat.gid).length)),
      size: Math.max(0, ...entries.map((e) => size(e).length)),
    };
    let out = '';
    if (total) {
      const sum = entries.reduce((n, e) => n + blocks(e.stat), 0);
      out += `total ${f('h') ? humanSize(sum * 1024) : sum}\n`;
    }
    for (const e of entries) {
      const links = String(e.stat.type === 'dir' ? 2 : 1).padStart(w.links);
      const link = e.target === undefined ? '' : ` -> ${e.target}`;
      out += `${modeString(e.stat.type, e.stat.mode)} ${links} ${owner(e.stat.uid).padEnd(w.user)} ${group(e.stat.gid).padEnd(w.group)} ${size(e).padStart(w.size)} ${lsTime(e.stat.mtime, now)} ${e.name}${suffix(e)}${link}\n`;
    }
    return out;
  };
  const listDir = async (path: string): Promise<Entry[]> => {
    const names = (await ctx.fs.readdir(path)).filter((n) => f('a') || f('A') || !n.startsWith('.'));
    const entries = await Promise.all(names.map((n) => load(joinPath(path, n), n)));
    if (f('a')) entries.push(await load(path, '.'), { ...(await load(path, '.')), name: '..' });
    return sort(entries);
  };

  const operands = o.operands.length === 0 ? ['.'] : o.operands;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const op of operands) {
    const path = ctx.resolve(op);
    try {
      const stat = await ctx.fs.stat(path).catch(() => ctx.fs.lstat(path));
      const entry = { ...(await load(path, op)), stat: f('d') || long ? (await ctx.fs.lstat(path)) : stat };
      if (stat.type === 'dir' && !f('d') && !(long && entry.stat.type === 'symlink')) dirs.push({ ...entry, stat });
      else files.push(entry);
    } catch {
      complain(ctx, `cannot access '${op}': No such file or directory`);
      status = 2;
    }
  }
  const chunks: string[] = [];
  if (files.length > 0) chunks.push(format(sort(files), false));
  const showHeaders = operands.length > 1 || f('R');
  const visit = async (entry: Entry): Promise<void> => {
    const entries = await listDir(entry.path);
    chunks.push(`${showHeaders ? `${entry.name}:\n` : ''}${format(entries, true)}`);
    if (!f('R')) return;
    for (const child of entries) {
      if (child.stat.type === 'dir' && child.name !== '.' && child.name !== '..') {
        await visit({ ...child, name: entry.name === '/' ? `/${child.name}` : `${entry.name}/${child.name}` });
      }
    }
  };
  for (const d of sort(dirs)) await visit(d);
  ctx.stdout.write(chunks.join('\n'));
  return status;
};
