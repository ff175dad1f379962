import type { AptCatalog, AptPackage } from './apt-catalog';
import type { RelationGroup } from './relations';

/**
 * What `apt-get install` would do: the requested packages, their Pre-Depends/Depends and (unless
 * --no-install-recommends) Recommends, transitively, minus what is already installed — in an
 * order where each package comes after what it depends on, as dpkg unpacks them. Alternatives
 * (`a | b`) and virtual names take the first that is installed, else the first the catalog has.
 */
export interface InstallRequest {
  name: string;
  version?: string;
}

export interface InstallPlan {
  /** New packages, dependencies first. */
  install: AptPackage[];
  /** Requested packages that are already installed (apt: "is already the newest version"). */
  alreadyInstalled: AptPackage[];
  /** Recommends left out by --no-install-recommends (apt lists them as "Recommended packages"). */
  skippedRecommends: string[];
  /** apt's own lines for what could not be resolved: notes before the E: lines, then errors. */
  notes: string[];
  errors: string[];
}

export function resolveInstall(catalog: AptCatalog, requests: readonly InstallRequest[], installed: ReadonlySet<string>, withRecommends: boolean): InstallPlan {
  const plan: InstallPlan = { install: [], alreadyInstalled: [], skippedRecommends: [], notes: [], errors: [] };
  const roots: AptPackage[] = [];
  for (const req of requests) {
    const pkg = locate(catalog, req, plan);
    if (pkg === undefined) continue;
    if (installed.has(pkg.name)) plan.alreadyInstalled.push(pkg);
    else roots.push(pkg);
  }
  if (plan.errors.length > 0) return plan;

  const chosen = new Set<string>();
  const satisfied = (group: RelationGroup): boolean => group.some((rel) => isPresent(catalog, rel.name, installed) || isPresent(catalog, rel.name, chosen));
  const pick = (group: RelationGroup): AptPackage | undefined => {
    for (const rel of group) {
      const direct = catalog.packages.get(rel.name);
      if (direct !== undefined) return direct;
      const provider = catalog.providers.get(rel.name)?.[0];
      if (provider !== undefined) return catalog.packages.get(provider);
    }
    return undefined;
  };
  const skipped = new Set<string>();
  const visit = (pkg: AptPackage): void => {
    if (chosen.has(pkg.name) || installed.has(pkg.name)) return;
    chosen.add(pkg.name);
    for (const group of pkg.requires) if (!satisfied(group)) visitMaybe(pick(group));
    for (const group of pkg.recommended) {
      if (satisfied(group)) continue;
      if (withRecommends) visitMaybe(pick(group));
      else if (group[0] !== undefined) skipped.add(group[0].name);
    }
    plan.install.push(pkg);
  };
  const visitMaybe = (pkg: AptPackage | undefined): void => {
    if (pkg !== undefined) visit(pkg);
  };
  for (const root of roots) visit(root);
  plan.skippedRecommends = [...skipped].filter((name) => !chosen.has(name) && !installed.has(name)).sort();
  return plan;
}

function isPresent(catalog: AptCatalog, name: string, set: ReadonlySet<string>): boolean {
  if (set.has(name)) return true;
  return (catalog.providers.get(name) ?? []).some((p) => set.has(p));
}

/** A requested name as apt finds it, or undefined with apt's message recorded in the plan. */
function locate(catalog: AptCatalog, req: InstallRequest, plan: InstallPlan): AptPackage | undefined {
  const pkg = catalog.packages.get(req.name);
  if (pkg === undefined) {
    const providers = catalog.providers.get(req.name) ?? [];
    if (providers.length === 1) {
      const only = catalog.packages.get(providers[0] ?? '');
      if (only !== undefined) {
        plan.notes.push(`Note, selecting '${only.name}' instead of '${req.name}'`);
        return only;
      }
    }
    if (providers.length > 1) {
      const lines = providers.map((p) => `  ${p} ${catalog.packages.get(p)?.version ?? ''}`);
      plan.notes.push(`Package ${req.name} is a virtual package provided by:\n${lines.join('\n')}\n`);
      plan.errors.push(`E: Package '${req.name}' has no installation candidate`);
      return undefined;
    }
    plan.errors.push(`E: Unable to locate package ${req.name}`);
    return undefined;
  }
  if (req.version !== undefined && req.version !== pkg.version) {
    plan.errors.push(`E: Version '${req.version}' for '${req.name}' was not found`);
    return undefined;
  }
  return pkg;
}
