import type { AptPackage } from './apt-catalog';
import { infoList, installedNames, readAutoInstalled, readDpkgStatus, statusStanza, writeAutoInstalled, writeDpkgStatus } from './dpkg-db';
import { aptSize, wrapList } from './format-size';
import { writePayload, writeSized } from './package-files';
import { resolveInstall, type InstallRequest } from './resolve-install';
import { ARCHIVES_DIR, confirm, debFileName, keepsDebs, listsReady, needRoot, out, readingLists, type AptSession } from './apt-session';

/**
 * `apt-get install`: resolve, show apt's summary, confirm (-y), "download" (.debs into
 * /var/cache/apt/archives unless the image's docker-clean hook deletes them), unpack every
 * package's files, and record it in dpkg's status, its .list and apt's extended_states.
 */
export async function aptInstall(session: AptSession, operands: readonly string[]): Promise<number> {
  const { ctx, catalog } = session;
  if (!needRoot(session)) return 100;
  readingLists(session);
  const requests = operands.map(parseRequest);
  const stanzas = await readDpkgStatus(ctx.fs);
  const installed = installedNames(stanzas);
  // With empty lists apt knows no package at all, installed or not.
  const ready = await listsReady(session);
  const plan = ready ? resolveInstall(catalog, requests, installed, session.options.recommends) : { ...resolveInstall(catalog, [], installed, false), errors: requests.map((r) => `E: Unable to locate package ${r.name}`) };
  for (const note of plan.notes) out(session, `${note}\n`);
  if (plan.errors.length > 0) {
    ctx.stderr.write(plan.errors.map((e) => `${e}\n`).join(''));
    return 100;
  }
  for (const pkg of plan.alreadyInstalled) out(session, `${pkg.name} is already the newest version (${pkg.version}).\n`);
  const requested = new Set(requests.map((r) => r.name));
  const added = plan.install.map((p) => p.name);
  const extras = added.filter((n) => !requested.has(n)).sort();
  if (extras.length > 0) out(session, `The following additional packages will be installed:\n${wrapList(extras)}`);
  if (plan.skippedRecommends.length > 0) out(session, `Recommended packages:\n${wrapList(plan.skippedRecommends)}`);
  if (added.length > 0) out(session, `The following NEW packages will be installed:\n${wrapList([...added].sort())}`);
  out(session, `0 upgraded, ${added.length} newly installed, 0 to remove and 0 not upgraded.\n`);
  if (added.length === 0) return 0;

  const download = plan.install.reduce((sum, p) => sum + p.downloadBytes, 0);
  const disk = plan.install.reduce((sum, p) => sum + p.installedSizeKiB * 1024, 0);
  out(session, `Need to get ${aptSize(download)}B of archives.\nAfter this operation, ${aptSize(disk)}B of additional disk space will be used.\n`);
  // apt asks only when it does more than it was told to.
  if (extras.length > 0 && !(await confirm(session))) return 1;

  const transfer = download / catalog.file.bandwidthBytesPerSecond;
  const keep = await keepsDebs(session);
  plan.install.forEach((pkg, i) => out(session, `Get:${i + 1} ${mirrorOf(session)} ${catalog.file.release}/main ${pkg.architecture} ${pkg.name} ${pkg.architecture} ${pkg.version} [${aptSize(pkg.downloadBytes)}B]\n`));
  if (!(await ctx.fs.exists('/usr/share/doc/apt-utils'))) ctx.stderr.write('debconf: delaying package configuration, since apt-utils is not installed\n');
  out(session, `Fetched ${aptSize(download)}B in ${Math.round(transfer)}s (${aptSize(download / Math.max(transfer, 0.001))}B/s)\n`);
  if (keep) {
    for (const pkg of plan.install) await writeSized(ctx.fs, `${ARCHIVES_DIR}/${debFileName(pkg.name, pkg.version, pkg.architecture)}`, pkg.downloadBytes, `apt-deb:${pkg.name}:${pkg.version}`);
  }

  let database = stanzas.length * 71;
  for (const [i, pkg] of plan.install.entries()) {
    out(session, `Selecting previously unselected package ${pkg.name}.\n`);
    if (i === 0) out(session, `(Reading database ... ${database} files and directories currently installed.)\n`);
    out(session, `Preparing to unpack .../${debFileName(pkg.name, pkg.version, pkg.architecture)} ...\nUnpacking ${pkg.name} (${pkg.version}) ...\n`);
    const owned = await unpack(session, pkg);
    database += owned.length;
  }
  for (const pkg of plan.install) out(session, `Setting up ${pkg.name} (${pkg.version}) ...\n`);
  if (plan.install.some((p) => p.name.startsWith('lib'))) out(session, `Processing triggers for libc-bin (${catalog.packages.get('libc-bin')?.version ?? '2.36-9'}) ...\n`);

  await writeDpkgStatus(ctx.fs, [...stanzas.filter((s) => !added.includes(s.get('Package') ?? '')), ...plan.install.map(statusStanza)]);
  const auto = await readAutoInstalled(ctx.fs);
  for (const name of extras) auto.add(name);
  for (const name of requested) auto.delete(name);
  await writeAutoInstalled(ctx.fs, auto);
  ctx.addSimulatedSeconds(0.5 + transfer + plan.install.reduce((sum, p) => sum + p.installSeconds, 0));
  return 0;
}

/** `pkg=version` pins a version; `pkg/release` (a target release) is accepted and ignored. */
function parseRequest(operand: string): InstallRequest {
  const eq = operand.indexOf('=');
  if (eq > 0) return { name: operand.slice(0, eq), version: operand.slice(eq + 1) };
  const slash = operand.indexOf('/');
  return { name: slash > 0 ? operand.slice(0, slash) : operand };
}

function mirrorOf(session: AptSession): string {
  return session.catalog.file.lists.indexes[0]?.uri ?? 'http://deb.debian.org/debian';
}

async function unpack(session: AptSession, pkg: AptPackage): Promise<string[]> {
  const { fs } = session.ctx;
  const doc = `/usr/share/doc/${pkg.name}`;
  const owned = await writePayload(fs, {
    seed: `apt:${pkg.name}:${pkg.version}`,
    files: pkg.files ?? [],
    bulk: pkg.bulk,
    bulkName: `${pkg.name}.bulk`,
    texts: [{ path: `${doc}/copyright`, text: copyright(pkg) }],
  });
  await fs.mkdir('/var/lib/dpkg/info', { recursive: true });
  await fs.writeFile(infoList(pkg.name), `${owned.join('\n')}\n`);
  return owned;
}

/** A real-looking machine-readable copyright header, padded to the ~1.5 KiB the catalog budgets. */
function copyright(pkg: AptPackage): string {
  const head = `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: ${pkg.name}\n\nFiles: *\nComment: modeled by Layerlab; the real file carries the upstream licence text.\n`;
  return head.padEnd(1536, '\n');
}
