import type { ShellFs } from '@/lib/shell';
import { infoList, installedNames, readAutoInstalled, readDpkgStatus, readOwned, writeAutoInstalled, writeDpkgStatus, type Stanza } from './dpkg-db';
import { aptSize, wrapList } from './format-size';
import { relationsOf, type RelationGroup } from './relations';
import { confirm, needRoot, out, readingLists, type AptSession } from './apt-session';

/**
 * `apt-get remove|purge|autoremove`. Removing a package also removes what depends on it (apt
 * would otherwise break them); `remove` keeps a package's files under /etc (dpkg's `rc` state),
 * `purge` drops them too. Packages that were only pulled in as dependencies are listed as
 * "no longer required", and `autoremove` removes them.
 */
export async function aptRemove(session: AptSession, operands: readonly string[], mode: 'remove' | 'purge' | 'autoremove'): Promise<number> {
  const { ctx } = session;
  if (!needRoot(session)) return 100;
  readingLists(session);
  const stanzas = await readDpkgStatus(ctx.fs);
  const installed = installedNames(stanzas);
  const byName = new Map(stanzas.map((s) => [s.get('Package') ?? '', s]));
  const purge = mode === 'purge' || session.options.purge;
  const targets = new Set<string>();
  for (const name of operands) {
    if (installed.has(name)) targets.add(name);
    else if (session.catalog.packages.has(name) || byName.has(name)) out(session, `Package '${name}' is not installed, so not removed\n`);
    else {
      ctx.stderr.write(`E: Unable to locate package ${name}\n`);
      return 100;
    }
  }
  const requires = (name: string): RelationGroup[] => {
    const s = byName.get(name);
    return [...relationsOf(s?.get('Pre-Depends')), ...relationsOf(s?.get('Depends'))];
  };
  // Reverse dependencies go with their dependency, transitively.
  for (let grew = true; grew; ) {
    grew = false;
    for (const name of installed) {
      if (targets.has(name)) continue;
      const left = (n: string): boolean => installed.has(n) && !targets.has(n);
      if (requires(name).some((group) => !group.some((rel) => left(rel.name) || providedBy(byName, rel.name, left)))) {
        targets.add(name);
        grew = true;
      }
    }
  }
  const auto = await readAutoInstalled(ctx.fs);
  const orphans = unneeded(installed, targets, auto, byName);
  if (mode === 'autoremove') for (const name of orphans) targets.add(name);
  else if (orphans.length > 0) {
    out(session, `The following packages were automatically installed and are no longer required:\n${wrapList(orphans)}Use '${session.options.front} autoremove' to remove ${orphans.length === 1 ? 'it' : 'them'}.\n`);
  }
  const removed = [...targets].sort();
  if (removed.length > 0) out(session, `The following packages will be REMOVED:\n${wrapList(removed.map((n) => (purge ? `${n}*` : n)))}`);
  out(session, `0 upgraded, 0 newly installed, ${removed.length} to remove and 0 not upgraded.\n`);
  if (removed.length === 0) return 0;
  const freed = removed.reduce((sum, n) => sum + Number(byName.get(n)?.get('Installed-Size') ?? 0) * 1024, 0);
  out(session, `After this operation, ${aptSize(freed)}B disk space will be freed.\n`);
  // Removals always ask (apt's rule: any package removed).
  if (!(await confirm(session))) return 1;

  out(session, `(Reading database ... ${stanzas.length * 71} files and directories currently installed.)\n`);
  const next: Stanza[] = [];
  const remaining = new Set([...installed].filter((n) => !targets.has(n)));
  const stillOwned = new Set<string>();
  for (const name of remaining) for (const path of await readOwned(ctx.fs, name)) stillOwned.add(path);
  for (const stanza of stanzas) {
    const name = stanza.get('Package') ?? '';
    if (!targets.has(name)) {
      next.push(stanza);
      continue;
    }
    out(session, `Removing ${name} (${stanza.get('Version') ?? ''}) ...\n`);
    const owned = (await readOwned(ctx.fs, name)).filter((p) => p.startsWith('/') && !stillOwned.has(p));
    const conffiles = owned.filter((p) => p.startsWith('/etc/'));
    await removePaths(ctx.fs, purge ? owned : owned.filter((p) => !p.startsWith('/etc/')));
    await ctx.fs.rm(`/usr/share/doc/${name}`, { recursive: true, force: true });
    if (purge || conffiles.length === 0) await ctx.fs.rm(infoList(name), { force: true });
    else next.push(new Map([...stanza].map(([k, v]) => [k, k === 'Status' ? 'deinstall ok config-files' : v])));
    auto.delete(name);
  }
  if (purge) for (const name of removed) out(session, `Purging configuration files for ${name} (${byName.get(name)?.get('Version') ?? ''}) ...\n`);
  await writeDpkgStatus(ctx.fs, next);
  await writeAutoInstalled(ctx.fs, auto);
  ctx.addSimulatedSeconds(0.3 + removed.length * 0.1);
  return 0;
}

function providedBy(byName: ReadonlyMap<string, Stanza>, virtual: string, present: (n: string) => boolean): boolean {
  for (const [name, stanza] of byName) {
    if (present(name) && relationsOf(stanza.get('Provides')).some((g) => g.some((r) => r.name === virtual))) return true;
  }
  return false;
}

/** Auto-installed packages no manual package still reaches through Depends or Recommends. */
function unneeded(installed: ReadonlySet<string>, targets: ReadonlySet<string>, auto: ReadonlySet<string>, byName: ReadonlyMap<string, Stanza>): string[] {
  const reach = new Set<string>();
  const stack = [...installed].filter((n) => !auto.has(n) && !targets.has(n));
  while (stack.length > 0) {
    const name = stack.pop() ?? '';
    if (reach.has(name)) continue;
    reach.add(name);
    const s = byName.get(name);
    for (const field of ['Pre-Depends', 'Depends', 'Recommends']) {
      for (const group of relationsOf(s?.get(field))) for (const rel of group) if (installed.has(rel.name)) stack.push(rel.name);
    }
  }
  return [...installed].filter((n) => auto.has(n) && !reach.has(n) && !targets.has(n)).sort();
}

async function removePaths(fs: ShellFs, paths: readonly string[]): Promise<void> {
  for (const path of paths) await fs.rm(path, { force: true });
}

/** `apt-get clean`: the downloaded .debs and apt's binary caches go; the lists stay. */
export async function aptClean(session: AptSession): Promise<number> {
  const { fs } = session.ctx;
  if (!needRoot(session)) return 100;
  for (const dir of ['/var/cache/apt/archives', '/var/cache/apt/archives/partial']) {
    if (!(await fs.exists(dir))) continue;
    for (const name of await fs.readdir(dir)) if (name.endsWith('.deb')) await fs.rm(`${dir}/${name}`, { force: true });
  }
  for (const bin of ['pkgcache.bin', 'srcpkgcache.bin']) await fs.rm(`/var/cache/apt/${bin}`, { force: true });
  return 0;
}
