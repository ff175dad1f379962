import { z } from 'zod';
import modulesJson from '../../../../content/catalog/go/modules.json';
import { lazyCatalog, parseCatalog } from '../shared/catalog-loader';

/**
 * content/catalog/go/modules.json: the Go toolchain's figures (what the stdlib adds to a binary)
 * and the modules `go mod download` / `go build` know, with their sizes. A module not listed here
 * behaves like one the proxy does not have (404), so lessons stay within figures we can source.
 */
const size = z.number().int().nonnegative();
const modulePin = z.string().regex(/^[^@\s]+@v\d[^@\s]*$/, 'expected module@version');

const moduleSchema = z.strictObject({
  versions: z.array(z.string().regex(/^v\d/, 'expected a version like v1.2.3')).min(1),
  zipBytes: size,
  extractedBytes: size,
  files: z.number().int().positive(),
  /** What linking the module adds to a binary (0: fetched but not linked by default). */
  binaryBytes: size,
  compileSeconds: z.number().nonnegative(),
  /** Imports net (directly or via net/http): with cgo on, the binary links libc dynamically. */
  usesNet: z.boolean().optional(),
  requires: z.array(modulePin),
  note: z.string().optional(),
});

export const goCatalogSchema = z.strictObject({
  source: z.string().min(1),
  go: z.strictObject({
    version: z.string(),
    goroot: z.string().startsWith('/'),
    stdlib: z.strictObject({
      baseBinaryBytes: size,
      baseCompileSeconds: z.number().nonnegative(),
      baseCacheBytes: size,
      netBinaryBytes: size,
      netCompileSeconds: z.number().nonnegative(),
      netCacheBytes: size,
      netPackages: z.array(z.string()),
    }),
    /** Size factor for `-ldflags="-s -w"` (no symbol table, no DWARF). */
    stripRatio: z.number().positive().max(1),
    cacheBytesPerBinaryByte: z.number().nonnegative(),
  }),
  modules: z.record(z.string().regex(/^[a-z0-9.-]+\.[a-z]+\/\S+$/, 'expected a module path like github.com/owner/name'), moduleSchema),
});

export type GoCatalog = z.output<typeof goCatalogSchema>;
export type GoModuleInfo = GoCatalog['modules'][string];

export const GO_CATALOG_FILE = 'content/catalog/go/modules.json';

export function parseGoCatalog(json: unknown, file = GO_CATALOG_FILE): GoCatalog {
  return parseCatalog(goCatalogSchema, json, file);
}

/** The bundled catalog, parsed on first use. */
export const bundledGoCatalog = lazyCatalog(() => parseGoCatalog(modulesJson));
