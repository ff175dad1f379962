import { joinPath, type CommandContext, type ShellFs } from '@/lib/shell';
import { writeSyntheticFile } from '../shared/write-files';
import type { NpmCatalog } from './npm-catalog';
import { depsOf, hexHash, readJsonFile, readText, type PackageJson } from './npm-project';

/**
 * The build tools a package.json script typically calls, run when their bin script (written by
 * npm install into node_modules/.bin) is executed by `node`. They do not compile anything: they
 * find the sources a real run would read and emit output of a size derived from them plus the
 * minified size of the production dependencies a bundler pulls in (the catalog's bundleSize).
 */

export type Tool = (ctx: CommandContext, args: readonly string[], catalog: NpmCatalog) => Promise<number>;

const SOURCE = /\.(?:[cm]?[jt]sx?|css|scss|json|svg|html)$/;

interface SourceFile {
  path: string;
  rel: string;
  size: number;
}

async function walk(fs: ShellFs, dir: string, rel = ''): Promise<SourceFile[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const out: SourceFile[] = [];
  for (const name of names) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = joinPath(dir, name);
    const st = await fs.stat(path).catch(() => undefined);
    if (st?.type === 'dir') out.push(...(await walk(fs, path, rel === '' ? name : `${rel}/${name}`)));
    else if (st?.type === 'file' && SOURCE.test(name)) out.push({ path, rel: rel === '' ? name : `${rel}/${name}`, size: st.size });
  }
  return out;
}

const sum = (files: readonly SourceFile[]) => files.reduce((n, f) => n + f.size, 0);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10240 ? 2 : 0)} KiB`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;

/** Minified bytes of the production dependencies that are installed (what a bundle carries). */
async function bundledDeps(ctx: CommandContext, catalog: NpmCatalog): Promise<number> {
  const pj = await readJsonFile<PackageJson>(ctx.fs, joinPath(ctx.cwd, 'package.json'));
  if (!pj.ok) return 0;
  let bytes = 0;
  for (const [name] of depsOf(pj.value.dependencies)) {
    if (!(await ctx.fs.exists(joinPath(ctx.cwd, `node_modules/${name}/package.json`)).catch(() => false))) continue;
    bytes += catalog.get(name)?.bundleSize ?? 0;
  }
  return bytes;
}

async function emit(ctx: CommandContext, path: string, size: number, seedText: string): Promise<void> {
  await writeSyntheticFile(ctx.fs, path, Math.max(1, Math.round(size)), `npm-build:${seedText}|${path}`);
}

function looseJson(text: string): unknown {
  const stripped = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:"'])\/\/.*$/gm, '$1').replace(/,(\s*[}\]])/g, '$1');
  try {
    return JSON.parse(stripped);
  } catch {
    return undefined;
  }
}

const tsc: Tool = async (ctx, args, catalog) => {
  const version = catalog.get('typescript')?.version ?? '5.3.3';
  if (args.includes('-v') || args.includes('--version')) {
    ctx.stdout.write(`Version ${version}\n`);
    return 0;
  }
  const p = args.indexOf('-p') >= 0 ? args.indexOf('-p') : args.indexOf('--project');
  const configPath = ctx.resolve(p >= 0 ? (args[p + 1] ?? 'tsconfig.json') : 'tsconfig.json');
  const configFile = configPath.endsWith('.json') ? configPath : joinPath(configPath, 'tsconfig.json');
  const text = await readText(ctx.fs, configFile);
  if (text === undefined) {
    ctx.stdout.write(`Version ${version}\ntsc: The TypeScript Compiler - Version ${version}\n\nCOMMON COMMANDS\n\n  tsc\n  Compiles the current project (tsconfig.json in the working directory.)\n`);
    return 1;
  }
  const config = (looseJson(text) ?? {}) as { compilerOptions?: { outDir?: string; rootDir?: string; noEmit?: boolean }; include?: string[] };
  const opts = config.compilerOptions ?? {};
  const outArg = args.indexOf('--outDir');
  const outDir = outArg >= 0 ? args[outArg + 1] : opts.outDir;
  const include = config.include ?? [opts.rootDir ?? '.'];
  const roots = [...new Set(include.map((i) => i.replace(/\/?\*\*.*$|\/\*.*$/, '') || '.'))];
  const files: SourceFile[] = [];
  for (const root of roots) files.push(...(await walk(ctx.fs, ctx.resolve(root))).map((f) => ({ ...f, rel: root === '.' ? f.rel : `${root}/${f.rel}` })));
  const outAbs = outDir === undefined ? undefined : ctx.resolve(outDir);
  const inputs = files.filter((f) => /\.(?:[cm]?tsx?)$/.test(f.rel) && !f.rel.endsWith('.d.ts') && (outAbs === undefined || !f.path.startsWith(`${outAbs}/`)));
  if (inputs.length === 0) {
    ctx.stdout.write(`error TS18003: No inputs were found in config file '${configFile}'. Specified 'include' paths were '${JSON.stringify(config.include ?? ['**/*'])}' and 'exclude' paths were '${JSON.stringify(outDir === undefined ? [] : [outDir])}'.\n\n\nFound 1 error.\n\n`);
    return 2;
  }
  ctx.addSimulatedSeconds(1.5 + inputs.length * 0.05);
  if (opts.noEmit === true || args.includes('--noEmit')) return 0;
  const common = opts.rootDir !== undefined ? opts.rootDir.replace(/^\.\/?/, '') : roots.length === 1 && roots[0] !== '.' ? (roots[0] ?? '') : '';
  for (const f of inputs) {
    const rel = (common !== '' && f.rel.startsWith(`${common}/`) ? f.rel.slice(common.length + 1) : f.rel).replace(/\.([cm]?)tsx?$/, '.$1js');
    const out = outAbs === undefined ? f.path.replace(/\.([cm]?)tsx?$/, '.$1js') : joinPath(outAbs, rel);
    await emit(ctx, out, f.size * 0.85, 'tsc');
  }
  return 0;
};

const webpack: Tool = async (ctx, args, catalog) => {
  const version = catalog.get('webpack')?.version ?? '5.89.0';
  if (args.includes('-v') || args.includes('--version')) {
    ctx.stdout.write(`webpack: ${version}\nwebpack-cli: ${catalog.get('webpack-cli')?.version ?? '5.1.4'}\n`);
    return 0;
  }
  const src = await walk(ctx.fs, ctx.resolve('src'));
  if (!src.some((f) => /^index\.[jt]sx?$/.test(f.rel))) {
    ctx.stdout.write(`assets by status 0 bytes [cached] 1 asset\n\nERROR in main\nModule not found: Error: Can't resolve './src' in '${ctx.cwd}'\n\nwebpack ${version} compiled with 1 error in 120 ms\n`);
    return 1;
  }
  const deps = await bundledDeps(ctx, catalog);
  const size = Math.round(sum(src) * 0.55 + deps);
  await emit(ctx, joinPath(ctx.cwd, 'dist/main.js'), size, 'webpack');
  const seconds = 2 + sum(src) / 50e3 + deps / 200e3;
  ctx.addSimulatedSeconds(seconds);
  ctx.stdout.write(`asset main.js ${kib(size)} [emitted] [minimized] (name: main)\nwebpack ${version} compiled successfully in ${Math.round(seconds * 1000)} ms\n`);
  return 0;
};

const vite: Tool = async (ctx, args, catalog) => {
  const version = catalog.get('vite')?.version ?? '5.0.12';
  if (args[0] !== 'build') {
    ctx.stdout.write(`\n  VITE v${version}  ready in 312 ms\n\n  ➜  Local:   http://localhost:5173/\n`);
    return 0;
  }
  const html = await readText(ctx.fs, joinPath(ctx.cwd, 'index.html'));
  ctx.stdout.write(`vite v${version} building for production...\n`);
  if (html === undefined) {
    ctx.stderr.write('error during build:\nError: Could not resolve entry module "index.html".\n');
    return 1;
  }
  const src = await walk(ctx.fs, ctx.resolve('src'));
  const deps = await bundledDeps(ctx, catalog);
  const size = Math.round(sum(src) * 0.55 + deps);
  const js = `dist/assets/index-${hexHash(`${sum(src)}|${deps}`)}.js`;
  await ctx.fs.mkdir(joinPath(ctx.cwd, 'dist/assets'), { recursive: true });
  await ctx.fs.writeFile(joinPath(ctx.cwd, 'dist/index.html'), html);
  await emit(ctx, joinPath(ctx.cwd, js), size, 'vite');
  const seconds = 1 + sum(src) / 100e3 + deps / 400e3;
  ctx.addSimulatedSeconds(seconds);
  const htmlBytes = new TextEncoder().encode(html).length;
  ctx.stdout.write(`✓ ${src.length + 2} modules transformed.\ndist/index.html ${kb(htmlBytes).padStart(12)} │ gzip: ${kb(htmlBytes * 0.6).padStart(9)}\n${js} ${kb(size).padStart(12)} │ gzip: ${kb(size * 0.32).padStart(9)}\n✓ built in ${seconds.toFixed(2)}s\n`);
  return 0;
};

async function jestRun(ctx: CommandContext, label = 'jest'): Promise<number> {
  const files = (await walk(ctx.fs, ctx.cwd)).filter((f) => /(?:\.(?:test|spec)\.[cm]?[jt]sx?$)|(?:__tests__\/.*\.[jt]sx?$)/.test(f.rel));
  if (files.length === 0) {
    ctx.stdout.write(`No tests found, exiting with code 1\nRun with \`--passWithNoTests\` to exit with code 0\n`);
    return ctx.args.includes('--passWithNoTests') ? 0 : 1;
  }
  let tests = 0;
  for (const f of files) {
    const text = (await readText(ctx.fs, f.path)) ?? '';
    tests += Math.max(1, (text.match(/\b(?:it|test)\s*\(/g) ?? []).length);
    ctx.stderr.write(`PASS ${f.rel}\n`);
  }
  const seconds = 1 + files.length * 0.4;
  ctx.addSimulatedSeconds(seconds);
  const suites = files.length;
  ctx.stderr.write(`\nTest Suites: ${suites} passed, ${suites} total\nTests:       ${tests} passed, ${tests} total\nSnapshots:   0 total\nTime:        ${seconds.toFixed(3)} s\nRan all test suites${label === 'jest' ? '' : ''}.\n`);
  return 0;
}

const jest: Tool = async (ctx) => jestRun(ctx);

const reactScripts: Tool = async (ctx, args, catalog) => {
  const [sub] = args;
  if (sub === 'test') return jestRun(ctx, 'react-scripts');
  if (sub === 'start') {
    ctx.stdout.write('Starting the development server...\n\nCompiled successfully!\n');
    return 0;
  }
  if (sub !== 'build') {
    ctx.stdout.write(`Unknown script "${sub ?? ''}".\nPerhaps you need to update react-scripts?\n`);
    return 1;
  }
  for (const [dir, name] of [['public', 'index.html'], ['src', 'index.js']] as const) {
    const found = name === 'index.js' ? (await walk(ctx.fs, ctx.resolve(dir))).some((f) => /^index\.[jt]sx?$/.test(f.rel)) : await ctx.fs.exists(joinPath(ctx.cwd, `${dir}/${name}`)).catch(() => false);
    if (!found) {
      ctx.stdout.write(`Could not find a required file.\n  Name: ${name}\n  Searched in: ${joinPath(ctx.cwd, dir)}\n`);
      return 1;
    }
  }
  ctx.stdout.write('Creating an optimized production build...\n');
  const src = await walk(ctx.fs, ctx.resolve('src'));
  const pub = await walk(ctx.fs, ctx.resolve('public'));
  const deps = await bundledDeps(ctx, catalog);
  const js = Math.round(sum(src) * 0.55 + deps);
  const hash = hexHash(`${sum(src)}|${deps}`);
  const build = joinPath(ctx.cwd, 'build');
  for (const f of pub) await emit(ctx, joinPath(build, f.rel), f.size, 'react-scripts');
  await emit(ctx, joinPath(build, `static/js/main.${hash}.js`), js, 'react-scripts');
  if (ctx.env.GENERATE_SOURCEMAP !== 'false') await emit(ctx, joinPath(build, `static/js/main.${hash}.js.map`), js * 2.6, 'react-scripts');
  await ctx.fs.writeFile(joinPath(build, 'asset-manifest.json'), `${JSON.stringify({ files: { 'main.js': `/static/js/main.${hash}.js`, 'index.html': '/index.html' }, entrypoints: [`static/js/main.${hash}.js`] }, null, 2)}\n`);
  ctx.addSimulatedSeconds(8 + sum(src) / 20e3 + deps / 50e3);
  ctx.stdout.write(`Compiled successfully.\n\nFile sizes after gzip:\n\n  ${kb(js * 0.32).padEnd(9)} build/static/js/main.${hash}.js\n\nThe project was built assuming it is hosted at /.\nYou can control this with the homepage field in your package.json.\n\nThe build folder is ready to be deployed.\n`);
  return 0;
};

/** Tools that exist so their bins run, without output of their own (linters, watchers). */
const quiet: Tool = async () => 0;

export const TOOLS: Readonly<Record<string, Tool>> = {
  tsc,
  webpack,
  'webpack-cli': webpack,
  vite,
  'react-scripts': reactScripts,
  jest,
  eslint: quiet,
  nodemon: quiet,
  tsserver: quiet,
};
