import { joinPath, type CommandContext } from '@/lib/shell';
import type { SimulatedCost } from '../shared/simulated-cost';
import { bulkFiles, writePackageFiles, writeSyntheticFile } from '../shared/write-files';
import type { GoCatalog } from './go-catalog';
import { escapeModulePath, gomodcache, type ModuleVersion } from './go-mod';

/**
 * Filling the module cache the way `go mod download` does: the zip, .mod and .info under
 * cache/download (what `go clean -modcache` and a cache mount keep) and the extracted, read-only
 * tree at `<path>@<version>`. A module already there is not fetched again, so a layer that
 * re-runs download after an unchanged go.mod adds nothing.
 */

/** Extracted files per module are collapsed to at most this many: sizes stay exact, trees stay small. */
const MAX_FILES_PER_MODULE = 40;
/** Unzipping speed for the simulated clock. */
const EXTRACT_BYTES_PER_SECOND = 150e6;

export interface DownloadFailure {
  message: string;
}

/** The proxy's 404 for a module the catalog does not know, in go's words. */
export function missingModuleMessage(m: ModuleVersion): string {
  const esc = escapeModulePath(m.path);
  return `go: ${m.path}@${m.version}: reading https://proxy.golang.org/${esc}/@v/${m.version}.mod: 404 Not Found\n\tserver response: not found: ${m.path}@${m.version}: invalid version: unknown revision ${m.version}`;
}

export function moduleDir(env: Readonly<Record<string, string>>, m: ModuleVersion): string {
  return joinPath(gomodcache(env), `${escapeModulePath(m.path)}@${m.version}`);
}

/**
 * Downloads each module not yet in the cache. Returns the failure for the first unknown module
 * (go stops there too) or undefined; `log` receives `go: downloading ...` lines (go build prints
 * them, go mod download is quiet unless -x).
 */
export async function ensureModules(
  ctx: CommandContext,
  catalog: GoCatalog,
  cost: SimulatedCost,
  modules: readonly ModuleVersion[],
  log?: (line: string) => void,
): Promise<DownloadFailure | undefined> {
  for (const m of modules) {
    if (catalog.modules[m.path] === undefined) return { message: missingModuleMessage(m) };
  }
  const cache = gomodcache(ctx.env);
  for (const m of modules) {
    const info = catalog.modules[m.path];
    if (info === undefined) continue;
    const dir = moduleDir(ctx.env, m);
    if (await ctx.fs.exists(dir).catch(() => false)) continue;
    log?.(`go: downloading ${m.path} ${m.version}`);
    const dl = joinPath(cache, `cache/download/${escapeModulePath(m.path)}/@v`);
    await writePackageFiles(
      ctx.fs,
      [
        { path: `${dl}/${m.version}.info`, text: `{"Version":"${m.version}","Time":"2023-06-01T00:00:00Z"}` },
        { path: `${dl}/${m.version}.mod`, text: `module ${m.path}\n` },
      ],
      `go-mod:${m.path}@${m.version}`,
    );
    await writeSyntheticFile(ctx.fs, `${dl}/${m.version}.zip`, info.zipBytes, `go-mod-zip:${m.path}@${m.version}`, 0o644);
    const files = bulkFiles(dir, Math.min(info.files, MAX_FILES_PER_MODULE), info.extractedBytes, '.go').map((f) => ({ ...f, mode: 0o444 }));
    await writePackageFiles(ctx.fs, files, `go-mod:${m.path}@${m.version}`);
    cost.download(info.zipBytes);
    cost.work(info.extractedBytes / EXTRACT_BYTES_PER_SECOND);
  }
  return undefined;
}
