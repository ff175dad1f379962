import type { Command, CommandContext, CommandTable } from '@/lib/shell';
import type { ApkCatalog } from './apk-catalog';
import { apkAdd, fetchIndex, okLine, type ApkFlags } from './apk-add';
import { readInstalled, readWorld, writeInstalled, writeWorld, type ApkRecord } from './apk-db';

/**
 * `apk` (apk-tools 2.14): update, add, del, info. Flags as apk takes them, anywhere on the line;
 * an unprivileged user cannot lock the database (exit 99, as apk does).
 */
function parse(args: readonly string[]): { flags: ApkFlags; words: string[] } | { error: string } {
  const flags: ApkFlags = { noCache: false, update: false, quiet: false };
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--no-cache') flags.noCache = true;
    else if (arg === '-U' || arg === '--update-cache') flags.update = true;
    else if (arg === '-t' || arg === '--virtual') flags.virtual = args[++i];
    else if (arg.startsWith('--virtual=')) flags.virtual = arg.slice('--virtual='.length);
    else if (arg === '-q' || arg === '--quiet') flags.quiet = true;
    else if (['--no-progress', '-v', '--verbose', '--purge', '--clean-protected', '-r', '--rdepends', '-e', '--installed'].includes(arg)) continue;
    else if (arg.startsWith('-')) return { error: `apk: unrecognized option: ${arg.replace(/^-+/, '')}` };
    else words.push(arg);
  }
  return { flags, words };
}

function apkCommand(catalog: ApkCatalog): Command {
  return async (ctx: CommandContext) => {
    const parsed = parse(ctx.args);
    if ('error' in parsed) {
      ctx.stderr.write(`${parsed.error}\n`);
      return 1;
    }
    const [op = '', ...names] = parsed.words;
    if (['add', 'del', 'update'].includes(op) && ctx.user.uid !== 0) {
      ctx.stderr.write('ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n');
      return 99;
    }
    switch (op) {
      case 'update':
        await fetchIndex(ctx, catalog, { ...parsed.flags, update: true }, true);
        return 0;
      case 'add':
        if (names.length === 0 && parsed.flags.virtual === undefined) {
          await fetchIndex(ctx, catalog, parsed.flags, false);
          ctx.stdout.write(okLine(catalog, await readInstalled(ctx.fs)));
          return 0;
        }
        return apkAdd(ctx, catalog, parsed.flags, names);
      case 'del':
        return apkDel(ctx, catalog, names);
      case 'info': {
        const records = await readInstalled(ctx.fs);
        const pick = names.length > 0 ? records.filter((r) => names.includes(r.name)) : records;
        for (const r of pick) ctx.stdout.write(names.length > 0 ? `${r.name}-${r.version} installed size:\n${r.installedBytes || (catalog.packages.get(r.name)?.installedBytes ?? 0)}\n\n` : `${r.name}\n`);
        return names.length > 0 && pick.length === 0 ? 1 : 0;
      }
      default:
        ctx.stderr.write(`apk-tools 2.14.0, compiled for ${catalog.file.architecture}.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]\n`);
        return 1;
    }
  };
}

/** Drops names from world and removes every package nothing left in world still needs. */
async function apkDel(ctx: CommandContext, catalog: ApkCatalog, names: readonly string[]): Promise<number> {
  const world = (await readWorld(ctx.fs)).filter((n) => !names.includes(n));
  const records = await readInstalled(ctx.fs);
  const byName = new Map(records.map((r) => [r.name, r]));
  const keep = new Set<string>();
  // Packages the base image brought (no world entry of their own) stay: apk would keep them too.
  const stack = [...world, ...records.filter((r) => r.files.length === 0 && r.installedBytes === 0 && r.arch !== 'noarch').map((r) => r.name)];
  while (stack.length > 0) {
    const name = stack.pop() ?? '';
    const rec = byName.get(name) ?? byName.get(catalog.providers.get(name) ?? '');
    if (rec === undefined || keep.has(rec.name)) continue;
    keep.add(rec.name);
    stack.push(...rec.depends);
  }
  const gone = records.filter((r) => !keep.has(r.name));
  let step = 0;
  for (const rec of gone) {
    ctx.stdout.write(`(${++step}/${gone.length}) Purging ${rec.name} (${rec.version})\n`);
    for (const file of rec.files) await ctx.fs.rm(file, { force: true });
  }
  const left: ApkRecord[] = records.filter((r) => keep.has(r.name));
  await writeInstalled(ctx.fs, left);
  await writeWorld(ctx.fs, world);
  if (gone.length > 0) ctx.stdout.write(`Executing busybox-${catalog.packages.get('busybox')?.version ?? '1.36.1-r15'}.trigger\n`);
  ctx.stdout.write(okLine(catalog, left));
  ctx.addSimulatedSeconds(0.1 + gone.length * 0.02);
  return 0;
}

export function apkCommands(catalog: ApkCatalog): CommandTable {
  return { apk: apkCommand(catalog) };
}
