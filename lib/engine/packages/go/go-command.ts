import type { Command, CommandContext, CommandTable } from '@/lib/shell';
import { simulatedCost, type SimulatedCost } from '../shared/simulated-cost';
import { goBuild } from './go-build';
import type { GoCatalog } from './go-catalog';
import { parseGoFlags } from './go-flags';
import { findGoMod, gocache, gomodcache, gopath, moduleClosure } from './go-mod';
import { ensureModules, moduleDir } from './go-modules';

/**
 * The `go` command: `version`, `env`, `mod download|verify`, `build`. Anything else says it is
 * not modeled in go's own "unknown command" words (exit 2), so a lesson never silently no-ops.
 */
export interface GoOptions {
  catalog: GoCatalog;
  bandwidth: number;
}

const USAGE = "Go is a tool for managing Go source code.\n\nUsage:\n\n\tgo <command> [arguments]\n\nThe commands modeled here are: build, env, mod download, mod verify, version.\n";

export function goCommands(options: GoOptions): CommandTable {
  const go: Command = async (ctx) => {
    const cost = simulatedCost(ctx, options.bandwidth);
    const [sub, ...rest] = ctx.args;
    switch (sub) {
      case undefined:
      case 'help':
        ctx.stderr.write(USAGE);
        return 2;
      case 'version':
        ctx.stdout.write(`go version go${await goVersion(ctx, options.catalog)} ${goos(ctx)}/${goarch(ctx)}\n`);
        return 0;
      case 'env':
        return goEnv(ctx, options.catalog, rest);
      case 'mod':
        return goMod(ctx, options.catalog, cost, rest);
      case 'build':
        return goBuild(ctx, options.catalog, cost);
      default:
        ctx.stderr.write(`go ${sub}: unknown command\nRun 'go help' for usage.\n`);
        return 2;
    }
  };
  return { go };
}

const goos = (ctx: CommandContext): string => ctx.env.GOOS ?? 'linux';
const goarch = (ctx: CommandContext): string => ctx.env.GOARCH ?? 'amd64';

/** The toolchain's own VERSION file first (what `go version` really reads), then the image's ENV. */
async function goVersion(ctx: CommandContext, catalog: GoCatalog): Promise<string> {
  const root = ctx.env.GOROOT ?? catalog.go.goroot;
  try {
    const first = new TextDecoder().decode(await ctx.fs.readFile(`${root}/VERSION`)).split('\n')[0] ?? '';
    if (first.startsWith('go')) return first.slice(2);
  } catch {
    // no VERSION file: fall through
  }
  return ctx.env.GOLANG_VERSION ?? catalog.go.version;
}

async function goEnv(ctx: CommandContext, catalog: GoCatalog, args: readonly string[]): Promise<number> {
  const values: Record<string, string> = {
    CGO_ENABLED: ctx.env.CGO_ENABLED ?? '1',
    GOARCH: goarch(ctx),
    GOCACHE: gocache(ctx.env),
    GOMODCACHE: gomodcache(ctx.env),
    GOOS: goos(ctx),
    GOPATH: gopath(ctx.env),
    GOPROXY: ctx.env.GOPROXY ?? 'https://proxy.golang.org,direct',
    GOROOT: ctx.env.GOROOT ?? catalog.go.goroot,
    GOTOOLCHAIN: ctx.env.GOTOOLCHAIN ?? 'auto',
    GOVERSION: `go${await goVersion(ctx, catalog)}`,
  };
  const names = args.filter((a) => !a.startsWith('-'));
  if (names.length === 0) {
    for (const [k, v] of Object.entries(values)) ctx.stdout.write(`${k}='${v}'\n`);
    return 0;
  }
  // go env prints an empty line for a variable it does not know, not an error.
  for (const name of names) ctx.stdout.write(`${values[name] ?? ctx.env[name] ?? ''}\n`);
  return 0;
}

async function goMod(ctx: CommandContext, catalog: GoCatalog, cost: SimulatedCost, args: readonly string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'download' && verb !== 'verify') {
    ctx.stderr.write(verb === undefined ? "Go mod provides access to operations on modules.\n\nUsage:\n\n\tgo mod <command> [arguments]\n" : `go mod ${verb}: unknown command\nRun 'go help mod' for usage.\n`);
    return 2;
  }
  const flags = parseGoFlags(rest, ['modcacherw'], ['x', 'json', 'reuse']);
  if ('error' in flags) {
    ctx.stderr.write(`${flags.error}\nusage: go mod ${verb} [flags]\nRun 'go help mod ${verb}' for details.\n`);
    return 2;
  }
  const mod = await findGoMod(ctx.fs, ctx.cwd);
  if (mod === undefined) {
    ctx.stderr.write("go: go.mod file not found in current directory or any parent directory; see 'go help modules'\n");
    return 1;
  }
  const graph = moduleClosure(mod, catalog);
  if (verb === 'verify') {
    for (const m of graph) {
      if (!(await ctx.fs.exists(moduleDir(ctx.env, m)).catch(() => false))) {
        ctx.stderr.write(`${m.path} ${m.version}: missing ziphash: open hash: no such file or directory\n`);
        return 1;
      }
    }
    ctx.stdout.write('all modules verified\n');
    return 0;
  }
  if (graph.length === 0) {
    ctx.stderr.write('go: no module dependencies to download\n');
    return 0;
  }
  const wanted = flags.operands.length === 0 ? graph : graph.filter((m) => flags.operands.some((o) => o === m.path || o === `${m.path}@${m.version}`));
  const failure = await ensureModules(ctx, catalog, cost, wanted, flags.flags.has('x') ? (line) => ctx.stderr.write(`${line}\n`) : undefined);
  if (failure !== undefined) {
    ctx.stderr.write(`${failure.message}\n`);
    return 1;
  }
  return 0;
}
