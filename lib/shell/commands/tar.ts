import { joinPath, normalizePath } from '../fs/paths';
import type { Command, CommandContext } from '../run/command-types';
import { gunzipBytes, gzipBytes, isGzip } from './gzip';
import { modeString } from './mode';
import { complain, getopt } from './support';

/**
 * tar over the ShellFs: ustar archives with sorted entries and mtime 0 (reproducible), gzip by
 * -z or detected on extract, -C, -v, -t, --strip-components, `-f -` for pipes, -O (extract to
 * stdout) and member operands (`tar -xf a.tar manifest.json`); extraction restores archived
 * mtimes where the fs keeps them (not with -m). Reading also
 * understands GNU long names and pax path records, which real archives use.
 */
interface Entry {
  name: string;
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  data: Uint8Array;
  link: string;
  /** Read from archives only (for `-tv`): seconds since the epoch, owner and group names. */
  mtime?: number;
  uname?: string;
  gname?: string;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

function field(block: Uint8Array, offset: number, text: string, length: number): void {
  block.set(enc.encode(text).subarray(0, length), offset);
}

function octal(n: number, length: number): string {
  return `${n.toString(8).padStart(length - 1, '0')}\0`;
}

function header(e: Entry): Uint8Array {
  const block = new Uint8Array(512);
  let name = e.type === 'dir' && !e.name.endsWith('/') ? `${e.name}/` : e.name;
  let prefix = '';
  if (enc.encode(name).length > 100) {
    const cut = name.lastIndexOf('/', name.length - 2);
    prefix = name.slice(0, cut);
    name = name.slice(cut + 1);
  }
  field(block, 0, name, 100);
  field(block, 100, octal(e.mode & 0o7777, 8), 8);
  field(block, 108, octal(e.uid, 8), 8);
  field(block, 116, octal(e.gid, 8), 8);
  field(block, 124, octal(e.type === 'file' ? e.data.length : 0, 12), 12);
  field(block, 136, octal(0, 12), 12);
  field(block, 148, '        ', 8);
  field(block, 156, e.type === 'dir' ? '5' : e.type === 'symlink' ? '2' : '0', 1);
  field(block, 157, e.link, 100);
  field(block, 257, 'ustar\x0000', 8);
  field(block, 345, prefix, 155);
  const sum = block.reduce((a, b) => a + b, 0);
  field(block, 148, `${sum.toString(8).padStart(6, '0')}\0 `, 8);
  return block;
}

export function writeTar(entries: Entry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    parts.push(header(e));
    if (e.type === 'file') {
      parts.push(e.data);
      const pad = (512 - (e.data.length % 512)) % 512;
      if (pad > 0) parts.push(new Uint8Array(pad));
    }
  }
  parts.push(new Uint8Array(1024));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function str(block: Uint8Array, offset: number, length: number): string {
  const raw = block.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return dec.decode(end < 0 ? raw : raw.subarray(0, end));
}

export function readTar(bytes: Uint8Array): Entry[] | string {
  const entries: Entry[] = [];
  let at = 0;
  let longName: string | undefined;
  while (at + 512 <= bytes.length) {
    const block = bytes.subarray(at, at + 512);
    if (block.every((b) => b === 0)) break;
    if (str(block, 257, 5) !== 'ustar' && !/^[0-7 ]+\0?$/.test(str(block, 148, 8))) return 'This does not look like a tar archive';
    const size = parseInt(str(block, 124, 12).trim() || '0', 8);
    const flag = String.fromCharCode(block[156] ?? 48);
    const data = bytes.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
    if (flag === 'L') {
      longName = dec.decode(data).replace(/\0+$/, '');
      continue;
    }
    if (flag === 'x') {
      const path = /\d+ path=([^\n]*)\n/.exec(dec.decode(data));
      if (path !== null) longName = path[1];
      continue;
    }
    if (flag === 'g') continue;
    const prefix = str(block, 345, 155);
    const name = longName ?? (prefix === '' ? str(block, 0, 100) : `${prefix}/${str(block, 0, 100)}`);
    longName = undefined;
    const type = flag === '5' ? 'dir' : flag === '2' ? 'symlink' : 'file';
    entries.push({
      name,
      type,
      mode: parseInt(str(block, 100, 8).trim() || '0', 8),
      uid: parseInt(str(block, 108, 8).trim() || '0', 8),
      gid: parseInt(str(block, 116, 8).trim() || '0', 8),
      data: data.slice(),
      link: str(block, 157, 100),
      mtime: parseInt(str(block, 136, 12).trim() || '0', 8),
      uname: str(block, 265, 32),
      gname: str(block, 297, 32),
    });
  }
  return entries;
}

/**
 * GNU tar's `-tv` line: mode, owner/group (names, else ids), the size right-aligned so that
 * owner/group and size fill a column that only ever widens (GNU's `ugswidth`, 19 at first),
 * the mtime in UTC as `YYYY-MM-DD HH:MM`, the name and a symlink's target.
 */
function longListing(e: Entry, state: { width: number }): string {
  const owner = `${e.uname || e.uid}/${e.gname || e.gid}`;
  const size = String(e.type === 'file' ? e.data.length : 0);
  state.width = Math.max(state.width, owner.length + 1 + size.length);
  const date = new Date((e.mtime ?? 0) * 1000).toISOString().replace('T', ' ').slice(0, 16);
  const name = e.type === 'dir' && !e.name.endsWith('/') ? `${e.name}/` : e.name;
  return `${modeString(e.type, e.mode)} ${owner} ${size.padStart(state.width - owner.length - 1)} ${date} ${name}${e.type === 'symlink' ? ` -> ${e.link}` : ''}\n`;
}

async function collect(ctx: CommandContext, base: string, rel: string, out: Entry[]): Promise<void> {
  const path = normalizePath(joinPath(base, rel));
  const st = await ctx.fs.lstat(path);
  const entry: Entry = { name: rel, type: st.type, mode: st.mode, uid: st.uid, gid: st.gid, data: new Uint8Array(0), link: '' };
  if (st.type === 'file') entry.data = await ctx.fs.readFile(path);
  if (st.type === 'symlink') entry.link = await ctx.fs.readlink(path);
  out.push(entry);
  if (st.type === 'dir') for (const name of await ctx.fs.readdir(path)) await collect(ctx, base, `${rel.replace(/\/+$/, '')}/${name}`, out);
}

export const tar: Command = async (ctx) => {
  const args = [...ctx.args];
  // Old-style `tar czf x.tgz dir`: the first word is a cluster of flags without a dash.
  if (args[0] !== undefined && /^[a-zA-Z]+$/.test(args[0])) args[0] = `-${args[0]}`;
  const o = getopt(args, 'cxtzvf:C:S:pPhJjoamO', { create: 'c', extract: 'x', list: 't', gzip: 'z', verbose: 'v', file: 'f', directory: 'C', 'strip-components': 'S', 'no-same-owner': 'o', touch: 'm', 'to-stdout': 'O' });
  if ('error' in o) {
    complain(ctx, o.error);
    return 2;
  }
  const f = (c: string): boolean => o.flags.has(c);
  const file = o.values.get('f')?.[0] ?? '-';
  const dir = ctx.resolve(o.values.get('C')?.[0] ?? '.');
  const strip = Number(o.values.get('S')?.[0] ?? 0);
  if ([f('c'), f('x'), f('t')].filter(Boolean).length !== 1) {
    complain(ctx, "You must specify one of the '-Acdtrux', '--delete' or '--test-label' options");
    return 2;
  }
  if (f('c')) {
    if (o.operands.length === 0) {
      complain(ctx, 'Cowardly refusing to create an empty archive');
      return 2;
    }
    const entries: Entry[] = [];
    for (const op of o.operands) {
      try {
        await collect(ctx, dir, op.replace(/^\/+/, '') || '.', entries);
      } catch {
        complain(ctx, `${op}: Cannot stat: No such file or directory`);
        return 2;
      }
    }
    if (f('v')) for (const e of entries) (file === '-' ? ctx.stderr : ctx.stdout).write(`${e.name}${e.type === 'dir' && !e.name.endsWith('/') ? '/' : ''}\n`);
    let bytes = writeTar(entries);
    if (f('z')) bytes = await gzipBytes(bytes);
    if (file === '-') ctx.stdout.write(bytes);
    else await ctx.fs.writeFile(ctx.resolve(file), bytes);
    return 0;
  }
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? ctx.stdin.bytes() : await ctx.fs.readFile(ctx.resolve(file));
  } catch {
    complain(ctx, `${file}: Cannot open: No such file or directory`);
    complain(ctx, 'Error is not recoverable: exiting now');
    return 2;
  }
  if (isGzip(bytes)) bytes = await gunzipBytes(bytes);
  const entries = readTar(bytes);
  if (typeof entries === 'string') {
    complain(ctx, entries);
    complain(ctx, 'Exiting with failure status due to previous errors');
    return 2;
  }
  const listing = { width: 19 };
  /** Directories get their archived mtime last, once nothing more is written into them (GNU's delayed set). */
  const dirTimes: [string, number][] = [];
  // Operands name members: the entry itself or, for a directory, everything under it.
  const members = o.operands.map((op) => op.replace(/\/+$/, ''));
  const found = new Set<string>();
  const selected = (name: string): boolean => {
    if (members.length === 0) return true;
    const bare = name.replace(/\/+$/, '');
    const hit = members.find((m) => bare === m || bare.startsWith(`${m}/`));
    if (hit !== undefined) found.add(hit);
    return hit !== undefined;
  };
  for (const e of entries) {
    if (!selected(e.name)) continue;
    if (f('t')) {
      ctx.stdout.write(f('v') ? longListing(e, listing) : `${e.name}\n`);
      continue;
    }
    const parts = e.name.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.length <= strip) continue;
    // Like GNU tar, never write outside the target directory.
    const rel = parts.slice(strip).filter((p) => p !== '..').join('/');
    const target = joinPath(dir, rel);
    if (f('O')) {
      // -O: regular files' contents to stdout, names (with -v) to stderr; nothing is written.
      if (f('v')) ctx.stderr.write(`${e.name}\n`);
      if (e.type === 'file') ctx.stdout.write(e.data);
      continue;
    }
    if (f('v')) ctx.stdout.write(`${e.name}\n`);
    await ctx.fs.mkdir(joinPath(dir, parts.slice(strip, -1).join('/')) || dir, { recursive: true });
    if (e.type === 'dir') {
      await ctx.fs.mkdir(target, { recursive: true });
      await ctx.fs.chmod(target, e.mode);
    } else if (e.type === 'symlink') {
      await ctx.fs.rm(target, { force: true });
      await ctx.fs.symlink(e.link, target);
    } else await ctx.fs.writeFile(target, e.data, { mode: e.mode });
    if (e.type !== 'symlink' && ctx.user.uid === 0 && !f('o')) await ctx.fs.chown(target, e.uid, e.gid);
    // Like GNU tar, the archived mtime is restored unless -m (--touch).
    if (!f('m') && e.mtime !== undefined && ctx.fs.utimes !== undefined) {
      if (e.type === 'file') await ctx.fs.utimes(target, e.mtime);
      else if (e.type === 'dir') dirTimes.push([target, e.mtime]);
    }
  }
  for (const [path, mtime] of dirTimes.reverse()) await ctx.fs.utimes?.(path, mtime);
  const missing = members.filter((m) => !found.has(m));
  for (const m of missing) complain(ctx, `${m}: Not found in archive`);
  if (missing.length > 0) {
    complain(ctx, 'Exiting with failure status due to previous errors');
    return 2;
  }
  return 0;
};
