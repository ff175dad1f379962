import { z } from 'zod';
import { formatIssues } from '@/lib/util';
import { bulkSchema, catalogFileSchema, PackageCatalogError } from '../apt';

/**
 * The apk catalog (`content/catalog/apk/*.json`): one Alpine branch's packages with apk's
 * installed size (I:), download size (S:), runtime dependencies by name, what they provide, a few
 * real paths plus a synthetic bulk, and the APKINDEX files `apk update` caches.
 */
const bytesSchema = z.number().int({ error: 'expected a whole number of bytes' }).nonnegative({ error: 'must be 0 or more' });
const nameSchema = z.string().regex(/^[a-z0-9][a-z0-9+._-]*$/, { error: 'expected an apk package name' });

const apkPackageSchema = z.strictObject({
  version: z.string().regex(/^[0-9][0-9a-z._]*-r[0-9]+$/, { error: 'expected an apk version such as "8.5.0-r0"' }),
  installedBytes: bytesSchema,
  downloadBytes: bytesSchema,
  summary: z.string(),
  depends: z.array(nameSchema).optional(),
  provides: z.array(z.string()).optional(),
  files: z.array(catalogFileSchema).optional(),
  bulk: bulkSchema,
  installSeconds: z.number().nonnegative(),
});

export const apkCatalogSchema = z.strictObject({
  schema: z.literal('layerlab.apk-catalog/1'),
  distribution: z.string(),
  release: z.string(),
  architecture: z.string(),
  source: z.string().min(1, { error: 'say where the figures come from' }),
  bandwidthBytesPerSecond: z.number().positive(),
  index: z.strictObject({
    source: z.string(),
    distinctPackages: z.number().int().positive(),
    repositories: z.array(z.strictObject({ url: z.string().url(), file: z.string().regex(/^APKINDEX\.[0-9a-f]{8}\.tar\.gz$/), bytes: bytesSchema, description: z.string() })).min(1),
  }),
  packages: z.record(nameSchema, apkPackageSchema),
});

export type ApkCatalogFile = z.infer<typeof apkCatalogSchema>;
export type ApkPackage = z.infer<typeof apkPackageSchema> & { name: string };

export interface ApkCatalog {
  file: ApkCatalogFile;
  packages: ReadonlyMap<string, ApkPackage>;
  /** `procps` → procps-ng, `cmd:`-less provides as apk's solver sees them. */
  providers: ReadonlyMap<string, string>;
}

export function loadApkCatalog(json: unknown, label = 'apk catalog'): ApkCatalog {
  const parsed = apkCatalogSchema.safeParse(json);
  if (!parsed.success) throw new PackageCatalogError('invalid-catalog', formatIssues(label, parsed.error.issues));
  const packages = new Map<string, ApkPackage>();
  const providers = new Map<string, string>();
  for (const [name, data] of Object.entries(parsed.data.packages)) {
    packages.set(name, { ...data, name });
    for (const p of data.provides ?? []) providers.set(p.replace(/[~=<>].*$/, ''), name);
  }
  const problems: string[] = [];
  for (const pkg of packages.values()) {
    (pkg.depends ?? []).forEach((dep, i) => {
      if (!packages.has(dep) && !providers.has(dep)) problems.push(`${label}: packages.${JSON.stringify(pkg.name)}.depends[${i}]: no package in the catalog is "${dep}"`);
    });
  }
  if (problems.length > 0) throw new PackageCatalogError('unknown-dependency', problems);
  return { file: parsed.data, packages, providers };
}
