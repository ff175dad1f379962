import { dirName, joinPath, normalizePath, type CommandContext, type ShellFs } from '@/lib/shell';
import { simulatedCost, type SimulatedCost } from '../shared/simulated-cost';
import { bulkFiles, writePackageFiles, writeSyntheticFile, type PackageFile } from '../shared/write-files';
import type { NpmCatalog, NpmPackage } from './npm-catalog';
import { hexHash, integrityOf, readJsonFile, servesRange, versionFromRange, writeJsonFile } from './npm-project';

/**
 * Installing catalog packages into a node_modules tree, shared by npm, npx and yarn. A top-level
 * package gets a real package.json, its bin scripts (linked from .bin) and synthetic bulk of its
 * own unpacked size; its direct dependencies get directories of their own holding the rest of the
 * measured tree, so `du node_modules` matches the catalog's installedSize. A dependency that is
 * itself installed at the top level is counted once (npm dedupes it).
 */

export interface InstallRequest {
  name: string;
  range: string;
  dev: boolean;
}

export interface PlannedPackage {
  name: string;
  pkg: NpmPackage;
  range: string;
  dev: boolean;
  /** Bytes of the tree below the package itself, after deduplication against the plan. */
  depsBytes: number;
  /** Packages this entry adds to node_modules (itself included). */
  packages: number;
  /** Direct dependencies written beside it (the ones not in the plan themselves). */
  deps: [string, string][];
}

export type PlanResult = { ok: true; plan: PlannedPackage[] } | { ok: false; code: 'E404' | 'ETARGET'; name: string; range: string };

export function planInstall(catalog: NpmCatalog, requests: readonly InstallRequest[]): PlanResult {
  const byName = new Map<string, InstallRequest>();
  for (const r of requests) {
    const had = byName.get(r.name);
    // A package both in dependencies and devDependencies is a production dependency.
    byName.set(r.name, had === undefined ? r : { ...had, dev: had.dev && r.dev });
  }
  const found: { req: InstallRequest; pkg: NpmPackage }[] = [];
  for (const req of byName.values()) {
    const pkg = catalog.get(req.name);
    if (pkg === undefined) return { ok: false, code: 'E404', name: req.name, range: req.range };
    if (!servesRange(pkg.version, req.range)) return { ok: false, code: 'ETARGET', name: req.name, range: req.range };
    found.push({ req, pkg });
  }
  const plan = found.map(({ req, pkg }): PlannedPackage => {
    let depsBytes = pkg.installedSize - pkg.unpackedSize;
    let packages = pkg.packages;
    const deps: [string, string][] = [];
    for (const [dep, range] of Object.entries(pkg.dependencies)) {
      const top = byName.has(dep) ? catalog.get(dep) : undefined;
      if (top === undefined) {
        deps.push([dep, range]);
        continue;
      }
      depsBytes -= top.installedSize;
      packages -= top.packages;
    }
    return { name: req.name, pkg, range: req.range, dev: req.dev, depsBytes: Math.max(0, depsBytes), packages: Math.max(1, packages), deps };
  });
  return { ok: true, plan };
}

/** Bytes the plan puts on disk, as a layer counts them (the package.json texts are part of the budget). */
export const planBytes = (plan: readonly PlannedPackage[]) => plan.reduce((n, p) => n + p.pkg.unpackedSize + p.depsBytes, 0);
export const planPackages = (plan: readonly PlannedPackage[]) => plan.reduce((n, p) => n + p.packages, 0);

export interface InstallTarget {
  /** The node_modules directory. */
  nodeModules: string;
  /** Where bin links go: node_modules/.bin, or /usr/local/bin for `npm install -g`. */
  binDir: string;
}

export interface CacheTarget {
  kind: 'npm' | 'yarn';
  /** ~/.npm or /usr/local/share/.cache/yarn. */
  dir: string;
}

/**
 * Yarn 1 keeps every package unpacked in its cache (v6/npm-NAME-VERSION-HASH-integrity/), so its
 * cache is as large as node_modules; npm keeps the gzipped tarballs (the catalog's cacheRatio).
 */
const YARN_CACHE_RATIO = 1;
/** Seconds per package for metadata requests, extraction and linking (npm 10 on a CI runner). */
const SECONDS_PER_PACKAGE = 0.07;
/** Bytes per second written while extracting tarballs. */
const EXTRACT_RATE = 10e6;
const MAX_FILES_OWN = 12;
const MAX_FILES_DEP = 6;

export interface InstallOutcome {
  /** Packages newly written (for "added N packages"). */
  added: number;
  /** Top-level names newly written. */
  names: string[];
  bytes: number;
  seconds: number;
}

export function cacheEntry(cache: CacheTarget, name: string, version: string): string {
  const h = hexHash(`${name}@${version}`, 40);
  if (cache.kind === 'yarn') return joinPath(cache.dir, `v6/npm-${name.replace('/', '-')}-${version}-${h}-integrity`);
  return joinPath(cache.dir, `_cacache/content-v2/sha512/${h.slice(0, 2)}/${h.slice(2, 4)}/${h.slice(4)}`);
}

async function installedVersion(fs: ShellFs, dir: string): Promise<string | undefined> {
  const pj = await readJsonFile<{ version?: unknown }>(fs, joinPath(dir, 'package.json'));
  return pj.ok && typeof pj.value.version === 'string' ? pj.value.version : undefined;
}

/** `from` → `to` as a relative symlink target (both absolute). */
function relativeLink(fromDir: string, to: string): string {
  const a = fromDir.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

const enc = new TextEncoder();
const len = (s: string) => enc.encode(s).length;

function binScript(bin: string, name: string, version: string): string {
  return `#!/usr/bin/env node\n// layerlab: modeled bin "${bin}" of ${name}@${version}\nrequire('../lib/${bin}.js')\n`;
}

/** The marker a modeled bin script carries, so `node` knows which tool to run for it. */
export function modeledBinOf(source: string): string | undefined {
  return /^\/\/ layerlab: modeled bin "([^"]+)"/m.exec(source)?.[1];
}

async function writeCache(ctx: CommandContext, cache: CacheTarget, p: PlannedPackage, bytes: number, npmRatio: number): Promise<void> {
  const entry = cacheEntry(cache, p.name, p.pkg.version);
  const seed = `npm-cache:${p.name}@${p.pkg.version}`;
  if (cache.kind === 'yarn') {
    await ctx.fs.mkdir(entry, { recursive: true });
    await ctx.fs.writeFile(joinPath(entry, '.yarn-metadata.json'), `${JSON.stringify({ manifest: { name: p.name, version: p.pkg.version }, remote: { type: 'tarball', registry: 'npm' } })}\n`);
    await writePackageFiles(ctx.fs, bulkFiles(joinPath(entry, `node_modules/${p.name}`), 4, Math.round(bytes * YARN_CACHE_RATIO), '.js'), seed);
    return;
  }
  await writeSyntheticFile(ctx.fs, entry, Math.max(1, Math.round(bytes * npmRatio)), seed);
  const key = `make-fetch-happen:request-cache:https://registry.npmjs.org/${p.name}/-/${p.name.split('/').pop() ?? p.name}-${p.pkg.version}.tgz`;
  const index = joinPath(cache.dir, `_cacache/index-v5/${hexHash(key, 2)}/${hexHash(`${key}|`, 2)}/${hexHash(key, 40)}`);
  await ctx.fs.mkdir(dirName(index), { recursive: true });
  await ctx.fs.writeFile(index, `${hexHash(key, 40)}\t${JSON.stringify({ key, integrity: integrityOf(`${p.name}@${p.pkg.version}`), time: 1706321400000, size: Math.round(bytes * npmRatio) })}\n`);
}


/**
 * Writes the plan into `target`, skipping packages already there at the same version, filling
 * the cache (unless `cache` is undefined) and charging the simulated clock: the download of what
 * the cache does not hold, plus per-package and per-byte install work.
 */
export async function installPlan(ctx: CommandContext, catalog: NpmCatalog, plan: readonly PlannedPackage[], target: InstallTarget, cache: CacheTarget | undefined, cost: SimulatedCost = simulatedCost(ctx)): Promise<InstallOutcome> {
  const outcome: InstallOutcome = { added: 0, names: [], bytes: 0, seconds: 0 };
  const before = cost.total;
  const fs = ctx.fs;
  for (const p of plan) {
    const pkgDir = joinPath(target.nodeModules, p.name);
    if ((await installedVersion(fs, pkgDir)) === p.pkg.version) continue;
    await fs.rm(pkgDir, { recursive: true, force: true });
    const { version } = p.pkg;
    const seed = `npm:${p.name}@${version}`;
    const footprint = p.pkg.unpackedSize + p.depsBytes;
    const cached = cache !== undefined && (await fs.exists(cacheEntry(cache, p.name, version)).catch(() => false));
    if (!cached) cost.download(footprint * catalog.data.cacheRatio);
    cost.work(p.packages * SECONDS_PER_PACKAGE + footprint / EXTRACT_RATE);

    // The package itself: package.json, bin scripts, bulk to its unpacked size.
    const manifest = `${JSON.stringify({ name: p.name, version, main: 'index.js', ...(Object.keys(p.pkg.bin).length > 0 ? { bin: p.pkg.bin } : {}), dependencies: p.pkg.dependencies, license: 'MIT' }, null, 2)}\n`;
    const own: PackageFile[] = [{ path: joinPath(pkgDir, 'package.json'), text: manifest }];
    const bins: [string, string][] = [];
    for (const [bin, rel] of Object.entries(p.pkg.bin)) {
      const file = normalizePath(joinPath(pkgDir, rel));
      if (own.some((f) => f.path === file)) continue;
      own.push({ path: file, text: binScript(bin, p.name, version), mode: 0o755 });
      bins.push([bin, file]);
    }
    const textBytes = own.reduce((n, f) => n + len(f.text ?? ''), 0);
    const ownFiles = Math.max(1, Math.min(MAX_FILES_OWN, Math.round((p.pkg.files * p.pkg.unpackedSize) / p.pkg.installedSize)));
    const ownBulk = Math.max(0, p.pkg.unpackedSize - textBytes);
    if (ownBulk > 0) own.push(...bulkFiles(joinPath(pkgDir, 'lib'), ownFiles, ownBulk, '.js'));
    await writePackageFiles(fs, own, seed);

    // Its dependency tree: one directory per direct dependency sharing the measured rest.
    const deps = p.deps.length > 0 ? p.deps : [];
    if (deps.length === 0 && p.depsBytes > 0) await writePackageFiles(fs, bulkFiles(joinPath(pkgDir, 'vendor'), 4, p.depsBytes, '.js'), seed);
    let left = p.depsBytes;
    for (const [i, [dep, range]] of deps.entries()) {
      const share = i === deps.length - 1 ? left : Math.floor(p.depsBytes / deps.length);
      left -= share;
      let depDir = joinPath(target.nodeModules, dep);
      if (await fs.exists(depDir).catch(() => false)) depDir = joinPath(pkgDir, `node_modules/${dep}`);
      const depManifest = `${JSON.stringify({ name: dep, version: versionFromRange(range), main: 'index.js' }, null, 2)}\n`;
      const files: PackageFile[] = [{ path: joinPath(depDir, 'package.json'), text: depManifest }];
      const bulk = share - len(depManifest);
      if (bulk > 0) files.push(...bulkFiles(depDir, MAX_FILES_DEP, bulk, '.js'));
      await writePackageFiles(fs, files, `${seed}|${dep}`);
    }

    for (const [bin, file] of bins) {
      const link = joinPath(target.binDir, bin);
      await fs.mkdir(target.binDir, { recursive: true });
      await fs.rm(link, { force: true });
      await fs.symlink(relativeLink(target.binDir, file), link);
    }
    if (cache !== undefined && !cached) await writeCache(ctx, cache, p, footprint, catalog.data.cacheRatio);
    outcome.added += p.packages;
    outcome.names.push(p.name);
    outcome.bytes += footprint;
  }
  outcome.seconds = cost.total - before;
  return outcome;
}

/** npm's hidden lockfile and package-lock.json entries for a plan (lockfileVersion 3). */
export function lockPackages(catalog: NpmCatalog, plan: readonly PlannedPackage[]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  const entry = (name: string, version: string, dev: boolean, extra: Record<string, unknown> = {}) => ({
    version,
    resolved: `${catalog.data.registry}/${name}/-/${name.split('/').pop() ?? name}-${version}.tgz`,
    integrity: integrityOf(`${name}@${version}`),
    ...(dev ? { dev: true } : {}),
    ...extra,
  });
  for (const p of [...plan].sort((a, b) => a.name.localeCompare(b.name))) {
    out[`node_modules/${p.name}`] = entry(p.name, p.pkg.version, p.dev, {
      ...(Object.keys(p.pkg.dependencies).length > 0 ? { dependencies: p.pkg.dependencies } : {}),
      ...(Object.keys(p.pkg.bin).length > 0 ? { bin: p.pkg.bin } : {}),
    });
    for (const [dep, range] of p.deps) {
      const key = `node_modules/${dep}`;
      const existing = out[key];
      if (existing === undefined) out[key] = entry(dep, versionFromRange(range), p.dev);
      else if (!p.dev) delete existing.dev;
    }
  }
  return out;
}

export async function writeHiddenLock(fs: ShellFs, nodeModules: string, name: string, version: string, packages: Record<string, Record<string, unknown>>): Promise<void> {
  await fs.mkdir(nodeModules, { recursive: true });
  await writeJsonFile(fs, joinPath(nodeModules, '.package-lock.json'), { name, version, lockfileVersion: 3, requires: true, packages });
}
