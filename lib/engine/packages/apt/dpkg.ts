import { matchPattern, type Command, type CommandContext } from '@/lib/shell';
import type { AptCatalog } from './apt-catalog';
import { readDpkgStatus, readOwned, type Stanza } from './dpkg-db';

/**
 * `dpkg -l [pattern...]`, `-L pkg`, `-s pkg`, `--get-selections`: read-only views of dpkg's
 * database. `-l` lays the table out as dpkg does without a tty: columns as wide as the longest
 * name, version and description (at least 14, 12, 12 and 33).
 */
export function dpkgCommand(catalog: AptCatalog): Command {
  return async (ctx: CommandContext) => {
    const [flag = '', ...operands] = ctx.args;
    const stanzas = await readDpkgStatus(ctx.fs);
    const byName = new Map(stanzas.map((s) => [s.get('Package') ?? '', s]));
    switch (flag) {
      case '-l':
      case '--list':
        return list(ctx, catalog, stanzas, operands);
      case '-L':
      case '--listfiles': {
        for (const name of operands) {
          if (!byName.has(name)) {
            ctx.stderr.write(`dpkg-query: package '${name}' is not installed\n`);
            return 1;
          }
          const owned = (await readOwned(ctx.fs, name)).filter((p) => p.startsWith('/'));
          ctx.stdout.write(owned.length > 0 ? `${owned.join('\n')}\n` : '');
        }
        return 0;
      }
      case '-s':
      case '--status': {
        for (const name of operands) {
          const s = byName.get(name);
          if (s === undefined) {
            ctx.stderr.write(`dpkg-query: package '${name}' is not installed and no information is available\n`);
            return 1;
          }
          ctx.stdout.write(`${[...s].map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n`);
        }
        return 0;
      }
      case '--get-selections':
        for (const s of stanzas) ctx.stdout.write(`${(s.get('Package') ?? '').padEnd(48)}\t${s.get('Status')?.startsWith('install') ? 'install' : 'deinstall'}\n`);
        return 0;
      default:
        ctx.stderr.write(`dpkg: error: need an action option\n\nType dpkg --help for help about installing and deinstalling packages [*];\nUse 'apt' or 'aptitude' for user-friendly package management;\n`);
        return 2;
    }
  };
}

function list(ctx: CommandContext, catalog: AptCatalog, stanzas: readonly Stanza[], patterns: readonly string[]): number {
  const rows = stanzas
    .filter((s) => patterns.length === 0 || patterns.some((p) => matchPattern(p, s.get('Package') ?? '')))
    .map((s) => {
      const name = s.get('Package') ?? '';
      const status = s.get('Status') ?? '';
      const code = status.startsWith('deinstall') ? (status.endsWith('config-files') ? 'rc' : 'ri') : 'ii';
      const desc = (s.get('Description') ?? catalog.packages.get(name)?.summary ?? '').split('\n')[0] ?? '';
      return { code, name, version: s.get('Version') ?? '', arch: s.get('Architecture') ?? '', desc };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (rows.length === 0) {
    ctx.stderr.write(`dpkg-query: no packages found matching ${patterns.join(' ')}\n`);
    return 1;
  }
  const w = (min: number, key: 'name' | 'version' | 'arch' | 'desc') => Math.max(min, ...rows.map((r) => r[key].length));
  const [nw, vw, aw, dw] = [w(14, 'name'), w(12, 'version'), w(12, 'arch'), w(33, 'desc')];
  const head =
    'Desired=Unknown/Install/Remove/Purge/Hold\n| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n' +
    `||/ ${'Name'.padEnd(nw)} ${'Version'.padEnd(vw)} ${'Architecture'.padEnd(aw)} Description\n` +
    `+++-${'='.repeat(nw)}-${'='.repeat(vw)}-${'='.repeat(aw)}-${'='.repeat(dw)}\n`;
  ctx.stdout.write(head + rows.map((r) => `${r.code}  ${r.name.padEnd(nw)} ${r.version.padEnd(vw)} ${r.arch.padEnd(aw)} ${r.desc}\n`).join(''));
  return 0;
}
