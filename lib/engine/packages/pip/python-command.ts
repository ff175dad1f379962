import { dirName, joinPath, type Command, type CommandContext } from '@/lib/shell';
import type { PipCatalog } from './pip-catalog';
import { runPip } from './pip-command';
import { findPython, installedDists, searchSites, type PythonEnv } from './python-env';
import { runPytest } from './pytest-run';

/**
 * `python`/`python3`: `--version`, `-m pip`, `-m pytest`, `-c CODE`, `SCRIPT`. Python itself is not
 * interpreted: a script succeeds when every module it imports is the standard library, installed
 * (a dist-info's top_level.txt) or a local file, and fails with CPython's ModuleNotFoundError
 * otherwise; top-level `print("literal")` lines are echoed so a hello-world says hello.
 */

const STDLIB = new Set(
  'abc argparse array ast asyncio base64 binascii bisect builtins calendar collections concurrent contextlib copy csv ctypes dataclasses datetime decimal difflib email enum errno functools gc getpass glob gzip hashlib heapq hmac html http importlib inspect io ipaddress itertools json logging math mimetypes multiprocessing operator os pathlib pickle platform pprint queue random re secrets select shlex shutil signal socket sqlite3 ssl stat statistics string struct subprocess sys tempfile textwrap threading time timeit traceback types typing unittest urllib uuid warnings weakref xml zipfile zlib zoneinfo __future__'.split(' '),
);

async function importable(ctx: CommandContext, catalog: PipCatalog, env: PythonEnv, localDir: string): Promise<Set<string>> {
  const names = new Set(STDLIB);
  const dists = await installedDists(ctx.fs, searchSites(env), catalog.data.preinstalled);
  for (const d of dists.values()) {
    if (d.distInfo === undefined) {
      names.add(d.name);
      continue;
    }
    const top = await ctx.fs.readFile(joinPath(d.distInfo, 'top_level.txt')).catch(() => new Uint8Array());
    for (const n of new TextDecoder().decode(top).split('\n')) if (n.trim() !== '') names.add(n.trim());
  }
  for (const entry of await ctx.fs.readdir(localDir).catch(() => [] as string[])) names.add(entry.replace(/\.py$/, ''));
  return names;
}

function importsOf(source: string): { module: string; line: number; text: string }[] {
  const found: { module: string; line: number; text: string }[] = [];
  source.split('\n').forEach((text, i) => {
    const m = /^\s*(?:import\s+([\w.]+(?:\s*,\s*[\w.]+)*)|from\s+([\w.]+)\s+import\b)/.exec(text);
    if (m === null) return;
    const mods = m[1] !== undefined ? m[1].split(',') : [m[2] ?? ''];
    for (const mod of mods) if (!mod.trim().startsWith('.')) found.push({ module: (mod.trim().split('.')[0] ?? '').split(/\s/)[0] ?? '', line: i + 1, text: text.trim() });
  });
  return found;
}

async function runSource(ctx: CommandContext, catalog: PipCatalog, env: PythonEnv, source: string, where: { file: string; dir: string }): Promise<number> {
  const ok = await importable(ctx, catalog, env, where.dir);
  for (const imp of importsOf(source)) {
    if (imp.module === '' || ok.has(imp.module)) continue;
    ctx.stderr.write(`Traceback (most recent call last):\n  File "${where.file}", line ${imp.line}, in <module>\n    ${imp.text}\nModuleNotFoundError: No module named '${imp.module}'\n`);
    return 1;
  }
  for (const m of source.matchAll(/^print\(\s*(?:f?"([^"\\]*)"|f?'([^'\\]*)')\s*\)\s*$/gm)) ctx.stdout.write(`${m[1] ?? m[2] ?? ''}\n`);
  ctx.addSimulatedSeconds(0.05);
  return 0;
}

async function runModule(ctx: CommandContext, catalog: PipCatalog, env: PythonEnv, mod: string, rest: readonly string[]): Promise<number> {
  if (mod === 'pip') return runPip(ctx, catalog, env, rest);
  const dists = await installedDists(ctx.fs, searchSites(env), catalog.data.preinstalled);
  if (mod === 'pytest' && dists.has('pytest')) {
    return runPytest(ctx, rest, { python: env.version, pytest: dists.get('pytest')?.version ?? '7.4.4', pluggy: dists.get('pluggy')?.version ?? '1.3.0' });
  }
  const ok = await importable(ctx, catalog, env, ctx.cwd);
  if (ok.has(mod) && mod !== 'pytest') return 0;
  ctx.stderr.write(`${env.binary.replace(/\d+\.\d+$/, '')}: No module named ${mod}\n`);
  return 1;
}

export function pythonCommand(catalog: () => PipCatalog): Command {
  return async (ctx) => {
    const env = await findPython(ctx);
    if (env === undefined) {
      ctx.stderr.write(`${ctx.shellName}: 1: ${ctx.name}: not found\n`);
      return 127;
    }
    const args = [...ctx.args];
    while (args[0] !== undefined && /^-[uBOEsIq]+$/.test(args[0])) args.shift();
    const [first, ...rest] = args;
    if (first === '--version' || first === '-V') {
      ctx.stdout.write(`Python ${env.version}\n`);
      return 0;
    }
    if (first === '-m') {
      const [mod, ...more] = rest;
      if (mod === undefined) {
        ctx.stderr.write('Argument expected for the -m option\n');
        return 2;
      }
      return runModule(ctx, catalog(), env, mod, more);
    }
    if (first === '-c') return runSource(ctx, catalog(), env, rest[0] ?? '', { file: '<string>', dir: ctx.cwd });
    if (first === undefined) return 0; // interactive interpreter on an empty stdin: exits at EOF
    const path = ctx.resolve(first);
    let source: string;
    try {
      source = new TextDecoder().decode(await ctx.fs.readFile(path));
    } catch {
      ctx.stderr.write(`${env.binary.replace(/\d+\.\d+$/, '')}: can't open file '${path}': [Errno 2] No such file or directory\n`);
      return 2;
    }
    return runSource(ctx, catalog(), env, source, { file: path, dir: dirName(path) });
  };
}
