import { joinPath, type CommandContext, type ShellFs } from '@/lib/shell';
import { bulkFiles, writePackageFiles, type PackageFile } from '../shared/write-files';
import type { Planned } from './pip-resolve';
import type { PythonEnv } from './python-env';

/**
 * Building (when there is no wheel) and installing what the resolver planned: a real dist-info
 * (METADATA, RECORD, INSTALLER, WHEEL, top_level.txt, entry_points.txt) plus synthetic bulk
 * making up the catalog's installed size, console scripts beside the interpreter, and the
 * download cache pip keeps under ~/.cache/pip unless told not to.
 */

/** Deterministic stand-in for the sha224 of a URL pip uses to name cache entries. */
export function cacheKey(text: string): string {
  let h = 2166136261;
  let out = '';
  for (let round = 0; out.length < 56; round++) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
    h = Math.imul(h ^ round, 2246822519) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 56);
}

export function httpCachePath(cacheDir: string, file: string): string {
  const k = cacheKey(file);
  return joinPath(cacheDir, `http/${k[0]}/${k[1]}/${k[2]}/${k[3]}/${k[4]}/${k}`);
}

/** Source builds: pip runs the compiler, which must be in the image (gcc present = /usr/bin/gcc). */
export async function buildFailure(fs: ShellFs, p: Planned, env: PythonEnv): Promise<string[] | undefined> {
  const build = p.version.build ?? { tools: ['gcc'], seconds: 60 };
  const legacy = p.version.wheels.sdist !== undefined;
  const has = (path: string) => fs.exists(path).catch(() => false);
  let detail: string[] | undefined;
  for (const tool of build.tools) {
    if (!(await has(`/usr/bin/${tool}`))) {
      detail = [
        'running build_ext',
        `building '${p.pkg.imports[0] ?? p.key}._ext' extension`,
        `${tool} -pthread -Wno-unused-result -Wsign-compare -DNDEBUG -g -fwrapv -O3 -Wall -fPIC -I/usr/local/include/python${env.short} -c ext.c -o build/temp.linux-x86_64-cpython-${env.tag.slice(2)}/ext.o`,
        `error: command '${tool}' failed: No such file or directory`,
      ];
      break;
    }
  }
  for (const header of build.headers ?? []) {
    if (detail === undefined && !(await has(header.path))) detail = ['running egg_info', `Error: ${header.error}`, '', `(${header.package} provides it)`];
  }
  if (detail === undefined) return undefined;
  const name = p.pkg.name;
  const what = legacy ? 'python setup.py bdist_wheel' : 'Building wheel (pyproject.toml)';
  return [
    `  Building wheel for ${name} (${legacy ? 'setup.py' : 'pyproject.toml'}) ... error`,
    '  error: subprocess-exited-with-error',
    '  ',
    `  × ${what} did not run successfully.`,
    '  │ exit code: 1',
    `  ╰─> [${detail.length} lines of output]`,
    ...detail.map((l) => `      ${l}`),
    '      [end of output]',
    '  ',
    '  note: This error originates from a subprocess, and is likely not a problem with pip.',
    `  ERROR: Failed building wheel for ${name}`,
    ...(legacy ? [`  Running setup.py clean for ${name}`] : []),
    `Failed to build ${name}`,
    `ERROR: Could not build wheels for ${name}, which is required to install pyproject.toml-based projects`,
  ];
}

export interface InstallTarget {
  site: string;
  scripts: string;
}

const relFromSite = (site: string, path: string): string => {
  const up = site.split('/').filter(Boolean).length;
  return path.startsWith(`${site}/`) ? path.slice(site.length + 1) : `${'../'.repeat(up)}${path.slice(1)}`;
};

/** Writes one distribution; returns the bytes written. */
export async function installDist(ctx: CommandContext, p: Planned, target: InstallTarget, env: PythonEnv): Promise<number> {
  const { pkg, version } = p;
  const distName = pkg.name.replace(/-/g, '_');
  const distInfo = joinPath(target.site, `${distName}-${version.version}.dist-info`);
  const scripts: PackageFile[] = pkg.scripts.map((s) => ({
    path: joinPath(target.scripts, s),
    mode: 0o755,
    text: `#!${env.binary}\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom ${pkg.imports[0] ?? distName} import main\nif __name__ == '__main__':\n    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])\n    sys.exit(main())\n`,
  }));
  const meta: PackageFile[] = [
    { path: joinPath(distInfo, 'INSTALLER'), text: 'pip\n' },
    { path: joinPath(distInfo, 'METADATA'), text: `Metadata-Version: 2.1\nName: ${pkg.name}\nVersion: ${version.version}\nRequires-Python: ${version.requiresPython}\n${version.dependencies.map((d) => `Requires-Dist: ${d}\n`).join('')}` },
    { path: joinPath(distInfo, 'WHEEL'), text: `Wheel-Version: 1.0\nGenerator: layerlab (modeled)\nRoot-Is-Purelib: ${version.wheels.pure !== undefined}\nTag: ${p.dist.file.split('-').slice(2).join('-').replace(/\.(whl|tar\.gz)$/, '')}\n` },
    { path: joinPath(distInfo, 'top_level.txt'), text: `${pkg.imports.join('\n')}\n` },
  ];
  if (pkg.scripts.length > 0) meta.push({ path: joinPath(distInfo, 'entry_points.txt'), text: `[console_scripts]\n${pkg.scripts.map((s) => `${s} = ${pkg.imports[0] ?? distName}:main`).join('\n')}\n` });
  const metaBytes = meta.reduce((n, f) => n + new TextEncoder().encode(f.text ?? '').length, 0);
  const bulkBytes = Math.max(0, version.installedSize - metaBytes - 4000);
  const count = Math.min(version.files ?? 16, 200);
  const bulk = bulkFiles(joinPath(target.site, pkg.imports[0] ?? distName), count, bulkBytes, '.py');
  const paths = [...bulk, ...meta, ...scripts].map((f) => f.path).concat(joinPath(distInfo, 'RECORD'));
  // RECORD lists every file so `pip uninstall` removes exactly what was installed.
  const record = `${paths.map((path) => `${relFromSite(target.site, path)},,`).join('\n')}\n`;
  const all = [...bulk, ...meta, { path: joinPath(distInfo, 'RECORD'), text: record }, ...scripts];
  return writePackageFiles(ctx.fs, all, `pip|${p.key}|${version.version}`);
}

/** Removes a distribution through its RECORD (pip uninstall and the upgrade path). */
export async function removeDist(fs: ShellFs, site: string, distInfo: string): Promise<void> {
  let record = '';
  try {
    record = new TextDecoder().decode(await fs.readFile(joinPath(distInfo, 'RECORD')));
  } catch {
    // no RECORD: remove the dist-info only
  }
  for (const line of record.split('\n')) {
    const rel = line.split(',')[0] ?? '';
    if (rel !== '') await fs.rm(rel.startsWith('../') ? joinPath('/', rel.replace(/^(\.\.\/)+/, '')) : joinPath(site, rel), { force: true });
  }
  await fs.rm(distInfo, { recursive: true, force: true });
  await removeEmptyDirs(fs, site);
}

/** Removes directories left empty below `dir` (not `dir` itself), as pip's uninstall does. */
async function removeEmptyDirs(fs: ShellFs, dir: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const path = joinPath(dir, n);
    const st = await fs.lstat(path).catch(() => undefined);
    if (st?.type !== 'dir') continue;
    await removeEmptyDirs(fs, path);
    if ((await fs.readdir(path)).length === 0) await fs.rm(path, { recursive: true });
  }
}

/** Cache bytes for one download (and the wheel pip stores after a source build). */
export async function writeCache(fs: ShellFs, cacheDir: string, p: Planned, env: PythonEnv): Promise<void> {
  const files: PackageFile[] = [{ path: httpCachePath(cacheDir, p.dist.file), size: p.dist.size }];
  if (p.dist.source) {
    const k = cacheKey(`${p.key}-${p.version.version}`);
    const wheel = `${p.pkg.name.replace(/-/g, '_')}-${p.version.version}-${env.tag}-${env.tag}-linux_x86_64.whl`;
    files.push({ path: joinPath(cacheDir, `wheels/${k.slice(0, 2)}/${k.slice(2, 4)}/${k.slice(4, 6)}/${k.slice(6)}/${wheel}`), size: Math.round(p.version.installedSize * 0.4) });
  }
  await writePackageFiles(fs, files, `pip-cache|${p.key}|${p.version.version}`);
}
