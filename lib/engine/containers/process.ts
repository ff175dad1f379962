import { baseName, createCoreutils, DEFAULT_PATH, joinPath, pathResolver, resolvePath, runShell, type Command, type CommandContext, type CommandTable, type ResolveCommand, type ShellUser } from '@/lib/shell';
import { createTreeShellFs, type TreeShellFs } from '../build';
import { lookup, type FsNode, type FsTree } from '../fs';
import { createPackageCommands, DEFAULT_BANDWIDTH, parseGoBinarySeed } from '../packages';
import { flaskListen, flaskRoutes, nodeListenPort, nodeRoutes, pythonHttpServerPort } from './app-servers';
import type { Blocking, ServerInfo } from './types';

/**
 * Runs a container's processes in lib/shell over the container's tree, with the command table
 * RUN uses (coreutils + lib/engine/packages) and the same `pathResolver`, plus what only a
 * container does: a server (nginx with `daemon off;`, a Flask or http.server app, a node server,
 * a Go server binary) or a long `sleep` keeps the main process alive, which the shell models by
 * recording what blocks and stopping the script there.
 */

/** Package commands are built once (catalogs parse lazily); the container overrides wrap them. */
let baseTable: CommandTable | undefined;
function baseCommands(): CommandTable {
  baseTable ??= { ...createCoreutils(), ...createPackageCommands({ bandwidthBytesPerSecond: DEFAULT_BANDWIDTH }) };
  return baseTable;
}

/** Sleeps at least this long keep a main process running instead of passing simulated time. */
const BLOCKING_SLEEP_SECONDS = 10;

export interface ProcessRequest {
  tree: FsTree;
  /** The script to run (`sh -c` text) and how to name the shell in its messages. */
  script: string;
  argv0?: string;
  dialect?: 'dash' | 'bash';
  env: Record<string, string>;
  cwd: string;
  user: ShellUser;
  stdin?: string;
  /** True for the container's main process: servers and long sleeps block it. */
  main: boolean;
  /** Ports the image exposes: where a Go server binary listens. */
  exposedPorts: readonly string[];
  /** ms since the epoch: when a `sleep N` ends. */
  now: number;
  onStdout?: (text: string) => void;
  onStderr?: (text: string) => void;
  signal?: AbortSignal;
  /** Extra commands (the session's state probe). */
  extra?: CommandTable;
}

export interface ProcessResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  tree: FsTree;
  blocking: Blocking | null;
}

export interface PreparedProcess {
  fs: TreeShellFs;
  commands: CommandTable;
  resolveCommand: ResolveCommand;
  signal: AbortSignal;
  /** What blocked the main process, once something did. */
  blocking(): Blocking | null;
  dispose(): void;
}

/** The fs, command table and resolver a container process runs with (RUN's, plus the container's own). */
export function prepareProcess(request: Omit<ProcessRequest, 'script'>): PreparedProcess {
  const fs = createTreeShellFs(request.tree, request.user);
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  request.signal?.addEventListener('abort', onAbort);
  let blocking: Blocking | null = null;
  const block = (b: Blocking) => {
    if (!request.main || blocking !== null) return;
    blocking = b;
    stop.abort();
  };
  const base = baseCommands();
  const extra = request.extra ?? {};
  const commands: CommandTable = { ...base, ...containerCommands(base, request, fs, block), ...extra };
  const resolve = goAwareResolver(pathResolver(commands), fs, request, block);
  return {
    fs,
    commands,
    resolveCommand: async (name, env, f, cwd) => (Object.hasOwn(extra, name) ? extra[name] : resolve(name, env, f, cwd)),
    signal: stop.signal,
    blocking: () => blocking,
    dispose: () => request.signal?.removeEventListener('abort', onAbort),
  };
}

export async function runProcess(request: ProcessRequest): Promise<ProcessResult> {
  const p = prepareProcess(request);
  let stdout = '';
  let stderr = '';
  // Once a server or a long sleep blocks the main process, the shell is stopped: drop its words.
  const silenced = () => request.main && p.blocking() !== null;
  const result = await runShell(request.script, {
    fs: p.fs,
    commands: p.commands,
    env: request.env,
    cwd: request.cwd,
    user: request.user,
    argv0: request.argv0 ?? '/bin/sh',
    dialect: request.dialect ?? 'dash',
    resolveCommand: p.resolveCommand,
    signal: p.signal,
    // A running container reads the daemon's clock; a build's RUN has none (reproducible).
    now: () => request.now,
    ...(request.stdin !== undefined ? { stdin: request.stdin } : {}),
    onStdout: (text) => {
      if (silenced()) return;
      stdout += text;
      request.onStdout?.(text);
    },
    onStderr: (text) => {
      if (silenced()) return;
      stderr += text;
      request.onStderr?.(text);
    },
  });
  p.dispose();
  const blocking = p.blocking();
  return { exitCode: blocking !== null ? 0 : result.exitCode, stdout, stderr, tree: p.fs.tree, blocking };
}

type Block = (b: Blocking) => void;

function containerCommands(base: CommandTable, request: Omit<ProcessRequest, 'script'>, fs: TreeShellFs, block: Block): CommandTable {
  const original = (name: string): Command => base[name] ?? (async () => 127);
  const readSource = async (ctx: CommandContext, file: string): Promise<string | undefined> => {
    try {
      return new TextDecoder().decode(await fs.readFile(ctx.resolve(file)));
    } catch {
      return undefined;
    }
  };
  const python: Command = async (ctx) => {
    const code = await original(ctx.name.includes('python3') ? 'python3' : 'python')(ctx);
    if (code !== 0 || !request.main) return code;
    const args = ctx.args.filter((a) => !/^-[uBOEsIq]+$/.test(a));
    if (args[0] === '-m' && args[1] === 'http.server') {
      const port = /^\d+$/.test(args[2] ?? '') ? Number(args[2]) : 8000;
      ctx.stdout.write(`Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n`);
      block({ kind: 'server', server: { kind: 'http.server', port, host: '0.0.0.0', root: ctx.cwd } });
      return 0;
    }
    const source = args[0] === undefined || args[0].startsWith('-') ? undefined : await readSource(ctx, args[0]);
    if (source === undefined) return code;
    const flask = /\bflask\b/.test(source) ? flaskListen(source) : undefined;
    if (flask !== undefined) {
      const app = baseName(args[0] ?? 'app').replace(/\.py$/, '');
      const everywhere = flask.host === '0.0.0.0';
      ctx.stderr.write(
        ` * Serving Flask app '${app}'\n * Debug mode: off\n` +
          'WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.\n' +
          (everywhere ? ` * Running on all addresses (0.0.0.0)\n * Running on http://127.0.0.1:${flask.port}\n * Running on http://172.17.0.2:${flask.port}\n` : ` * Running on http://${flask.host}:${flask.port}\n`) +
          'Press CTRL+C to quit\n',
      );
      block({ kind: 'server', server: { kind: 'flask', port: flask.port, host: flask.host, routes: flaskRoutes(source) } });
      return 0;
    }
    const httpPort = pythonHttpServerPort(source);
    if (httpPort !== undefined) {
      block({ kind: 'server', server: { kind: 'http.server', port: httpPort, host: '0.0.0.0', root: ctx.cwd } });
      return 0;
    }
    return code;
  };
  const node: Command = async (ctx) => {
    const code = await original('node')(ctx);
    if (code !== 0 || !request.main) return code;
    const file = ctx.args.find((a) => !a.startsWith('-'));
    const source = file === undefined ? undefined : await readSource(ctx, file);
    const port = source === undefined ? undefined : nodeListenPort(source, ctx.env);
    if (source === undefined || port === undefined) return code;
    block({ kind: 'server', server: { kind: 'node', port, host: '0.0.0.0', routes: nodeRoutes(source) } });
    return 0;
  };
  const nginx: Command = async (ctx) => {
    const version = ctx.env.NGINX_VERSION ?? '1.25.3';
    if (ctx.args.includes('-v') || ctx.args.includes('-V')) {
      ctx.stderr.write(`nginx version: nginx/${version}\n`);
      return 0;
    }
    if (ctx.args.includes('-t')) {
      ctx.stderr.write('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
      return 0;
    }
    const global = ctx.args[ctx.args.indexOf('-g') + 1] ?? '';
    // Without `daemon off;` nginx forks into the background and the main process exits at once.
    if (!ctx.args.includes('-g') || !/daemon\s+off/.test(global) || !request.main) return 0;
    const stamp = nginxTime(request.now);
    const conf = (await readSource(ctx, '/etc/nginx/conf.d/default.conf')) ?? '';
    const port = Number(/^\s*listen\s+(\d+)/m.exec(conf)?.[1] ?? 80);
    const root = /^\s*root\s+([^;\s]+)/m.exec(conf)?.[1] ?? '/usr/share/nginx/html';
    // The compiler line names the image's distribution: Debian bookworm's gcc, or Alpine 3.18's.
    const alpine = (await readSource(ctx, '/etc/alpine-release')) !== undefined;
    const compiler = alpine ? 'gcc 12.2.1 20220924 (Alpine 12.2.1_git20220924-r10)' : 'gcc 12.2.0 (Debian 12.2.0-14)';
    ctx.stderr.write(
      [`using the "epoll" event method`, `nginx/${version}`, `built by ${compiler} `, 'OS: Linux 6.10.14-linuxkit', 'getrlimit(RLIMIT_NOFILE): 1048576:1048576', 'start worker processes', 'start worker process 29']
        .map((m) => `${stamp} [notice] 1#1: ${m}\n`)
        .join(''),
    );
    block({ kind: 'server', server: { kind: 'nginx', port, host: '0.0.0.0', root } });
    return 0;
  };
  const sleep: Command = async (ctx) => {
    const arg = ctx.args[0] ?? '';
    const seconds = arg === 'infinity' ? Infinity : Number.parseFloat(arg) * ({ s: 1, m: 60, h: 3600, d: 86400 }[arg.slice(-1)] ?? 1);
    if (request.main && seconds >= BLOCKING_SLEEP_SECONDS) {
      block({ kind: 'sleep', until: Number.isFinite(seconds) ? new Date(request.now + seconds * 1000).toISOString() : null });
      return 0;
    }
    return original('sleep')(ctx);
  };
  const tail: Command = async (ctx) => {
    if (request.main && ctx.args.some((a) => /^-[a-zA-Z]*[fF]/.test(a))) {
      block({ kind: 'sleep', until: null });
      return 0;
    }
    return original('tail')(ctx);
  };
  return { python, python3: python, node, nginx, sleep, tail };
}

/** `2026/11/28 12:00:00`: nginx's error-log time. */
function nginxTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/**
 * pathResolver, plus Go binaries: a file whose content is go build's marker runs as the program
 * it is — a server when the image exposes a port (it blocks the main process), else a program
 * that ends at once. Synthetic files that are not Go binaries and have no model (the nginx image's
 * `/docker-entrypoint.d/*.sh` hooks) succeed without output.
 */
function goAwareResolver(resolve: ResolveCommand, fs: TreeShellFs, request: Omit<ProcessRequest, 'script'>, block: Block): ResolveCommand {
  return async (name, env, shellFs, cwd) => {
    const found = await resolve(name, env, shellFs, cwd);
    if (found !== undefined) return found;
    const candidates = name.includes('/') ? [resolvePath(cwd, name)] : (env.PATH ?? DEFAULT_PATH).split(':').map((dir) => joinPath(resolvePath(cwd, dir === '' ? '.' : dir), name));
    const node = candidates.map((path) => lookupSafe(fs.tree, path)).find((n) => n?.kind === 'file');
    if (node?.kind !== 'file' || node.content.kind !== 'synthetic' || (node.mode & 0o111) === 0) return undefined;
    if (parseGoBinarySeed(node.content.seed) === undefined) return async () => 0;
    return async () => {
      const port = Number(/^(\d+)/.exec(request.exposedPorts[0] ?? '')?.[1] ?? NaN);
      if (request.main && Number.isFinite(port)) block({ kind: 'server', server: { kind: 'go', port, host: '0.0.0.0' } });
      return 0;
    };
  };
}

/** Is `ServerInfo` answering on `port` from outside the container? */
export function reachable(server: ServerInfo, port: number): boolean {
  return server.port === port && server.host !== '127.0.0.1' && server.host !== 'localhost';
}

function lookupSafe(tree: FsTree, path: string): FsNode | undefined {
  try {
    return lookup(tree, path);
  } catch {
    return undefined;
  }
}
