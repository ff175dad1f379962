import type { Command, CommandContext, CommandTable } from '@/lib/shell';
import type { AptCatalog } from './apt-catalog';
import { aptCacheCommand, aptCacheRun } from './apt-cache';
import { aptInstall } from './apt-install';
import { aptClean, aptRemove } from './apt-remove';
import type { AptOptions, AptSession } from './apt-session';
import { aptUpdate } from './apt-update';
import { dpkgCommand } from './dpkg';
import { installedNames, readDpkgStatus } from './dpkg-db';

/**
 * `apt-get` and `apt`: option parsing and the operation table. Options may come before or after
 * the operation, as apt's CommandLine parser allows; `-o Key=Value` and flags that change nothing
 * observable here (`-q`, `--fix-missing`, `--no-install-suggests`) are accepted.
 */
const APT_WARNING = '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n';

const FLAGS: Record<string, (o: AptOptions) => void> = {
  '-y': (o) => (o.yes = true),
  '--yes': (o) => (o.yes = true),
  '--assume-yes': (o) => (o.yes = true),
  '--no-install-recommends': (o) => (o.recommends = false),
  '--install-recommends': (o) => (o.recommends = true),
  '--purge': (o) => (o.purge = true),
  '-q': (o) => (o.quiet += 1),
  '-qq': (o) => (o.quiet += 2),
  '--quiet': (o) => (o.quiet += 1),
};
const IGNORED = new Set(['--no-install-suggests', '--fix-missing', '-f', '--fix-broken', '--allow-unauthenticated', '--force-yes', '--allow-downgrades', '--allow-remove-essential', '--allow-change-held-packages', '-V', '--verbose-versions']);

function parse(args: readonly string[], front: AptOptions['front']): { options: AptOptions; words: string[] } | { error: string } {
  const options: AptOptions = { yes: false, recommends: true, purge: false, quiet: 0, front };
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-o' || arg === '--option') {
      const kv = args[++i] ?? '';
      if (/^APT::Install-Recommends=(false|0)$/i.test(kv)) options.recommends = false;
      if (/^APT::Get::Assume-Yes=(true|1)$/i.test(kv)) options.yes = true;
      continue;
    }
    const flag = FLAGS[arg];
    if (flag !== undefined) flag(options);
    else if (IGNORED.has(arg)) continue;
    else if (/^-[yq]+$/.test(arg)) for (const c of arg.slice(1)) (FLAGS[`-${c}`] ?? (() => undefined))(options);
    else if (arg.startsWith('-')) return { error: `E: Command line option '${arg.replace(/^-+/, '')}' [from ${arg}] is not understood in combination with the other options.` };
    else words.push(arg);
  }
  return { options, words };
}

function front(catalog: AptCatalog, name: AptOptions['front']): Command {
  return async (ctx: CommandContext) => {
    if (name === 'apt') ctx.stderr.write(APT_WARNING);
    const parsed = parse(ctx.args, name);
    if ('error' in parsed) {
      ctx.stderr.write(`${parsed.error}\n`);
      return 100;
    }
    const [op = '', ...operands] = parsed.words;
    const session: AptSession = { ctx, catalog, options: parsed.options };
    switch (op) {
      case 'update':
        return aptUpdate(session);
      case 'install':
        if (operands.length === 0) return 0;
        return aptInstall(session, operands);
      case 'remove':
      case 'purge':
      case 'autoremove':
        return aptRemove(session, operands, op);
      case 'clean':
      case 'autoclean':
        return aptClean(session);
      case 'upgrade':
      case 'dist-upgrade':
      case 'full-upgrade':
        // The catalog holds one version per package: whatever is installed is the newest.
        ctx.stdout.write('Reading package lists...\nBuilding dependency tree...\nReading state information...\nCalculating upgrade...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
        return 0;
      case 'show':
      case 'policy':
      case 'search':
        if (name === 'apt') return aptCacheRun(session, op, operands);
        break;
      case 'list':
        if (name === 'apt') return aptList(session, operands);
        break;
      case '':
        ctx.stdout.write(`${name} 2.6.1 (amd64)\nUsage: ${name} [options] command\n`);
        return 1;
    }
    ctx.stderr.write(`E: Invalid operation ${op}\n`);
    return 100;
  };
}

async function aptList(session: AptSession, operands: readonly string[]): Promise<number> {
  const installed = installedNames(await readDpkgStatus(session.ctx.fs));
  const onlyInstalled = operands.includes('--installed');
  session.ctx.stdout.write('Listing...\n');
  for (const pkg of [...session.catalog.packages.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (onlyInstalled && !installed.has(pkg.name)) continue;
    session.ctx.stdout.write(`${pkg.name}/${session.catalog.file.release} ${pkg.version} ${pkg.architecture}${installed.has(pkg.name) ? ' [installed]' : ''}\n`);
  }
  return 0;
}

/** The Debian/Ubuntu package tools as a command table, for the engine's glue to register. */
export function aptCommands(catalog: AptCatalog): CommandTable {
  return { 'apt-get': front(catalog, 'apt-get'), apt: front(catalog, 'apt'), 'apt-cache': aptCacheCommand(catalog), dpkg: dpkgCommand(catalog), 'dpkg-query': dpkgCommand(catalog) };
}
