import { readGroups, readPasswd } from '../fs/passwd';
import { baseName, dirName, joinPath } from '../fs/paths';
import type { Command } from '../run/command-types';
import { MONTHS } from './ls';
import { clockSeconds, complain, options } from './support';

/**
 * Small utilities: env, sleep, basename, dirname, which, id, whoami, uname, hostname, date,
 * mktemp, seq. Anything that would be nondeterministic (time, random names, the host) is fixed
 * or seeded, because builds must give the same digests on every machine.
 */
export const env: Command = async (ctx) => {
  const args = [...ctx.args];
  let vars: Record<string, string> = { ...ctx.env };
  while (args.length > 0) {
    const a = args[0] as string;
    if (a === '-i' || a === '-' || a === '--ignore-environment') vars = {};
    else if (a === '-u') {
      args.shift();
      delete vars[args[0] ?? ''];
    } else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) {
      const eq = a.indexOf('=');
      vars[a.slice(0, eq)] = a.slice(eq + 1);
    } else break;
    args.shift();
  }
  if (args.length === 0) {
    ctx.stdout.write(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  // The command sees exactly `vars`.
  return ctx.exec(args, { env: vars, clearEnv: true });
};

export const sleep: Command = async (ctx) => {
  if (ctx.args.length === 0) {
    complain(ctx, 'missing operand');
    return 1;
  }
  let seconds = 0;
  for (const a of ctx.args) {
    const m = /^([0-9]*\.?[0-9]+)([smhd]?)$/.exec(a);
    if (m === null) {
      complain(ctx, `invalid time interval '${a}'`);
      return 1;
    }
    seconds += Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as ''] as number);
  }
  // No real wait: the simulated clock records it.
  ctx.addSimulatedSeconds(seconds);
  return 0;
};

export const basename: Command = async (ctx) => {
  const o = options(ctx, 'as:z', { multiple: 'a', suffix: 's' });
  if (o === undefined) return 1;
  const suffix = o.values.get('s')?.[0];
  const names = o.flags.has('a') || suffix !== undefined ? o.operands : o.operands.slice(0, 1);
  const strip = suffix ?? (o.flags.has('a') ? undefined : o.operands[1]);
  if (names.length === 0) {
    complain(ctx, 'missing operand');
    return 1;
  }
  for (const n of names) {
    let b = baseName(n);
    if (strip !== undefined && b !== strip && b.endsWith(strip)) b = b.slice(0, -strip.length);
    ctx.stdout.write(`${b}\n`);
  }
  return 0;
};

export const dirname: Command = async (ctx) => {
  if (ctx.args.length === 0) {
    complain(ctx, 'missing operand');
    return 1;
  }
  for (const a of ctx.args) ctx.stdout.write(`${dirName(a)}\n`);
  return 0;
};

export const which: Command = async (ctx) => {
  let status = 0;
  for (const name of ctx.args.filter((a) => a !== '-a')) {
    let found: string | undefined;
    for (const dir of (ctx.env.PATH ?? '').split(':').filter(Boolean)) {
      try {
        const path = joinPath(dir, name);
        const st = await ctx.fs.stat(path);
        if (st.type === 'file' && (st.mode & 0o111) !== 0) {
          found = path;
          break;
        }
      } catch {
        // not in this directory
      }
    }
    if (found === undefined) status = 1;
    else ctx.stdout.write(`${found}\n`);
  }
  return status;
};

export const id: Command = async (ctx) => {
  const o = options(ctx, 'ugnGr', { user: 'u', group: 'g', name: 'n', groups: 'G' });
  if (o === undefined) return 1;
  const users = await readPasswd(ctx.fs);
  const groups = await readGroups(ctx.fs);
  const name = o.operands[0] ?? ctx.user.name;
  const entry = users.find((u) => u.name === name) ?? (o.operands[0] === undefined ? { name: ctx.user.name, uid: ctx.user.uid, gid: ctx.user.gid } : undefined);
  if (entry === undefined) {
    complain(ctx, `'${name}': no such user`);
    return 1;
  }
  const userName = users.find((u) => u.uid === entry.uid)?.name;
  const groupName = (gid: number): string | undefined => groups.find((g) => g.gid === gid)?.name;
  const extra = groups.filter((g) => g.members.includes(entry.name) && g.gid !== entry.gid).map((g) => g.gid);
  const all = [entry.gid, ...extra];
  const show = (n: number, label: string | undefined): string => (o.flags.has('n') ? (label ?? String(n)) : String(n));
  if (o.flags.has('u')) ctx.stdout.write(`${show(entry.uid, userName)}\n`);
  else if (o.flags.has('g')) ctx.stdout.write(`${show(entry.gid, groupName(entry.gid))}\n`);
  else if (o.flags.has('G')) ctx.stdout.write(`${all.map((g) => show(g, groupName(g))).join(' ')}\n`);
  else {
    const label = (n: number, l: string | undefined): string => (l === undefined ? String(n) : `${n}(${l})`);
    ctx.stdout.write(`uid=${label(entry.uid, userName)} gid=${label(entry.gid, groupName(entry.gid))} groups=${all.map((g) => label(g, groupName(g))).join(',')}\n`);
  }
  return 0;
};

export const whoami: Command = async (ctx) => {
  const name = (await readPasswd(ctx.fs)).find((u) => u.uid === ctx.user.uid)?.name ?? (ctx.user.uid === 0 ? 'root' : undefined);
  if (name === undefined) {
    complain(ctx, `cannot find name for user ID ${ctx.user.uid}`);
    return 1;
  }
  ctx.stdout.write(`${name}\n`);
  return 0;
};

/** BuildKit names every RUN container's host `buildkitsandbox`. */
const HOSTNAME = 'buildkitsandbox';

export const hostname: Command = async (ctx) => {
  ctx.stdout.write(`${ctx.env.HOSTNAME ?? HOSTNAME}\n`);
  return 0;
};

export const uname: Command = async (ctx) => {
  const o = options(ctx, 'asnrvmpio', { all: 'a' });
  if (o === undefined) return 1;
  const arch = ctx.env.LAYERLAB_ARCH ?? 'x86_64';
  const fields: [string, string][] = [['s', 'Linux'], ['n', ctx.env.HOSTNAME ?? HOSTNAME], ['r', '6.1.0-layerlab'], ['v', '#1 SMP PREEMPT_DYNAMIC'], ['m', arch], ['o', 'GNU/Linux']];
  const picked = o.flags.has('a') ? fields : fields.filter(([f]) => o.flags.has(f));
  ctx.stdout.write(`${(picked.length === 0 ? [fields[0] as [string, string]] : picked).map(([, v]) => v).join(' ')}\n`);
  return 0;
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export const date: Command = async (ctx) => {
  // Without a clock (a build) the epoch: builds stay reproducible.
  let seconds = clockSeconds(ctx) ?? 0;
  let format = '%a %b %e %H:%M:%S %Z %Y';
  const args = [...ctx.args];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a.startsWith('+')) format = a.slice(1);
    else if ((a === '-d' || a === '--date') && args[i + 1]?.startsWith('@')) seconds = Number((args[++i] as string).slice(1));
  }
  const d = new Date(seconds * 1000);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const codes: Record<string, string> = {
    Y: String(d.getUTCFullYear()), m: p2(d.getUTCMonth() + 1), d: p2(d.getUTCDate()), e: String(d.getUTCDate()).padStart(2),
    H: p2(d.getUTCHours()), M: p2(d.getUTCMinutes()), S: p2(d.getUTCSeconds()), s: String(seconds), Z: 'UTC', z: '+0000',
    a: DAYS[d.getUTCDay()] as string, b: MONTHS[d.getUTCMonth()] as string, y: p2(d.getUTCFullYear() % 100), '%': '%', n: '\n', t: '\t',
  };
  codes.F = `${codes.Y}-${codes.m}-${codes.d}`;
  codes.T = `${codes.H}:${codes.M}:${codes.S}`;
  ctx.stdout.write(`${format.replace(/%(.)/g, (s, c: string) => codes[c] ?? s)}\n`);
  return 0;
};

let mktempCounter = 0;

export const mktemp: Command = async (ctx) => {
  const o = options(ctx, 'dp:tuq', { directory: 'd', tmpdir: 'p', quiet: 'q', 'dry-run': 'u' });
  if (o === undefined) return 1;
  const template = o.operands[0] ?? 'tmp.XXXXXXXXXX';
  const dir = o.values.get('p')?.[0] ?? (o.operands[0] === undefined || o.flags.has('t') ? (ctx.env.TMPDIR ?? '/tmp') : undefined);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  // Seeded by a counter, not Math.random: the same build makes the same names.
  let seed = ++mktempCounter * 2654435761;
  const name = template.replace(/X+$/, (xs) => [...xs].map(() => alphabet[(seed = (seed * 1103515245 + 12345) >>> 0) % alphabet.length]).join(''));
  const shown = dir === undefined ? name : joinPath(dir, name);
  const path = ctx.resolve(shown);
  try {
    if (!o.flags.has('u')) {
      if (o.flags.has('d')) await ctx.fs.mkdir(path, { mode: 0o700 });
      else await ctx.fs.writeFile(path, '', { mode: 0o600 });
    }
  } catch {
    complain(ctx, `failed to create ${o.flags.has('d') ? 'directory' : 'file'} via template '${shown}': No such file or directory`);
    return 1;
  }
  ctx.stdout.write(`${shown}\n`);
  return 0;
};

export const seq: Command = async (ctx) => {
  const args = [...ctx.args];
  let sep = '\n';
  let width = false;
  while (args[0] !== undefined && /^-[sw]/.test(args[0])) {
    const a = args.shift() as string;
    if (a === '-w') width = true;
    else sep = a.length > 2 ? a.slice(2) : (args.shift() ?? '\n');
  }
  const nums = args.map(Number);
  if (nums.length === 0 || nums.length > 3 || nums.some((n) => Number.isNaN(n))) {
    complain(ctx, nums.length === 0 ? 'missing operand' : `invalid floating point argument: '${args.find((a) => Number.isNaN(Number(a))) ?? args[3]}'`);
    return 1;
  }
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0] as number] : nums.length === 2 ? [nums[0] as number, 1, nums[1] as number] : (nums as [number, number, number]);
  if (step === 0) {
    complain(ctx, `invalid Zero increment value: '${args[1] ?? '0'}'`);
    return 1;
  }
  const count = Math.max(0, Math.floor((last - first) / step) + 1);
  // -w pads to the widest of the first and last numbers, as GNU seq does.
  const w = width ? Math.max(String(first).length, String(first + (count - 1) * step).length) : 0;
  // Streamed in chunks so `seq 1 1000000 | wc -l` neither builds one huge array nor blocks Ctrl+C.
  const CHUNK = 8192;
  for (let i = 0; i < count; i += CHUNK) {
    if (ctx.signal?.aborted === true) return 130;
    let text = '';
    for (let k = i; k < Math.min(count, i + CHUNK); k++) {
      const value = String(first + k * step);
      text += (k === 0 ? '' : sep) + (width ? value.padStart(w, '0') : value);
    }
    ctx.stdout.write(text);
    await Promise.resolve();
  }
  if (count > 0) ctx.stdout.write('\n');
  return 0;
};
