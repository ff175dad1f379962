import { z } from 'zod';
import raw from '../../../../content/catalog/npm/packages.json';
import { lazyCatalog, parseCatalog } from '../shared/catalog-loader';

/**
 * content/catalog/npm/packages.json: npm packages at one version each, with the package's own
 * unpacked size and the measured size of the whole node_modules tree it brings (big trees are
 * kept as a total plus their top-level dependencies, see the file's `notes`).
 */

export const NPM_CATALOG_FILE = 'content/catalog/npm/packages.json';

const packageSchema = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+/, 'expected a semver version'),
    unpackedSize: z.number().int().positive(),
    installedSize: z.number().int().positive(),
    files: z.number().int().positive(),
    packages: z.number().int().positive(),
    dependencies: z.record(z.string(), z.string()),
    bin: z.record(z.string(), z.string()),
    bundleSize: z.number().int().nonnegative().optional(),
    source: z.string().min(1),
  })
  .strict()
  .refine((p) => p.installedSize >= p.unpackedSize, { message: 'installedSize must include the package itself', path: ['installedSize'] });

export const npmCatalogSchema = z
  .object({
    registry: z.string().url(),
    npmVersion: z.string(),
    yarnVersion: z.string(),
    cacheRatio: z.number().positive().max(1),
    notes: z.record(z.string(), z.string()),
    packages: z.record(z.string(), packageSchema),
  })
  .strict();

export type NpmCatalogData = z.output<typeof npmCatalogSchema>;
export type NpmPackage = NpmCatalogData['packages'][string];

export interface NpmCatalog {
  readonly data: NpmCatalogData;
  get(name: string): NpmPackage | undefined;
}

export function parseNpmCatalog(json: unknown, file = NPM_CATALOG_FILE): NpmCatalog {
  const data = parseCatalog(npmCatalogSchema, json, file);
  const byName = new Map(Object.entries(data.packages));
  return { data, get: (name) => byName.get(name) };
}

export const loadNpmCatalog = lazyCatalog(() => parseNpmCatalog(raw));
