import type { Command, CommandContext } from '@/lib/shell';
import type { AptCatalog, AptPackage } from './apt-catalog';
import { installedNames, readDpkgStatus } from './dpkg-db';
import { listsReady, type AptSession } from './apt-session';

/**
 * `apt-cache show|policy|search` (and `apt show`): what the lists say about a package. Like the
 * real tool it knows nothing before `apt-get update` ("E: No packages found").
 */
export function showRecord(catalog: AptCatalog, pkg: AptPackage): string {
  const lines = [`Package: ${pkg.name}`, `Version: ${pkg.version}`, `Installed-Size: ${pkg.installedSizeKiB}`, `Maintainer: ${pkg.maintainer}`, `Architecture: ${pkg.architecture}`];
  if (pkg.provides !== undefined) lines.push(`Provides: ${pkg.provides}`);
  if (pkg.preDepends !== undefined) lines.push(`Pre-Depends: ${pkg.preDepends}`);
  if (pkg.depends !== undefined) lines.push(`Depends: ${pkg.depends}`);
  if (pkg.recommends !== undefined) lines.push(`Recommends: ${pkg.recommends}`);
  lines.push(`Description: ${pkg.summary}`, `Section: ${pkg.section}`, `Priority: ${pkg.priority}`);
  lines.push(`Filename: pool/main/${pkg.name.startsWith('lib') ? pkg.name.slice(0, 4) : pkg.name[0]}/${pkg.name}/${pkg.name}_${pkg.version.replace(/^\d+:/, '')}_${pkg.architecture}.deb`, `Size: ${pkg.downloadBytes}`);
  return `${lines.join('\n')}\n\n`;
}

export async function aptCacheRun(session: AptSession, sub: string, operands: readonly string[]): Promise<number> {
  const { ctx, catalog } = session;
  const ready = await listsReady(session);
  const find = (name: string): AptPackage | undefined => (ready ? catalog.packages.get(name) : undefined);
  switch (sub) {
    case 'show': {
      let status = 0;
      for (const name of operands) {
        const pkg = find(name);
        if (pkg === undefined) {
          ctx.stderr.write(`N: Unable to locate package ${name}\nE: No packages found\n`);
          status = 100;
        } else ctx.stdout.write(showRecord(catalog, pkg));
      }
      return status;
    }
    case 'policy': {
      const installed = installedNames(await readDpkgStatus(ctx.fs));
      for (const name of operands) {
        const pkg = find(name);
        if (pkg === undefined) continue;
        const mirror = `${catalog.file.lists.indexes[0]?.uri ?? ''} ${catalog.file.release}/main ${catalog.file.architecture} Packages`;
        const have = installed.has(name) ? pkg.version : '(none)';
        const stars = installed.has(name) ? ' *** ' : '     ';
        ctx.stdout.write(`${name}:\n  Installed: ${have}\n  Candidate: ${pkg.version}\n  Version table:\n${stars}${pkg.version} 500\n        500 ${mirror}\n`);
        if (installed.has(name)) ctx.stdout.write('        100 /var/lib/dpkg/status\n');
      }
      return 0;
    }
    case 'search': {
      const pattern = new RegExp(operands[0] ?? '', 'i');
      if (!ready) return 0;
      for (const pkg of catalog.packages.values()) if (pattern.test(pkg.name) || pattern.test(pkg.summary)) ctx.stdout.write(`${pkg.name} - ${pkg.summary}\n`);
      return 0;
    }
    default:
      ctx.stderr.write(`E: Invalid operation ${sub}\n`);
      return 100;
  }
}

export function aptCacheCommand(catalog: AptCatalog): Command {
  return async (ctx: CommandContext) => {
    const args = ctx.args.filter((a) => !a.startsWith('-'));
    const [sub = '', ...operands] = args;
    return aptCacheRun({ ctx, catalog, options: { yes: false, recommends: true, purge: false, quiet: 0, front: 'apt-get' } }, sub, operands);
  };
}
