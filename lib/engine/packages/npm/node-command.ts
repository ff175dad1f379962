import { dirName, joinPath, type Command, type CommandContext } from '@/lib/shell';
import { followLinks } from '../shared/image-facts';
import { TOOLS } from './build-tools';
import type { NpmCatalog } from './npm-catalog';
import { modeledBinOf } from './npm-install';
import { readText } from './npm-project';

/**
 * `node`: `-v`, `-e CODE`, `SCRIPT [args]`. JavaScript is not interpreted: a script succeeds when
 * every module it requires or imports is a Node built-in, a local file or a package installed in a
 * node_modules directory above it, and fails with Node 18's MODULE_NOT_FOUND otherwise; top-level
 * `console.log("literal")` lines are echoed and a literal `process.exit(n)` sets the exit code.
 * npm's and npx's own entry scripts and the bins npm install writes dispatch to the modeled tools.
 */

const BUILTINS = new Set(
  'assert async_hooks buffer child_process cluster console constants crypto dgram diagnostics_channel dns domain events fs http http2 https inspector module net os path perf_hooks process punycode querystring readline repl stream string_decoder sys timers tls trace_events tty url util v8 vm wasi worker_threads zlib test'.split(' '),
);

export const nodeVersion = (ctx: CommandContext) => (ctx.env.NODE_VERSION ?? '18.19.0').replace(/^v/, '');

function moduleNotFound(ctx: CommandContext, request: string, stack: readonly string[]): number {
  const requireStack = stack.length === 0 ? '' : `\nRequire stack:\n${stack.map((s) => `- ${s}`).join('\n')}`;
  ctx.stderr.write(
    `node:internal/modules/cjs/loader:1080\n  throw err;\n  ^\n\nError: Cannot find module '${request}'${requireStack}\n` +
      '    at Module._resolveFilename (node:internal/modules/cjs/loader:1077:15)\n' +
      '    at Module._load (node:internal/modules/cjs/loader:922:27)\n' +
      (stack.length > 0 ? '    at Module.require (node:internal/modules/cjs/loader:1143:19)\n    at require (node:internal/modules/cjs/helpers:119:18)\n' : '') +
      '    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:86:12)\n' +
      `    at node:internal/main/run_main_module:23:47 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: [${stack.length === 0 ? '' : ` ${stack.map((s) => `'${s}'`).join(', ')} `}]\n}\n\nNode.js v${nodeVersion(ctx)}\n`,
  );
  return 1;
}

function requestsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/\brequire\(\s*(['"])([^'"]+)\1\s*\)|^\s*import\s+(?:[^'";]*?\s+from\s+)?(['"])([^'"]+)\3/gm)) found.push(m[2] ?? m[4] ?? '');
  return found.filter((r) => r !== '');
}

async function exists(ctx: CommandContext, path: string): Promise<boolean> {
  return ctx.fs.exists(path).catch(() => false);
}

async function resolvesLocal(ctx: CommandContext, path: string): Promise<boolean> {
  for (const candidate of [path, `${path}.js`, `${path}.json`, `${path}.mjs`, `${path}.cjs`, `${path}/index.js`]) {
    const st = await ctx.fs.stat(candidate).catch(() => undefined);
    if (st?.type === 'file') return true;
  }
  return false;
}

async function resolvesPackage(ctx: CommandContext, request: string, fromDir: string): Promise<boolean> {
  const parts = request.split('/');
  const name = request.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? request);
  for (let dir = fromDir; ; dir = dirName(dir)) {
    if (await exists(ctx, joinPath(dir, `node_modules/${name}/package.json`))) return true;
    if (dir === '/') break;
  }
  return exists(ctx, `/usr/local/lib/node/${name}`); // NODE_PATH-less global folder, as Node searches it
}

/** Runs `source` as the file `file` (`[eval]` for -e); returns the exit code. */
async function runSource(ctx: CommandContext, source: string, file: string, dir: string): Promise<number> {
  for (const request of requestsOf(source)) {
    const bare = request.replace(/^node:/, '');
    if (BUILTINS.has(bare.split('/')[0] ?? '')) continue;
    const ok = request.startsWith('.') || request.startsWith('/') ? await resolvesLocal(ctx, request.startsWith('/') ? request : joinPath(dir, request)) : await resolvesPackage(ctx, request, dir);
    if (!ok) return moduleNotFound(ctx, request, file === '[eval]' ? [] : [file]);
  }
  for (const m of source.matchAll(/^\s*console\.(?:log|info|error|warn)\(\s*(?:"([^"\\]*)"|'([^'\\]*)'|`([^`\\$]*)`)\s*\);?\s*$/gm)) {
    const text = `${m[1] ?? m[2] ?? m[3] ?? ''}\n`;
    if (/console\.(?:error|warn)/.test(m[0])) ctx.stderr.write(text);
    else ctx.stdout.write(text);
  }
  ctx.addSimulatedSeconds(0.05);
  const exit = /^\s*process\.exit\(\s*(\d+)\s*\)/m.exec(source);
  return exit === null ? 0 : Number(exit[1]) & 0xff;
}

export interface NodeDispatch {
  npm: Command;
  npx: Command;
  catalog: () => NpmCatalog;
}

/** Runs the script file at `path` with `args`: npm's entry points, modeled bins, or user code. */
export async function runNodeFile(ctx: CommandContext, path: string, args: readonly string[], dispatch: NodeDispatch): Promise<number> {
  const as = (name: string): CommandContext => ({ ...ctx, name, args });
  const real = await followLinks(ctx.fs, path);
  if (/\/npm\/bin\/npm-cli\.js$/.test(real)) return dispatch.npm(as('npm'));
  if (/\/npm\/bin\/npx-cli\.js$/.test(real)) return dispatch.npx(as('npx'));
  const source = await readText(ctx.fs, path);
  const st = await ctx.fs.stat(path).catch(() => undefined);
  if (source === undefined || st?.type !== 'file') return moduleNotFound(ctx, path, []);
  const bin = modeledBinOf(source);
  if (bin !== undefined) {
    if (bin === 'ts-node') {
      const [script, ...rest] = args;
      return script === undefined ? 0 : runNodeFile(ctx, ctx.resolve(script), rest, dispatch);
    }
    const tool = TOOLS[bin];
    return tool === undefined ? 0 : tool(as(bin), args, dispatch.catalog());
  }
  return runSource(ctx, source, path, dirName(path));
}

export function nodeCommand(dispatch: NodeDispatch): Command {
  return async (ctx) => {
    const args = [...ctx.args];
    while (args[0] !== undefined && /^--(?:max-old-space-size|enable-source-maps|no-warnings|trace-warnings|inspect)/.test(args[0])) args.shift();
    const [first, ...rest] = args;
    if (first === '-v' || first === '--version') {
      ctx.stdout.write(`v${nodeVersion(ctx)}\n`);
      return 0;
    }
    if (first === '-e' || first === '--eval' || first === '-p' || first === '--print') return runSource(ctx, rest[0] ?? '', '[eval]', ctx.cwd);
    if (first === undefined) return 0; // the REPL on an empty stdin exits at EOF
    if (first.startsWith('-')) {
      ctx.stderr.write(`${ctx.name}: bad option: ${first}\n`);
      return 9;
    }
    return runNodeFile(ctx, ctx.resolve(first), rest, dispatch);
  };
}
