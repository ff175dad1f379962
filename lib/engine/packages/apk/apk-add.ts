import type { CommandContext } from '@/lib/shell';
import { writePayload, writeSized } from '../apt';
import type { ApkCatalog, ApkPackage } from './apk-catalog';
import { readInstalled, readWorld, writeInstalled, writeWorld, type ApkRecord } from './apk-db';

/**
 * `apk add` / `apk update`. apk fetches the APKINDEX itself when none is cached, keeps it in
 * /var/cache/apk (~2.3 MB) unless --no-cache, and keeps no .apk files (Alpine images have no
 * /etc/apk/cache), so --no-cache is exactly "leave no index behind". `--virtual NAME` records
 * a world entry NAME whose dependencies are the packages given, for one `apk del NAME` later.
 */
export const CACHE_DIR = '/var/cache/apk';
/** apk stamps a virtual package with the time; the model uses the build's fixed epoch. */
export const VIRTUAL_VERSION = '20240101.000000';

export interface ApkFlags {
  noCache: boolean;
  update: boolean;
  virtual?: string;
  quiet: boolean;
}

export async function fetchIndex(ctx: CommandContext, catalog: ApkCatalog, flags: ApkFlags, announce: boolean): Promise<void> {
  const repos = catalog.file.index.repositories;
  const cached = await Promise.all(repos.map((r) => ctx.fs.exists(`${CACHE_DIR}/${r.file}`)));
  if (!flags.update && !flags.noCache && cached.every(Boolean)) return;
  let bytes = 0;
  for (const repo of repos) {
    ctx.stdout.write(`fetch ${repo.url}/${catalog.file.architecture}/APKINDEX.tar.gz\n`);
    if (!flags.noCache) await writeSized(ctx.fs, `${CACHE_DIR}/${repo.file}`, repo.bytes, `apk-index:${repo.file}`);
    bytes += repo.bytes;
  }
  if (announce) {
    for (const repo of repos) ctx.stdout.write(`${repo.description} [${repo.url}]\n`);
    ctx.stdout.write(`OK: ${catalog.file.index.distinctPackages} distinct packages available\n`);
  }
  ctx.addSimulatedSeconds(0.3 + bytes / catalog.file.bandwidthBytesPerSecond);
}

export function resolvePackage(catalog: ApkCatalog, name: string): ApkPackage | undefined {
  return catalog.packages.get(name) ?? catalog.packages.get(catalog.providers.get(name) ?? '');
}

export async function apkAdd(ctx: CommandContext, catalog: ApkCatalog, flags: ApkFlags, names: readonly string[]): Promise<number> {
  await fetchIndex(ctx, catalog, flags, false);
  const wanted = names.map((n) => n.replace(/[=<>~].*$/, ''));
  const missing = wanted.filter((n) => resolvePackage(catalog, n) === undefined);
  if (missing.length > 0) {
    const lines = missing.map((n) => `  ${n} (no such package):\n    required by: world[${n}]\n`).join('');
    ctx.stderr.write(`ERROR: unable to select packages:\n${lines}`);
    return missing.length;
  }
  const records = await readInstalled(ctx.fs);
  const have = new Set(records.map((r) => r.name));
  const order: ApkPackage[] = [];
  const seen = new Set<string>();
  const visit = (pkg: ApkPackage): void => {
    if (seen.has(pkg.name) || have.has(pkg.name)) return;
    seen.add(pkg.name);
    for (const dep of pkg.depends ?? []) {
      const d = resolvePackage(catalog, dep);
      if (d !== undefined) visit(d);
    }
    order.push(pkg);
  };
  const roots = wanted.map((n) => resolvePackage(catalog, n)).filter((p): p is ApkPackage => p !== undefined);
  for (const pkg of roots) visit(pkg);
  const total = order.length + (flags.virtual !== undefined ? 1 : 0);
  let step = 0;
  const added: ApkRecord[] = [];
  for (const pkg of order) {
    ctx.stdout.write(`(${++step}/${total}) Installing ${pkg.name} (${pkg.version})\n`);
    const files = await writePayload(ctx.fs, { seed: `apk:${pkg.name}:${pkg.version}`, files: pkg.files ?? [], bulk: pkg.bulk, bulkName: `${pkg.name}.bulk` });
    added.push({ name: pkg.name, version: pkg.version, arch: catalog.file.architecture, installedBytes: pkg.installedBytes, depends: pkg.depends ?? [], files });
  }
  if (flags.virtual !== undefined) {
    ctx.stdout.write(`(${++step}/${total}) Installing ${flags.virtual} (${VIRTUAL_VERSION})\n`);
    added.push({ name: flags.virtual, version: VIRTUAL_VERSION, arch: 'noarch', installedBytes: 0, depends: roots.map((p) => p.name), files: [] });
  }
  const all = [...records.filter((r) => r.name !== flags.virtual), ...added];
  await writeInstalled(ctx.fs, all);
  const world = await readWorld(ctx.fs);
  await writeWorld(ctx.fs, flags.virtual !== undefined ? [...world, flags.virtual] : [...world, ...wanted]);
  if (order.length > 0) {
    ctx.stdout.write(`Executing busybox-${catalog.packages.get('busybox')?.version ?? '1.36.1-r15'}.trigger\n`);
    if (order.some((p) => p.name === 'ca-certificates')) ctx.stdout.write(`Executing ca-certificates-${catalog.packages.get('ca-certificates')?.version ?? ''}.trigger\n`);
  }
  ctx.stdout.write(okLine(catalog, all));
  const download = order.reduce((s, p) => s + p.downloadBytes, 0);
  ctx.addSimulatedSeconds(download / catalog.file.bandwidthBytesPerSecond + order.reduce((s, p) => s + p.installSeconds, 0));
  return 0;
}

/** "OK: 12 MiB in 20 packages": every installed package's size, base ones from the catalog. */
export function okLine(catalog: ApkCatalog, records: readonly ApkRecord[]): string {
  const bytes = records.reduce((s, r) => s + (r.installedBytes || (catalog.packages.get(r.name)?.installedBytes ?? 0)), 0);
  return `OK: ${Math.round(bytes / (1024 * 1024))} MiB in ${records.length} packages\n`;
}
