import { z } from 'zod';
import raw from '../../../../content/catalog/pip/packages.json';
import { lazyCatalog, parseCatalog } from '../shared/catalog-loader';
import { compareVersions, markerHolds, normalizeName, satisfies } from './versions';

/**
 * content/catalog/pip/packages.json: PyPI projects with, per version, the wheel file pip would
 * download for each libc (or only an sdist), the Requires-Python range, the dependencies with
 * their markers, the installed footprint, and what a source build needs. See the file's `notes`.
 */

export const PIP_CATALOG_FILE = 'content/catalog/pip/packages.json';

const fileRef = z.object({ file: z.string().min(1), size: z.number().int().positive() }).strict();

const versionSchema = z
  .object({
    version: z.string().regex(/^\d+(\.\d+)*(\.?(post|rc|a|b|dev)\d*)?$/, 'expected a PEP 440 version'),
    requiresPython: z.string(),
    wheels: z.object({ pure: fileRef.optional(), glibc: fileRef.optional(), musl: fileRef.optional(), sdist: fileRef.optional() }).strict(),
    installedSize: z.number().int().positive(),
    files: z.number().int().positive().optional(),
    dependencies: z.array(z.string()),
    build: z
      .object({
        tools: z.array(z.string()),
        headers: z.array(z.object({ path: z.string().startsWith('/'), package: z.string(), error: z.string() }).strict()).optional(),
        seconds: z.number().nonnegative(),
      })
      .strict()
      .optional(),
    installSeconds: z.number().nonnegative().optional(),
  })
  .strict();

const packageSchema = z
  .object({
    name: z.string().min(1),
    imports: z.array(z.string()).min(1),
    scripts: z.array(z.string()),
    versions: z.array(versionSchema).min(1),
    source: z.string().min(1),
  })
  .strict();

export const pipCatalogSchema = z
  .object({
    index: z.string().url(),
    bandwidthBytesPerSecond: z.number().positive(),
    preinstalled: z.record(z.string(), z.string()),
    notes: z.record(z.string(), z.string()),
    packages: z.record(z.string(), packageSchema),
  })
  .strict();

export type PipCatalogData = z.output<typeof pipCatalogSchema>;
export type PipPackage = PipCatalogData['packages'][string];
export type PipVersion = PipPackage['versions'][number];

export interface PipCatalog {
  readonly data: PipCatalogData;
  get(name: string): PipPackage | undefined;
  /** Every import name a catalog package provides, mapped to its project key. */
  readonly importNames: ReadonlyMap<string, string>;
}

export function parsePipCatalog(json: unknown, file = PIP_CATALOG_FILE): PipCatalog {
  const data = parseCatalog(pipCatalogSchema, json, file);
  const byName = new Map(Object.entries(data.packages).map(([key, pkg]) => [normalizeName(key), pkg]));
  const importNames = new Map<string, string>();
  for (const [key, pkg] of Object.entries(data.packages)) for (const mod of pkg.imports) importNames.set(mod, key);
  return { data, get: (name) => byName.get(normalizeName(name)), importNames };
}

export const loadPipCatalog = lazyCatalog(() => parsePipCatalog(raw));

/** The distribution file pip picks for this libc: a wheel, else the sdist (a source build). */
export function pickDistribution(v: PipVersion, libc: 'glibc' | 'musl', pythonTag: string): { file: string; size: number; source: boolean } | undefined {
  const wheel = v.wheels.pure ?? v.wheels[libc];
  if (wheel !== undefined) return { file: wheel.file.replaceAll('{py}', pythonTag), size: wheel.size, source: false };
  // No wheel for this platform: pip falls back to the sdist, or a wheel-only project's sdist.
  const sdist = v.wheels.sdist ?? v.wheels.glibc ?? v.wheels.musl;
  if (sdist === undefined) return undefined;
  const file = v.wheels.sdist === undefined ? `${sdist.file.split('-').slice(0, 2).join('-')}.tar.gz` : sdist.file;
  return { file, size: sdist.size, source: true };
}

/** Newest version matching the specifier whose Requires-Python admits the interpreter. */
export function pickVersion(pkg: PipPackage, specifier: string, pythonVersion: string): { version?: PipVersion; ignored: PipVersion[] } {
  const sorted = [...pkg.versions].sort((a, b) => compareVersions(b.version, a.version));
  const ignored = sorted.filter((v) => !satisfies(pythonVersion, v.requiresPython));
  const version = sorted.find((v) => satisfies(v.version, specifier) && satisfies(pythonVersion, v.requiresPython));
  return version === undefined ? { ignored } : { version, ignored };
}

export { markerHolds };
