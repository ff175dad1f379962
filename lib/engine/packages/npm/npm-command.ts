import { joinPath, type Command, type CommandContext } from '@/lib/shell';
import { simulatedCost } from '../shared/simulated-cost';
import type { NpmCatalog } from './npm-catalog';
import { installPlan, lockPackages, planInstall, planPackages, writeHiddenLock, type CacheTarget, type InstallRequest, type PlanResult } from './npm-install';
import { depsOf, hexHash, lockPath, npmDuration, packageJsonPath, parseSpec, readJsonFile, writeJsonFile, type PackageJson } from './npm-project';
import { runNodeFile, type NodeDispatch } from './node-command';

/**
 * `npm` (10.2.3, the version node:18.19 ships): install/i/add, ci, run/test/start, prune, cache
 * clean, init -y, -v; and `npx`. Output and exit codes follow npm 10; the debug log npm names in
 * its errors is not written.
 */

const LOG = '/root/.npm/_logs/2024-01-27T02_10_00_000Z-debug-0.log';

export function npmErr(ctx: CommandContext, lines: readonly string[]): void {
  const home = ctx.env.HOME ?? ctx.user.home;
  ctx.stderr.write(`${lines.map((l) => `npm ERR! ${l}`).join('\n')}\n\nnpm ERR! A complete log of this run can be found in: ${LOG.replace('/root', home)}\n`);
}

const out = (ctx: CommandContext, text: string) => ctx.stdout.write(text);

export function planError(ctx: CommandContext, result: Extract<PlanResult, { ok: false }>, registry: string): number {
  const spec = `${result.name}@${result.range === 'latest' ? '*' : result.range}`;
  if (result.code === 'E404') {
    npmErr(ctx, ['code E404', `404 Not Found - GET ${registry}/${result.name.replace('/', '%2f')} - Not found`, '404 ', `404  '${spec}' is not in this registry.`, '404 ', '404 Note that you can also install from a', '404 tarball, folder, http url, or git url.']);
  } else {
    npmErr(ctx, ['code ETARGET', `notarget No matching version found for ${spec}.`, 'notarget In most cases you or one of your dependencies are requesting', "notarget a package version that doesn't exist."]);
  }
  return 1;
}

interface Flags {
  omitDev: boolean;
  global: boolean;
  silent: boolean;
  saveDev: boolean;
  force: boolean;
  positional: string[];
  /** Arguments after `--`, for npm run. */
  extra: string[];
}

function parseFlags(ctx: CommandContext, args: readonly string[]): Flags {
  const f: Flags = { omitDev: ctx.env.NODE_ENV === 'production', global: false, silent: false, saveDev: false, force: false, positional: [], extra: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      f.extra = args.slice(i + 1);
      break;
    }
    if (a === '--omit=dev' || a === '--only=production' || a === '--only=prod' || a === '--production' || a === '--prod') f.omitDev = true;
    else if (a === '--omit' && args[i + 1] === 'dev') {
      f.omitDev = true;
      i++;
    } else if (a === '--include=dev' || a === '--production=false') f.omitDev = false;
    else if (a === '-g' || a === '--global') f.global = true;
    else if (a === '-s' || a === '--silent' || a === '--loglevel=silent' || a === '-q' || a === '--quiet') f.silent = true;
    else if (a === '-D' || a === '--save-dev') f.saveDev = true;
    else if (a === '-f' || a === '--force') f.force = true;
    else if (a === '--loglevel') i++;
    else if (a.startsWith('-')) continue; // --no-audit, --no-fund, --legacy-peer-deps, --ignore-scripts, ...
    else f.positional.push(a);
  }
  return f;
}

async function readProject(ctx: CommandContext, dir: string): Promise<{ ok: true; pj: PackageJson | undefined } | { ok: false; code: number }> {
  const r = await readJsonFile<PackageJson>(ctx.fs, packageJsonPath(dir));
  if (r.ok) return { ok: true, pj: r.value };
  if (r.missing) return { ok: true, pj: undefined };
  npmErr(ctx, ['code EJSONPARSE', `path ${packageJsonPath(dir)}`, `JSON.parse ${r.message}`, 'JSON.parse Failed to parse JSON data.', 'JSON.parse Note: package.json must be actual JSON, not just JavaScript.']);
  return { ok: false, code: 1 };
}

function projectRequests(pj: PackageJson | undefined, omitDev: boolean): InstallRequest[] {
  return [...depsOf(pj?.dependencies).map(([name, range]) => ({ name, range, dev: false })), ...(omitDev ? [] : depsOf(pj?.devDependencies).map(([name, range]) => ({ name, range, dev: true })))];
}

const cacheOf = (ctx: CommandContext): CacheTarget => ({ kind: 'npm', dir: joinPath(ctx.env.HOME ?? ctx.user.home, '.npm') });

function summary(ctx: CommandContext, added: number, total: number, seconds: number, global: boolean): void {
  const took = npmDuration(seconds);
  if (global) out(ctx, added > 0 ? `\nadded ${added} package${added === 1 ? '' : 's'} in ${took}\n` : `\nchanged 0 packages in ${took}\n`);
  else out(ctx, `\n${added > 0 ? `added ${added} package${added === 1 ? '' : 's'}, and audited` : 'up to date, audited'} ${total + 1} package${total === 0 ? '' : 's'} in ${took}\n\nfound 0 vulnerabilities\n`);
}

async function install(ctx: CommandContext, catalog: NpmCatalog, flags: Flags, ci: boolean): Promise<number> {
  const dir = ctx.cwd;
  const cost = simulatedCost(ctx);
  if (flags.global) {
    const requests = flags.positional.map((s) => ({ ...parseSpec(s), dev: false }));
    const plan = planInstall(catalog, requests);
    if (!plan.ok) return planError(ctx, plan, catalog.data.registry);
    const done = await installPlan(ctx, catalog, plan.plan, { nodeModules: '/usr/local/lib/node_modules', binDir: '/usr/local/bin' }, cacheOf(ctx), cost);
    if (!flags.silent) summary(ctx, done.added, 0, cost.total + 0.3, true);
    return 0;
  }
  const project = await readProject(ctx, dir);
  if (!project.ok) return project.code;
  let pj = project.pj;
  const nodeModules = joinPath(dir, 'node_modules');
  if (ci) {
    type Lock = { packages?: Record<string, unknown> };
    const shrinkwrap = await readJsonFile<Lock>(ctx.fs, joinPath(dir, 'npm-shrinkwrap.json'));
    const lock = shrinkwrap.ok ? shrinkwrap : await readJsonFile<Lock>(ctx.fs, lockPath(dir));
    if (!lock.ok) {
      npmErr(ctx, [
        'code EUSAGE',
        '',
        'The `npm ci` command can only install with an existing package-lock.json or',
        'npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or',
        'later to generate a package-lock.json file, then try again.',
        '',
        'Clean install a project',
        '',
        'Usage:',
        'npm ci',
        '',
        'Options:',
        '[--install-strategy <hoisted|nested|shallow|linked>] [--legacy-bundling]',
        '[--global-style] [--omit <dev|optional|peer> [--omit <dev|optional|peer> ...]]',
        '[--strict-peer-deps] [--foreground-scripts] [--ignore-scripts] [--no-audit]',
        '[--no-bin-links] [--no-fund] [--dry-run]',
        '[-w|--workspace <workspace-name> [-w|--workspace <workspace-name> ...]]',
        '[-ws|--workspaces] [--include-workspace-root] [--install-links]',
        '',
        'aliases: clean-install, ic, install-clean, isntall-clean',
        '',
        'Run "npm help ci" for more info',
      ]);
      return 1;
    }
    const locked = lock.value.packages ?? {};
    const missing = projectRequests(pj, false).filter((r) => !(`node_modules/${r.name}` in locked));
    if (missing.length > 0) {
      npmErr(ctx, [
        'code EUSAGE',
        '',
        '`npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.',
        '',
        ...missing.map((r) => `Missing: ${r.name}@${catalog.get(r.name)?.version ?? r.range} from lock file`),
        '',
      ]);
      return 1;
    }
    await ctx.fs.rm(nodeModules, { recursive: true, force: true });
  }
  const added: InstallRequest[] = [];
  for (const spec of flags.positional) {
    const { name, range } = parseSpec(spec);
    added.push({ name, range, dev: flags.saveDev });
  }
  const requests = [...projectRequests(pj, flags.omitDev).filter((r) => !added.some((a) => a.name === r.name)), ...added];
  const plan = planInstall(catalog, requests);
  if (!plan.ok) return planError(ctx, plan, catalog.data.registry);
  const done = await installPlan(ctx, catalog, plan.plan, { nodeModules, binDir: joinPath(nodeModules, '.bin') }, cacheOf(ctx), cost);
  if (added.length > 0) {
    pj = pj ?? {};
    for (const a of added) {
      const version = catalog.get(a.name)?.version ?? '0.0.0';
      const field = a.dev ? 'devDependencies' : 'dependencies';
      const other = a.dev ? 'dependencies' : 'devDependencies';
      const record: Record<string, string> = { ...(pj[field] ?? {}), [a.name]: a.range === 'latest' ? `^${version}` : a.range };
      pj = { ...pj, [field]: Object.fromEntries(Object.entries(record).sort(([x], [y]) => x.localeCompare(y))) };
      if (pj[other]?.[a.name] !== undefined) {
        const rest: Record<string, string> = { ...pj[other] };
        delete rest[a.name];
        pj = { ...pj, [other]: rest };
      }
    }
    await writeJsonFile(ctx.fs, packageJsonPath(dir), pj);
  }
  const name = pj?.name ?? dir.split('/').pop() ?? 'app';
  const version = pj?.version ?? '1.0.0';
  const packages = lockPackages(catalog, plan.plan);
  if (plan.plan.length > 0 || pj !== undefined) await writeHiddenLock(ctx.fs, nodeModules, name, version, packages);
  if (!ci && (added.length > 0 || !(await ctx.fs.exists(lockPath(dir)).catch(() => false)))) {
    const root = { name, version, ...(pj?.dependencies !== undefined ? { dependencies: pj.dependencies } : {}), ...(pj?.devDependencies !== undefined ? { devDependencies: pj.devDependencies } : {}) };
    // The lock records devDependencies too, whatever this install omitted.
    const full = planInstall(catalog, projectRequests(pj, false));
    await writeJsonFile(ctx.fs, lockPath(dir), { name, version, lockfileVersion: 3, requires: true, packages: { '': root, ...lockPackages(catalog, full.ok ? full.plan : plan.plan) } });
  }
  cost.work(0.3);
  if (!flags.silent) summary(ctx, done.added, planPackages(plan.plan), cost.total, false);
  return 0;
}

async function prune(ctx: CommandContext, catalog: NpmCatalog, flags: Flags): Promise<number> {
  const nodeModules = joinPath(ctx.cwd, 'node_modules');
  const hidden = await readJsonFile<{ packages?: Record<string, { dev?: boolean }> }>(ctx.fs, joinPath(nodeModules, '.package-lock.json'));
  let removed = 0;
  if (flags.omitDev && hidden.ok) {
    const packages = { ...(hidden.value.packages ?? {}) };
    for (const [key, entry] of Object.entries(packages)) {
      if (entry.dev !== true) continue;
      const name = key.replace(/^node_modules\//, '');
      removed += catalog.get(name)?.packages ?? 1;
      await ctx.fs.rm(joinPath(ctx.cwd, key), { recursive: true, force: true });
      for (const [bin] of Object.entries(catalog.get(name)?.bin ?? {})) await ctx.fs.rm(joinPath(nodeModules, `.bin/${bin}`), { force: true });
      delete packages[key];
    }
    await writeJsonFile(ctx.fs, joinPath(nodeModules, '.package-lock.json'), { ...hidden.value, packages });
  }
  ctx.addSimulatedSeconds(0.5);
  if (!flags.silent) out(ctx, `\n${removed > 0 ? `removed ${removed} packages, and audited` : 'up to date, audited'} ${Object.keys(hidden.ok ? (hidden.value.packages ?? {}) : {}).length + 1} packages in 1s\n\nfound 0 vulnerabilities\n`);
  return 0;
}

async function runScript(ctx: CommandContext, flags: Flags, event: string | undefined, shortcut: boolean): Promise<number> {
  const dir = ctx.cwd;
  const r = await readJsonFile<PackageJson>(ctx.fs, packageJsonPath(dir));
  if (!r.ok) {
    if (!r.missing) {
      await readProject(ctx, dir);
      return 1;
    }
    npmErr(ctx, ['code ENOENT', 'syscall open', `path ${packageJsonPath(dir)}`, 'errno -2', `enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${packageJsonPath(dir)}'`, 'enoent This is related to npm not being able to find a file.', 'enoent ']);
    return 254;
  }
  const pj = r.value;
  const scripts = pj.scripts ?? {};
  if (event === undefined) {
    const names = Object.keys(scripts);
    if (names.length > 0) out(ctx, `Scripts available in ${pj.name ?? ''}@${pj.version ?? ''} via \`npm run-script\`:\n${names.map((n) => `  ${n}\n    ${scripts[n] ?? ''}`).join('\n')}\n`);
    return 0;
  }
  let script = scripts[event];
  if (script === undefined && event === 'start' && shortcut && (await ctx.fs.exists(joinPath(dir, 'server.js')).catch(() => false))) script = 'node server.js';
  if (script === undefined) {
    npmErr(ctx, [`Missing script: "${event}"`, '', 'To see a list of scripts, run:', '  npm run']);
    return 1;
  }
  const label = pj.name !== undefined ? `${pj.name}@${pj.version ?? ''} ` : '';
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`);
  const steps: [string, string][] = [];
  if (scripts[`pre${event}`] !== undefined) steps.push([`pre${event}`, scripts[`pre${event}`] ?? '']);
  steps.push([event, flags.extra.length > 0 ? `${script} ${flags.extra.map(quote).join(' ')}` : script]);
  if (scripts[`post${event}`] !== undefined) steps.push([`post${event}`, scripts[`post${event}`] ?? '']);
  const bins = [];
  for (let d = dir; ; d = d.slice(0, d.lastIndexOf('/')) || '/') {
    bins.push(joinPath(d, 'node_modules/.bin'));
    if (d === '/') break;
  }
  for (const [name, command] of steps) {
    if (!flags.silent) out(ctx, `\n> ${label}${name}\n> ${command}\n\n`);
    const prelude = `export PATH=${quote(`${bins.join(':')}:${ctx.env.PATH ?? ''}`)} npm_lifecycle_event=${quote(name)} npm_package_name=${quote(pj.name ?? '')} npm_package_version=${quote(pj.version ?? '')}; `;
    const code = await ctx.runScript(`${prelude}${command}`, { argv0: 'sh' });
    if (code !== 0) {
      npmErr(ctx, [`code ${code}`, `path ${dir}`, 'command failed', `command sh -c ${command}`]);
      return code;
    }
  }
  return 0;
}

async function cache(ctx: CommandContext, flags: Flags): Promise<number> {
  const [sub] = flags.positional;
  const dir = joinPath(ctx.env.HOME ?? ctx.user.home, '.npm/_cacache');
  if (sub === 'clean' || sub === 'clear' || sub === 'rm') {
    if (!flags.force) {
      npmErr(ctx, [
        'As of npm@5, the npm cache self-heals from corruption issues',
        'by treating integrity mismatches as cache misses.  As a result,',
        'data extracted from the cache is guaranteed to be valid.  If you',
        'want to make sure everything is consistent, use `npm cache verify`',
        'instead.  Deleting the cache can only make npm go slower, and is',
        'not likely to prevent any issues you may be encountering.',
        '',
        "On the other hand, if you're debugging an issue with the installer,",
        'or race conditions that depend on the timing of writing to an empty',
        'cache, you can use `npm install --cache /tmp/empty-cache` to use a',
        'temporary cache instead of nuking the actual one.',
        '',
        "If you're sure you want to delete the entire cache, rerun this command",
        'with --force.',
      ]);
      return 1;
    }
    ctx.stderr.write('npm WARN using --force Recommended protections disabled.\n');
    await ctx.fs.rm(dir, { recursive: true, force: true });
    ctx.addSimulatedSeconds(0.2);
    return 0;
  }
  if (sub === 'verify') {
    out(ctx, `Cache verified and compressed (${dir})\n`);
    return 0;
  }
  npmErr(ctx, ['code EUSAGE', '', 'Manipulates packages cache', '', 'Usage:', 'npm cache add <package-spec>', 'npm cache clean [<key>]', 'npm cache ls [<name>@<version>]', 'npm cache verify']);
  return 1;
}

export function npmCommand(getCatalog: () => NpmCatalog): Command {
  return async (ctx) => {
    const catalog = getCatalog();
    const [sub, ...rest] = ctx.args;
    const flags = parseFlags(ctx, rest);
    switch (sub) {
      case '-v':
      case '--version':
        out(ctx, `${catalog.data.npmVersion}\n`);
        return 0;
      case 'install':
      case 'i':
      case 'in':
      case 'add':
      case 'isntall':
        return install(ctx, catalog, flags, false);
      case 'ci':
      case 'clean-install':
      case 'ic':
      case 'install-clean':
        return install(ctx, catalog, flags, true);
      case 'run':
      case 'run-script':
      case 'rum':
      case 'urn':
        return runScript(ctx, { ...flags, positional: flags.positional.slice(1) }, flags.positional[0], false);
      case 'test':
      case 't':
      case 'tst':
      case 'start':
      case 'stop':
      case 'restart':
        return runScript(ctx, flags, sub === 't' || sub === 'tst' ? 'test' : sub, true);
      case 'prune':
        return prune(ctx, catalog, flags);
      case 'cache':
        return cache(ctx, flags);
      case 'init': {
        const name = ctx.cwd.split('/').pop() || 'app';
        const pj = { name, version: '1.0.0', description: '', main: 'index.js', scripts: { test: 'echo "Error: no test specified" && exit 1' }, keywords: [], author: '', license: 'ISC' };
        await writeJsonFile(ctx.fs, packageJsonPath(ctx.cwd), pj);
        out(ctx, `Wrote to ${packageJsonPath(ctx.cwd)}:\n\n${JSON.stringify(pj, null, 2)}\n\n\n`);
        return 0;
      }
      case undefined:
        out(ctx, `npm <command>\n\nUsage:\n\nnpm install        install all the dependencies in your project\nnpm install <foo>  add the <foo> dependency to your project\nnpm test           run this project's tests\nnpm run <foo>      run the script named <foo>\nnpm <command> -h   quick help on <command>\n\nnpm@${catalog.data.npmVersion} /usr/local/lib/node_modules/npm\n`);
        return 1;
      default:
        ctx.stderr.write(`Unknown command: "${sub}"\n\nTo see a list of supported npm commands, run:\n  npm help\n`);
        return 1;
    }
  };
}

/** `npx TOOL [args]`: a bin from node_modules/.bin (this directory or above), else fetched into ~/.npm/_npx. */
export function npxCommand(getCatalog: () => NpmCatalog, dispatch: () => NodeDispatch): Command {
  return async (ctx) => {
    const catalog = getCatalog();
    const args = [...ctx.args];
    let yes = false;
    let pkgSpec: string | undefined;
    while (args[0]?.startsWith('-') === true) {
      const a = args.shift() as string;
      if (a === '-y' || a === '--yes') yes = true;
      else if (a === '-p' || a === '--package') pkgSpec = args.shift();
      else if (a.startsWith('--package=')) pkgSpec = a.slice('--package='.length);
    }
    const [tool, ...rest] = args;
    if (tool === undefined) {
      npmErr(ctx, ['code EUSAGE', '', 'Run a command from a local or remote npm package', '', 'Usage:', 'npm exec -- <pkg>[@<version>] [args...]']);
      return 1;
    }
    const toolName = parseSpec(tool).name;
    for (let d = ctx.cwd; ; d = d.slice(0, d.lastIndexOf('/')) || '/') {
      const bin = joinPath(d, `node_modules/.bin/${toolName}`);
      if (await ctx.fs.exists(bin).catch(() => false)) return runNodeFile(ctx, bin, rest, dispatch());
      if (d === '/') break;
    }
    const spec = parseSpec(pkgSpec ?? tool);
    const owner = catalog.get(spec.name) !== undefined ? spec.name : Object.entries(catalog.data.packages).find(([, p]) => toolName in p.bin)?.[0];
    const plan = planInstall(catalog, [{ name: owner ?? spec.name, range: spec.range, dev: false }]);
    if (!plan.ok) return planError(ctx, plan, catalog.data.registry);
    const first = plan.plan[0];
    if (first === undefined) return 1;
    const home = ctx.env.HOME ?? ctx.user.home;
    const nodeModules = joinPath(home, `.npm/_npx/${hexHash(`${first.name}@${first.pkg.version}`, 16)}/node_modules`);
    const bin = joinPath(nodeModules, `.bin/${toolName in first.pkg.bin ? toolName : (Object.keys(first.pkg.bin)[0] ?? toolName)}`);
    if (!(await ctx.fs.exists(bin).catch(() => false))) {
      if (!yes) ctx.stderr.write(`npm WARN exec The following package was not found and will be installed: ${first.name}@${first.pkg.version}\n`);
      await installPlan(ctx, catalog, plan.plan, { nodeModules, binDir: joinPath(nodeModules, '.bin') }, cacheOf(ctx));
    }
    if (!(await ctx.fs.exists(bin).catch(() => false))) {
      ctx.stderr.write(`sh: 1: ${toolName}: not found\n`);
      return 127;
    }
    return runNodeFile(ctx, bin, rest, dispatch());
  };
}
