import { pickDistribution, pickVersion, type PipCatalog, type PipPackage, type PipVersion } from './pip-catalog';
import type { InstalledDist, PythonEnv } from './python-env';
import { markerHolds, normalizeName, parseRequirement, satisfies, type Requirement } from './versions';

/**
 * pip's resolver, reduced to what the catalog needs: walk requirements breadth-first, take the
 * newest version that matches the specifier and whose Requires-Python admits the interpreter,
 * skip what is already installed and satisfies (unless --upgrade), follow dependencies whose
 * markers hold. Collects the lines pip prints while collecting.
 */

export interface Planned {
  key: string;
  pkg: PipPackage;
  version: PipVersion;
  dist: { file: string; size: number; source: boolean };
  /** The installation this one replaces (an --upgrade or a different pin). */
  replaces?: InstalledDist;
  /** Depth-first post-order position: dependencies install before their dependents. */
  order: number;
}

export type ResolveResult = { ok: true; plan: Planned[]; lines: string[] } | { ok: false; lines: string[]; errors: string[] };

export interface ResolveOptions {
  upgrade: boolean;
  forceReinstall: boolean;
  noDeps: boolean;
}

function notFound(req: Requirement, pkg: PipPackage | undefined, env: PythonEnv): string[] {
  const errors: string[] = [];
  const versions = pkg === undefined ? [] : pkg.versions.filter((v) => satisfies(env.version, v.requiresPython));
  const ignored = pkg === undefined ? [] : pkg.versions.filter((v) => !satisfies(env.version, v.requiresPython));
  if (ignored.length > 0) {
    const list = ignored.map((v) => `${v.version} Requires-Python ${v.requiresPython}`).join('; ');
    errors.push(`ERROR: Ignored the following versions that require a different python version: ${list}`);
  }
  const from = versions.length === 0 ? 'none' : versions.map((v) => v.version).join(', ');
  errors.push(`ERROR: Could not find a version that satisfies the requirement ${req.text} (from versions: ${from})`);
  errors.push(`ERROR: No matching distribution found for ${req.text}`);
  return errors;
}

export function resolve(
  requested: readonly Requirement[],
  catalog: PipCatalog,
  env: PythonEnv,
  installed: ReadonlyMap<string, InstalledDist>,
  options: ResolveOptions,
  cached: (file: string) => boolean,
): ResolveResult {
  const lines: string[] = [];
  const chosen = new Map<string, Planned>();
  const satisfied = new Set<string>();
  let order = 0;

  // Depth-first so that order numbers put dependencies first, the way pip's installer sorts.
  const visit = (req: Requirement, top: boolean): string[] | undefined => {
    const key = normalizeName(req.name);
    if (chosen.has(key) || satisfied.has(key)) return undefined;
    const pkg = catalog.get(req.name);
    const have = installed.get(key);
    if (have !== undefined && satisfies(have.version, req.specifier) && !(top && (options.upgrade || options.forceReinstall))) {
      lines.push(`Requirement already satisfied: ${req.text === req.name ? req.name : req.text} in ${have.site} (${have.version})`);
      satisfied.add(key);
      if (pkg === undefined || options.noDeps) return undefined;
      const v = pkg.versions.find((x) => x.version === have.version);
      return v === undefined ? undefined : visitDeps(v);
    }
    if (pkg === undefined) return notFound(req, undefined, env);
    const { version } = pickVersion(pkg, req.specifier, env.version);
    if (version === undefined) return notFound(req, pkg, env);
    if (have !== undefined && have.version === version.version && !options.forceReinstall) {
      lines.push(`Requirement already satisfied: ${req.text} in ${have.site} (${have.version})`);
      satisfied.add(key);
      return undefined;
    }
    const dist = pickDistribution(version, env.libc, env.tag);
    if (dist === undefined) return notFound(req, undefined, env);
    lines.push(`Collecting ${req.text}`);
    const kb = `${Math.max(1, Math.round(dist.size / 1000)).toLocaleString('en-US')} kB`;
    const size = dist.size >= 1e6 ? `${(dist.size / 1e6).toFixed(1)} MB` : kb;
    lines.push(`  ${cached(dist.file) ? 'Using cached' : 'Downloading'} ${dist.file} (${size})`);
    if (dist.source) lines.push(`  Preparing metadata (${version.wheels.sdist !== undefined ? 'setup.py' : 'pyproject.toml'}) ... done`);
    const planned: Planned = { key, pkg, version, dist, order: 0, ...(have === undefined ? {} : { replaces: have }) };
    chosen.set(key, planned);
    const failed = options.noDeps ? undefined : visitDeps(version);
    planned.order = order++;
    return failed;
  };

  const visitDeps = (v: PipVersion): string[] | undefined => {
    for (const text of v.dependencies) {
      const dep = parseRequirement(text);
      if (dep === undefined || !markerHolds(dep.marker, env.version)) continue;
      const failed = visit(dep, false);
      if (failed !== undefined) return failed;
    }
    return undefined;
  };

  for (const req of requested) {
    const failed = visit(req, true);
    if (failed !== undefined) return { ok: false, lines, errors: failed };
  }
  return { ok: true, lines, plan: [...chosen.values()].sort((a, b) => a.order - b.order) };
}
