import type { ShellFs } from '@/lib/shell';
import { readTextOr } from './package-files';
import type { AptPackage } from './apt-catalog';

/**
 * dpkg's database as files, in dpkg's own formats, so `cat /var/lib/dpkg/status` and a later RUN
 * (or a later image built FROM this one) see what is installed: `status` (deb822 stanzas),
 * `info/<name>.list` (the paths a package owns) and apt's `extended_states` (which packages were
 * pulled in automatically, what `autoremove` works from).
 */
export const STATUS_PATH = '/var/lib/dpkg/status';
export const EXTENDED_STATES = '/var/lib/apt/extended_states';
export const infoList = (name: string): string => `/var/lib/dpkg/info/${name}.list`;

export type Stanza = Map<string, string>;

export function parseStanzas(text: string): Stanza[] {
  const out: Stanza[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const stanza: Stanza = new Map();
    let last = '';
    for (const line of block.split('\n')) {
      if (line === '') continue;
      if (/^[ \t]/.test(line) && last !== '') stanza.set(last, `${stanza.get(last) ?? ''}\n${line}`);
      else {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        last = line.slice(0, colon);
        stanza.set(last, line.slice(colon + 1).trim());
      }
    }
    if (stanza.size > 0) out.push(stanza);
  }
  return out;
}

export function formatStanzas(stanzas: readonly Stanza[]): string {
  return stanzas.map((s) => [...s].map(([k, v]) => `${k}: ${v}\n`).join('')).join('\n');
}

export async function readDpkgStatus(fs: ShellFs): Promise<Stanza[]> {
  return parseStanzas(await readTextOr(fs, STATUS_PATH, ''));
}

/** Packages whose Status says installed (an `rc` leftover is not installed). */
export function installedNames(stanzas: readonly Stanza[]): Set<string> {
  return new Set(stanzas.filter((s) => (s.get('Status') ?? '').endsWith(' installed')).map((s) => s.get('Package') ?? ''));
}

/** The stanza dpkg writes for a freshly configured package. */
export function statusStanza(pkg: AptPackage): Stanza {
  const s: Stanza = new Map([
    ['Package', pkg.name],
    ['Status', 'install ok installed'],
    ['Priority', pkg.priority],
    ['Section', pkg.section],
    ['Installed-Size', String(pkg.installedSizeKiB)],
    ['Maintainer', pkg.maintainer],
    ['Architecture', pkg.architecture],
    ['Version', pkg.version],
  ]);
  if (pkg.preDepends !== undefined) s.set('Pre-Depends', pkg.preDepends);
  if (pkg.depends !== undefined) s.set('Depends', pkg.depends);
  if (pkg.recommends !== undefined) s.set('Recommends', pkg.recommends);
  if (pkg.provides !== undefined) s.set('Provides', pkg.provides);
  s.set('Description', pkg.summary);
  return s;
}

export async function writeDpkgStatus(fs: ShellFs, stanzas: readonly Stanza[]): Promise<void> {
  await fs.mkdir('/var/lib/dpkg', { recursive: true });
  await fs.writeFile(STATUS_PATH, formatStanzas(stanzas));
}

/** Names apt marked Auto-Installed: 1. */
export async function readAutoInstalled(fs: ShellFs): Promise<Set<string>> {
  const stanzas = parseStanzas(await readTextOr(fs, EXTENDED_STATES, ''));
  return new Set(stanzas.filter((s) => s.get('Auto-Installed') === '1').map((s) => s.get('Package') ?? ''));
}

export async function writeAutoInstalled(fs: ShellFs, names: ReadonlySet<string>, arch = 'amd64'): Promise<void> {
  const stanzas = [...names].sort().map((name): Stanza => new Map([['Package', name], ['Architecture', arch], ['Auto-Installed', '1']]));
  await fs.mkdir('/var/lib/apt', { recursive: true });
  await fs.writeFile(EXTENDED_STATES, formatStanzas(stanzas));
}

export async function readOwned(fs: ShellFs, name: string): Promise<string[]> {
  return (await readTextOr(fs, infoList(name), '')).split('\n').filter((p) => p !== '');
}
