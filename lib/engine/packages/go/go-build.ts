import { joinPath, resolvePath, type CommandContext } from '@/lib/shell';
import { detectLibc, findOnPath } from '../shared/image-facts';
import type { SimulatedCost } from '../shared/simulated-cost';
import { writeSyntheticFile } from '../shared/write-files';
import { fnvHex, goBinarySeed, type GoBinaryInfo } from './go-binary-marker';
import type { GoCatalog } from './go-catalog';
import { findGoMod, gocache, moduleClosure, type GoMod, type ModuleVersion } from './go-mod';
import { ensureModules } from './go-modules';
import { binaryName, patternDirs, readPackage, relativePath, type GoPackage } from './go-sources';
import { parseGoFlags } from './go-flags';

/**
 * `go build`: finds the packages, checks every import is provided (stdlib, the main module or a
 * required module), downloads missing modules, charges compile time for what the build cache
 * lacks, and writes the binary: synthetic content of the modeled size whose seed is the marker of
 * go-binary-marker.ts (static or dynamic, and against which libc).
 *
 * Size model: stdlib base (runtime + fmt) + the net stack when imported + each linked module's
 * `binaryBytes`; `-ldflags "-s -w"` multiplies by the catalog's stripRatio. Linking: with cgo on
 * (CGO_ENABLED=1, or unset and gcc on PATH, as go decides) a program using net or os/user links
 * libc dynamically; otherwise the binary is static.
 */
const LINK_SECONDS = 0.5;

export async function goBuild(ctx: CommandContext, catalog: GoCatalog, cost: SimulatedCost): Promise<number> {
  const usage = 'usage: go build [-o output] [build flags] [packages]\nRun \'go help build\' for details.\n';
  const flags = parseGoFlags(ctx.args.slice(1), ['o', 'ldflags', 'tags', 'gcflags', 'installsuffix', 'mod', 'p', 'buildmode', 'asmflags'], ['v', 'x', 'a', 'n', 'trimpath', 'race', 'work', 'buildvcs']);
  if ('error' in flags) {
    ctx.stderr.write(`${flags.error}\n${usage}`);
    return 2;
  }
  const mod = await findGoMod(ctx.fs, ctx.cwd);
  if (mod === undefined) {
    ctx.stderr.write("go: go.mod file not found in current directory or any parent directory; see 'go help modules'\n");
    return 1;
  }
  const patterns = flags.operands.length > 0 ? flags.operands : ['.'];
  const roots: GoPackage[] = [];
  for (const pattern of patterns) {
    const dirs = await patternDirs(ctx.fs, ctx.cwd, pattern, mod);
    for (const dir of dirs) {
      const pkg = await readPackage(ctx.fs, dir, ctx.cwd);
      if (pkg !== undefined) roots.push(pkg);
      else if (!pattern.endsWith('...')) {
        ctx.stderr.write(`no Go files in ${dir}\n`);
        return 1;
      }
    }
    if (dirs.length === 0 && pattern.endsWith('...')) ctx.stderr.write(`go: warning: "${pattern}" matched no packages\n`);
  }

  const graph = moduleClosure(mod, catalog);
  const linked = await linkedModules(ctx, catalog, mod, graph, roots);
  if ('error' in linked) {
    ctx.stderr.write(linked.error);
    return 1;
  }
  const failure = await ensureModules(ctx, catalog, cost, linked.modules, (line) => ctx.stderr.write(`${line}\n`));
  if (failure !== undefined) {
    ctx.stderr.write(`${failure.message}\n`);
    return 1;
  }

  const std = catalog.go.stdlib;
  const usesNet = linked.std.some((p) => std.netPackages.includes(p) || p.startsWith('net/')) || linked.modules.some((m) => catalog.modules[m.path]?.usesNet === true);
  const cgo = await cgoEnabled(ctx);
  const units = [
    { key: 'std', bytes: std.baseCacheBytes, seconds: std.baseCompileSeconds, binary: std.baseBinaryBytes },
    ...(usesNet ? [{ key: 'std-net', bytes: std.netCacheBytes, seconds: std.netCompileSeconds, binary: std.netBinaryBytes }] : []),
    ...linked.modules.map((m) => {
      const info = catalog.modules[m.path];
      const binary = info?.binaryBytes ?? 0;
      return { key: `${m.path}@${m.version}`, bytes: Math.round(binary * catalog.go.cacheBytesPerBinaryByte), seconds: info?.compileSeconds ?? 0, binary };
    }),
  ];
  const cacheDir = gocache(ctx.env);
  for (const unit of units) {
    const hash = fnvHex([unit.key, cgo ? 'cgo' : 'nocgo']);
    const path = joinPath(cacheDir, `${hash.slice(0, 2)}/${hash}-d`);
    if (await ctx.fs.exists(path).catch(() => false)) continue;
    if (unit.bytes > 0) await writeSyntheticFile(ctx.fs, path, unit.bytes, `go-build-cache:${unit.key}`, 0o644);
    cost.work(unit.seconds);
  }
  if (!(await ctx.fs.exists(joinPath(cacheDir, 'README')).catch(() => false))) {
    await ctx.fs.mkdir(cacheDir, { recursive: true });
    await ctx.fs.writeFile(joinPath(cacheDir, 'README'), 'This directory holds cached build artifacts from the Go build system.\n');
  }

  const mains = roots.filter((p) => p.name === 'main');
  if (flags.flags.has('v')) for (const p of roots) ctx.stderr.write(`${p.dir === mod.dir ? mod.module : `${mod.module}/${relativePath(mod.dir, p.dir)}`}\n`);
  const output = flags.values.get('o');
  if (mains.length === 0 || (output === undefined && roots.length > 1)) return 0; // go discards non-main and multi-package results
  const outDir = output === undefined ? ctx.cwd : await asDirectory(ctx, output);
  if (mains.length > 1 && outDir === undefined) {
    ctx.stderr.write('go: cannot write multiple packages to non-directory ' + (output ?? '') + '\n');
    return 1;
  }
  const stripped = /(^|\s)-s(\s|$)/.test(flags.values.get('ldflags') ?? '') ? catalog.go.stripRatio : 1;
  const size = Math.round(units.reduce((n, u) => n + u.binary, 0) * stripped);
  const libc = await detectLibc(ctx.fs);
  for (const main of mains) {
    const dynamic = cgo && usesNet;
    const info: GoBinaryInfo = {
      linkage: dynamic ? 'dynamic' : 'static',
      libc: dynamic ? (libc ?? 'glibc') : 'none',
      goos: ctx.env.GOOS ?? 'linux',
      goarch: ctx.env.GOARCH ?? 'amd64',
      digest: fnvHex([...main.sources, ...linked.modules.map((m) => `${m.path}@${m.version}`), String(size)]),
    };
    const target = outDir !== undefined ? joinPath(outDir, binaryName(main.dir, mod)) : resolvePath(ctx.cwd, output ?? binaryName(main.dir, mod));
    await writeSyntheticFile(ctx.fs, target, size + main.sources.join('').length, goBinarySeed(info), 0o755);
    cost.work(LINK_SECONDS);
  }
  return 0;
}

/** `-o dir/` or an existing directory: binaries go inside it; otherwise undefined (a file path). */
async function asDirectory(ctx: CommandContext, output: string): Promise<string | undefined> {
  const path = resolvePath(ctx.cwd, output);
  if (output.endsWith('/')) return path;
  try {
    return (await ctx.fs.stat(path)).type === 'dir' ? path : undefined;
  } catch {
    return undefined;
  }
}

/** CGO_ENABLED as go decides it: explicit, else on when a C compiler is on PATH. */
async function cgoEnabled(ctx: CommandContext): Promise<boolean> {
  const set = ctx.env.CGO_ENABLED;
  if (set !== undefined && set !== '') return set === '1';
  const cc = ctx.env.CC ?? 'gcc';
  return (cc.includes('/') ? await ctx.fs.exists(cc).catch(() => false) : (await findOnPath(ctx, cc)) !== undefined);
}

/**
 * Follows imports from the root packages through the main module's own packages; returns the
 * stdlib packages used and the modules linked (imported ones plus what they require).
 */
async function linkedModules(ctx: CommandContext, catalog: GoCatalog, mod: GoMod, graph: readonly ModuleVersion[], roots: readonly GoPackage[]): Promise<{ std: string[]; modules: ModuleVersion[] } | { error: string }> {
  const std = new Set<string>();
  const used = new Map<string, ModuleVersion>();
  const seen = new Set(roots.map((r) => r.dir));
  const queue = [...roots];
  const byLength = [...graph].sort((a, b) => b.path.length - a.path.length);
  while (queue.length > 0) {
    const pkg = queue.shift() as GoPackage;
    for (const imp of pkg.imports) {
      const first = imp.path.split('/')[0] ?? '';
      if (!first.includes('.')) {
        std.add(imp.path);
        continue;
      }
      if (imp.path === mod.module || imp.path.startsWith(`${mod.module}/`)) {
        const dir = joinPath(mod.dir, imp.path.slice(mod.module.length + 1));
        if (seen.has(dir)) continue;
        seen.add(dir);
        const local = await readPackage(ctx.fs, dir, ctx.cwd);
        if (local === undefined) return { error: `${imp.file}:${imp.line}:${imp.col}: package ${imp.path} is not in std (${joinPath('/usr/local/go/src', imp.path)})\n` };
        queue.push(local);
        continue;
      }
      const m = byLength.find((g) => imp.path === g.path || imp.path.startsWith(`${g.path}/`));
      if (m === undefined) return { error: `${imp.file}:${imp.line}:${imp.col}: no required module provides package ${imp.path}; to add it:\n\tgo get ${imp.path}\n` };
      used.set(m.path, m);
    }
  }
  // A linked module links what it requires (the catalog's graph, at the versions go.mod chose).
  const linked = new Map(used);
  const pending = [...used.keys()];
  while (pending.length > 0) {
    for (const pin of catalog.modules[pending.shift() as string]?.requires ?? []) {
      const path = pin.slice(0, pin.lastIndexOf('@'));
      const chosen = graph.find((g) => g.path === path);
      if (chosen !== undefined && !linked.has(path)) {
        linked.set(path, chosen);
        pending.push(path);
      }
    }
  }
  return { std: [...std], modules: [...linked.values()].sort((a, b) => (a.path < b.path ? -1 : 1)) };
}
