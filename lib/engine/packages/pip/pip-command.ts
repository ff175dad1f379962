import type { Command, CommandContext } from '@/lib/shell';
import { simulatedCost } from '../shared/simulated-cost';
import type { PipCatalog } from './pip-catalog';
import { buildFailure, httpCachePath, installDist, removeDist, writeCache } from './pip-install';
import { resolve } from './pip-resolve';
import { findPython, installedDists, searchSites, type PythonEnv } from './python-env';
import { readRequirementsFile } from './requirements-file';
import { normalizeName, parseRequirement, type Requirement } from './versions';

/**
 * `pip`/`pip3`/`python -m pip`: install (names, pins, -r files, --no-cache-dir, --user,
 * --upgrade, --no-deps, --force-reinstall), uninstall [-y], list, freeze, --version. Output and
 * exit codes follow pip 23.0.1, the version the python:3.9 images ship.
 */

const ROOT_WARNING =
  "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv";

const out = (ctx: CommandContext, lines: readonly string[]) => (lines.length === 0 ? undefined : ctx.stdout.write(`${lines.join('\n')}\n`));
const err = (ctx: CommandContext, lines: readonly string[]) => (lines.length === 0 ? undefined : ctx.stderr.write(`${lines.join('\n')}\n`));

interface InstallFlags {
  requirements: Requirement[];
  user: boolean;
  noCache: boolean;
  upgrade: boolean;
  forceReinstall: boolean;
  noDeps: boolean;
  quiet: boolean;
  rootWarning: boolean;
  breakSystemPackages: boolean;
}

/**
 * PEP 668: an interpreter whose stdlib directory holds EXTERNALLY-MANAGED (Alpine's and Debian's
 * python3 packages ship one; the official python:* images, built into /usr/local, do not) makes
 * pip 23+ refuse to install or uninstall unless given --break-system-packages
 * (PIP_BREAK_SYSTEM_PACKAGES) — pip's `check_externally_managed`. The message is the file's
 * `Error` key, rendered as pip does; a venv would lift the block, but RUN has none modelled.
 */
async function externallyManaged(ctx: CommandContext, env: PythonEnv): Promise<string[] | undefined> {
  const prefix = env.binary.replace(/\/bin\/[^/]+$/, '');
  const marker = `${prefix}/lib/python${env.short}/EXTERNALLY-MANAGED`;
  let text: string;
  try {
    text = new TextDecoder().decode(await ctx.fs.readFile(marker));
  } catch {
    return undefined;
  }
  const message = externallyManagedError(text) ?? [
    `The Python environment under ${prefix} is managed externally, and may not be`,
    'manipulated by the user. Please use specific tooling from the distributor of',
    'the Python installation to interact with this environment instead.',
  ];
  const [first = '', ...rest] = message;
  return [
    'error: externally-managed-environment',
    '',
    '× This environment is externally managed',
    `╰─> ${first}`,
    ...rest.map((line) => (line === '' ? '' : `    ${line}`)),
    '',
    'note: If you believe this is a mistake, please contact your Python installation or OS distribution provider. You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.',
    'hint: See PEP 668 for the detailed specification.',
  ];
}

/** The `Error` value of the `[externally-managed]` section (configparser: indented continuation lines). */
function externallyManagedError(text: string): string[] | undefined {
  let inSection = false;
  let value: string[] | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (value !== undefined) {
      if (/^\s/.test(line) || line === '') {
        value.push(line.trim());
        continue;
      }
      break;
    }
    const section = /^\[(.*)\]\s*$/.exec(line);
    if (section !== null) inSection = section[1] === 'externally-managed';
    else if (inSection) {
      const key = /^Error\s*[=:]\s*(.*)$/.exec(line);
      if (key !== null) value = [key[1] ?? ''];
    }
  }
  if (value === undefined) return undefined;
  while (value.length > 1 && value[value.length - 1] === '') value.pop();
  return value;
}

async function parseInstall(ctx: CommandContext, args: readonly string[]): Promise<InstallFlags | string> {
  const truthy = (v: string | undefined) => v !== undefined && !/^(0|false|no|off)$/i.test(v);
  const flags: InstallFlags = {
    requirements: [],
    user: truthy(ctx.env.PIP_USER),
    noCache: truthy(ctx.env.PIP_NO_CACHE_DIR),
    upgrade: false,
    forceReinstall: false,
    noDeps: false,
    quiet: false,
    rootWarning: ctx.env.PIP_ROOT_USER_ACTION !== 'ignore',
    breakSystemPackages: truthy(ctx.env.PIP_BREAK_SYSTEM_PACKAGES),
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-r' || a === '--requirement' || a.startsWith('--requirement=') || (a.startsWith('-r') && a.length > 2)) {
      const file = a === '-r' || a === '--requirement' ? args[++i] : a.startsWith('-r') ? a.slice(2) : a.slice('--requirement='.length);
      if (file === undefined) return 'ERROR: -r option requires 1 argument';
      const read = await readRequirementsFile(ctx.fs, ctx.resolve(file), file);
      if (!read.ok) return read.error;
      flags.requirements.push(...read.requirements);
    } else if (a === '--user') flags.user = true;
    else if (a === '--no-cache-dir') flags.noCache = true;
    else if (a === '--break-system-packages') flags.breakSystemPackages = true;
    else if (a === '-U' || a === '--upgrade') flags.upgrade = true;
    else if (a === '--force-reinstall') flags.forceReinstall = true;
    else if (a === '--no-deps') flags.noDeps = true;
    else if (a === '-q' || a === '--quiet') flags.quiet = true;
    else if (a === '--root-user-action=ignore') flags.rootWarning = false;
    else if (a === '-i' || a === '--index-url' || a === '--extra-index-url' || a === '--root-user-action') i++;
    else if (a.startsWith('-')) {
      if (!/^--(no-compile|compile|disable-pip-version-check|no-warn-script-location|prefer-binary|progress-bar=.*|index-url=.*|extra-index-url=.*|no-input|isolated)$/.test(a)) return `\nUsage:   \n  pip install [options] <requirement specifier> [package-index-options] ...\n\nno such option: ${a}`;
    } else {
      const req = parseRequirement(a);
      if (req === undefined) return `ERROR: Invalid requirement: '${a}'`;
      flags.requirements.push(req);
    }
  }
  return flags;
}

async function install(ctx: CommandContext, catalog: PipCatalog, env: PythonEnv, args: readonly string[]): Promise<number> {
  const flags = await parseInstall(ctx, args);
  if (typeof flags === 'string') {
    err(ctx, [flags]);
    return flags.includes('no such option') ? 2 : 1;
  }
  if (!flags.breakSystemPackages) {
    const blocked = await externallyManaged(ctx, env);
    if (blocked !== undefined) {
      err(ctx, blocked);
      return 1;
    }
  }
  if (flags.requirements.length === 0) {
    err(ctx, ['ERROR: You must give at least one requirement to install (see "pip help install")']);
    return 1;
  }
  const cost = simulatedCost(ctx, catalog.data.bandwidthBytesPerSecond);
  const cacheDir = `${env.home}/.cache/pip`;
  const installed = await installedDists(ctx.fs, searchSites(env), catalog.data.preinstalled);
  const cachedFiles = new Set<string>();
  const isCached = (file: string) => cachedFiles.has(file);
  // Which downloads the cache already holds decides "Using cached" and the download cost.
  if (!flags.noCache) {
    for (const pkg of Object.values(catalog.data.packages)) {
      for (const v of pkg.versions) {
        for (const w of Object.values(v.wheels)) {
          const file = w.file.replaceAll('{py}', env.tag);
          if (await ctx.fs.exists(httpCachePath(cacheDir, file)).catch(() => false)) cachedFiles.add(file);
        }
      }
    }
  }
  const result = resolve(flags.requirements, catalog, env, installed, flags, isCached);
  if (!flags.quiet) out(ctx, result.lines);
  if (!result.ok) {
    err(ctx, result.errors);
    return 1;
  }
  for (const p of result.plan) if (!isCached(p.dist.file)) cost.download(p.dist.size);
  const builds = result.plan.filter((p) => p.dist.source);
  if (builds.length > 0) {
    out(ctx, [`Building wheels for collected packages: ${builds.map((p) => p.pkg.name).join(', ')}`]);
    for (const p of builds) {
      const failure = await buildFailure(ctx.fs, p, env);
      if (failure !== undefined) {
        cost.work(2);
        err(ctx, failure);
        return 1;
      }
      cost.work(p.version.build?.seconds ?? 60);
      out(ctx, [`  Building wheel for ${p.pkg.name} (${p.version.wheels.sdist !== undefined ? 'setup.py' : 'pyproject.toml'}) ... done`, `Successfully built ${p.pkg.name}`]);
    }
  }
  if (result.plan.length === 0) return 0;
  const target = flags.user ? { site: env.userSite, scripts: env.userScripts } : { site: env.sitePackages, scripts: env.scriptsDir };
  out(ctx, [`Installing collected packages: ${result.plan.map((p) => p.pkg.name).join(', ')}`]);
  for (const p of result.plan) {
    if (p.replaces !== undefined) {
      const r = p.replaces;
      out(ctx, [`  Attempting uninstall: ${p.pkg.name}`, `    Found existing installation: ${r.name} ${r.version}`, `    Uninstalling ${r.name}-${r.version}:`, `      Successfully uninstalled ${r.name}-${r.version}`]);
      if (r.distInfo !== undefined) await removeDist(ctx.fs, r.site, r.distInfo);
      else await ctx.fs.rm(`${r.site}/${normalizeName(r.name)}`, { recursive: true, force: true });
    }
    await installDist(ctx, p, target, env);
    if (!flags.noCache) await writeCache(ctx.fs, cacheDir, p, env);
    cost.work(p.version.installSeconds ?? 0.1 + p.version.installedSize / 25e6);
  }
  const pathDirs = (ctx.env.PATH ?? '').split(':');
  if (flags.user && !pathDirs.includes(env.userScripts)) {
    for (const p of result.plan) {
      if (p.pkg.scripts.length === 0) continue;
      const names = p.pkg.scripts;
      const which = names.length === 1 ? `The script ${names[0] ?? ''} is` : `The scripts ${names.join(', ')} are`;
      err(ctx, [`  WARNING: ${which} installed in '${env.userScripts}' which is not on PATH.`, "  Consider adding this directory to PATH or, if you prefer to suppress this warning, use --no-warn-script-location."]);
    }
  }
  const done = result.plan.map((p) => `${p.pkg.name}-${p.version.version}`).sort();
  out(ctx, [`Successfully installed ${done.join(' ')}`]);
  if (ctx.user.uid === 0 && flags.rootWarning) err(ctx, [ROOT_WARNING]);
  return 0;
}

async function uninstall(ctx: CommandContext, catalog: PipCatalog, env: PythonEnv, args: readonly string[]): Promise<number> {
  const yes = args.includes('-y') || args.includes('--yes');
  const names = args.filter((a) => !a.startsWith('-'));
  if (!args.includes('--break-system-packages') && !/^(1|true|yes|on)$/i.test(ctx.env.PIP_BREAK_SYSTEM_PACKAGES ?? '')) {
    const blocked = await externallyManaged(ctx, env);
    if (blocked !== undefined) {
      err(ctx, blocked);
      return 1;
    }
  }
  const installed = await installedDists(ctx.fs, searchSites(env), catalog.data.preinstalled);
  for (const name of names) {
    const have = installed.get(normalizeName(name));
    if (have === undefined) {
      err(ctx, [`WARNING: Skipping ${name} as it is not installed.`]);
      continue;
    }
    out(ctx, [`Found existing installation: ${have.name} ${have.version}`, `Uninstalling ${have.name}-${have.version}:`]);
    if (!yes) {
      ctx.stdout.write('Proceed (Y/n)? ');
      const answer = (await ctx.stdin.readLine())?.line;
      if (answer === undefined || /^n/i.test(answer.trim())) {
        err(ctx, answer === undefined ? ['ERROR: Exception:', 'EOFError: EOF when reading a line'] : []);
        return answer === undefined ? 2 : 0;
      }
    }
    if (have.distInfo !== undefined) await removeDist(ctx.fs, have.site, have.distInfo);
    else await ctx.fs.rm(`${have.site}/${normalizeName(have.name)}`, { recursive: true, force: true });
    out(ctx, [`  Successfully uninstalled ${have.name}-${have.version}`]);
  }
  return 0;
}

async function list(ctx: CommandContext, catalog: PipCatalog, env: PythonEnv, freeze: boolean): Promise<number> {
  const installed = [...(await installedDists(ctx.fs, searchSites(env), catalog.data.preinstalled)).values()].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  if (freeze) out(ctx, installed.filter((d) => !(d.name in catalog.data.preinstalled)).map((d) => `${d.name}==${d.version}`));
  else {
    const w = Math.max(7, ...installed.map((d) => d.name.length));
    out(ctx, [`${'Package'.padEnd(w)} Version`, `${'-'.repeat(w)} -------`, ...installed.map((d) => `${d.name.padEnd(w)} ${d.version}`)]);
  }
  return 0;
}

/** Runs pip's subcommands under `env`; shared by `pip` and `python -m pip`. */
export async function runPip(ctx: CommandContext, catalog: PipCatalog, env: PythonEnv, args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'install':
      return install(ctx, catalog, env, rest);
    case 'uninstall':
      return uninstall(ctx, catalog, env, rest);
    case 'list':
    case 'freeze':
      return list(ctx, catalog, env, sub === 'freeze');
    case '--version':
    case '-V':
      out(ctx, [`pip ${catalog.data.preinstalled.pip ?? '23.0.1'} from ${env.sitePackages}/pip (python ${env.short})`]);
      return 0;
    case undefined:
      out(ctx, ['', 'Usage:   ', '  pip <command> [options]']);
      return 0;
    default:
      err(ctx, [`ERROR: unknown command "${sub}"`]);
      return 1;
  }
}

export function pipCommand(catalog: () => PipCatalog): Command {
  return async (ctx) => {
    const env = await findPython(ctx);
    if (env === undefined) {
      err(ctx, [`${ctx.shellName}: 1: ${ctx.name}: not found`]);
      return 127;
    }
    return runPip(ctx, catalog(), env, ctx.args);
  };
}
