import { z } from 'zod';
import { formatIssues } from '@/lib/util';
import { PackageCatalogError } from './catalog-error';
import { parseRelations, relationsOf, type RelationGroup } from './relations';

/**
 * The apt catalog (`content/catalog/apt/*.json`): one distribution release's packages with the
 * fields `apt-cache show` prints, plus what the model needs to write them (a few real paths and a
 * synthetic bulk) and the index files `apt-get update` leaves in /var/lib/apt/lists.
 */
const pathSchema = z.string().regex(/^\/(?:[^/\0]+\/)*[^/\0]+$/, { error: 'expected an absolute path such as "/usr/bin/curl"' });
const bytesSchema = z.number().int({ error: 'expected a whole number of bytes' }).nonnegative({ error: 'must be 0 or more' });
const relationSchema = z.string().superRefine((text, ctx) => {
  const parsed = parseRelations(text);
  if (!Array.isArray(parsed)) ctx.addIssue({ code: 'custom', message: parsed.error });
});

export const catalogFileSchema = z.union([
  z.strictObject({ path: pathSchema, bytes: bytesSchema, mode: z.string().regex(/^[0-7]{3,4}$/, { error: 'expected an octal mode such as "0755"' }).optional() }),
  z.strictObject({ path: pathSchema, symlink: z.string().min(1) }),
  // A small file whose content matters to a later command (e.g. python3's EXTERNALLY-MANAGED).
  z.strictObject({ path: pathSchema, text: z.string(), mode: z.string().regex(/^[0-7]{3,4}$/, { error: 'expected an octal mode such as "0644"' }).optional() }),
]);
export const bulkSchema = z.strictObject({ dir: pathSchema, bytes: bytesSchema });

const aptPackageSchema = z.strictObject({
  version: z.string().regex(/^(?:\d+:)?[0-9][A-Za-z0-9.+~-]*$/, { error: 'expected a Debian version such as "1:2.3-4"' }),
  architecture: z.enum(['amd64', 'all']),
  section: z.string(),
  priority: z.string(),
  installedSizeKiB: z.number().int().positive({ error: 'must be at least 1 KiB' }),
  downloadBytes: bytesSchema,
  summary: z.string(),
  maintainer: z.string(),
  preDepends: relationSchema.optional(),
  depends: relationSchema.optional(),
  recommends: relationSchema.optional(),
  provides: relationSchema.optional(),
  files: z.array(catalogFileSchema).optional(),
  bulk: bulkSchema,
  installSeconds: z.number().nonnegative(),
});

const indexSchema = z.strictObject({ uri: z.string().url(), suite: z.string(), name: z.string(), downloadBytes: bytesSchema, file: z.string().regex(/^[^/]+$/), bytes: bytesSchema });

export const aptCatalogSchema = z.strictObject({
  schema: z.literal('layerlab.apt-catalog/1'),
  distribution: z.string(),
  release: z.string(),
  architecture: z.string(),
  source: z.string().min(1, { error: 'say where the figures come from' }),
  releases: z.record(z.string(), z.string()).optional(),
  bandwidthBytesPerSecond: z.number().positive(),
  lists: z.strictObject({ source: z.string(), indexes: z.array(indexSchema).min(1) }),
  packages: z.record(z.string().regex(/^[a-z0-9][a-z0-9+.-]+$/, { error: 'expected a Debian package name' }), aptPackageSchema),
});

export type AptCatalogFile = z.infer<typeof aptCatalogSchema>;
export type AptPackageData = z.infer<typeof aptPackageSchema>;

export interface AptPackage extends AptPackageData {
  name: string;
  /** Parsed Pre-Depends + Depends. */
  requires: RelationGroup[];
  recommended: RelationGroup[];
}

export interface AptCatalog {
  file: AptCatalogFile;
  packages: ReadonlyMap<string, AptPackage>;
  /** Virtual name → real packages providing it (`netcat` → netcat-openbsd, netcat-traditional). */
  providers: ReadonlyMap<string, readonly string[]>;
}

/** Validates catalog JSON; throws PackageCatalogError listing every problem with its path. */
export function loadAptCatalog(json: unknown, label = 'apt catalog'): AptCatalog {
  const parsed = aptCatalogSchema.safeParse(json);
  if (!parsed.success) throw new PackageCatalogError('invalid-catalog', formatIssues(label, parsed.error.issues));
  const file = parsed.data;
  const packages = new Map<string, AptPackage>();
  const providers = new Map<string, string[]>();
  for (const [name, data] of Object.entries(file.packages)) {
    packages.set(name, { ...data, name, requires: [...relationsOf(data.preDepends), ...relationsOf(data.depends)], recommended: relationsOf(data.recommends) });
    for (const group of relationsOf(data.provides)) for (const rel of group) providers.set(rel.name, [...(providers.get(rel.name) ?? []), name]);
  }
  // A dependency nobody can satisfy would only surface as a confusing install failure later.
  const problems: string[] = [];
  for (const pkg of packages.values()) {
    pkg.requires.forEach((group, i) => {
      if (!group.some((rel) => packages.has(rel.name) || providers.has(rel.name))) problems.push(`${label}: packages.${pkg.name}.depends[${i}]: no package in the catalog satisfies "${group.map((r) => r.name).join(' | ')}"`);
    });
  }
  if (problems.length > 0) throw new PackageCatalogError('unknown-dependency', problems);
  return { file, packages, providers };
}
