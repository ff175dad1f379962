import { joinPath, type CommandContext, type ShellFs } from '@/lib/shell';
import { detectLibc, type Libc } from '../shared/image-facts';
import { normalizeName } from './versions';

/**
 * The interpreter pip and python run under, found the way the image lays it out: the official
 * python images build it into /usr/local (site-packages under /usr/local/lib/pythonX.Y), Debian
 * and Ubuntu's python3 package lives in /usr/bin and its pip installs into
 * /usr/local/lib/pythonX.Y/dist-packages. pip decides wheels and Requires-Python from this.
 */

export interface PythonEnv {
  /** `3.9.18` */
  version: string;
  /** `3.9` */
  short: string;
  /** `cp39`, the wheel tag */
  tag: string;
  binary: string;
  sitePackages: string;
  scriptsDir: string;
  userSite: string;
  userScripts: string;
  libc: Libc;
  home: string;
}

/** Patch releases the images of the material ship (python:3.9 is 3.9.18; Debian 12 has 3.11.2). */
const PATCH: Record<string, string> = { '3.8': '3.8.10', '3.9': '3.9.18', '3.10': '3.10.12', '3.11': '3.11.2', '3.12': '3.12.1' };

async function findBinary(fs: ShellFs): Promise<{ dir: string; short: string } | undefined> {
  for (const dir of ['/usr/local/bin', '/usr/bin']) {
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      continue;
    }
    const versions = names.map((n) => /^python(3\.\d+)$/.exec(n)?.[1]).filter((v): v is string => v !== undefined);
    versions.sort((a, b) => Number(b.split('.')[1]) - Number(a.split('.')[1]));
    if (versions[0] !== undefined) return { dir, short: versions[0] };
  }
  return undefined;
}

export async function findPython(ctx: Pick<CommandContext, 'fs' | 'env' | 'user'>): Promise<PythonEnv | undefined> {
  const found = await findBinary(ctx.fs);
  if (found === undefined) return undefined;
  const { dir, short } = found;
  const home = ctx.env.HOME ?? ctx.user.home;
  const local = dir === '/usr/local/bin';
  return {
    version: PATCH[short] ?? `${short}.0`,
    short,
    tag: `cp${short.replace('.', '')}`,
    binary: joinPath(dir, `python${short}`),
    sitePackages: local ? `/usr/local/lib/python${short}/site-packages` : `/usr/local/lib/python${short}/dist-packages`,
    scriptsDir: '/usr/local/bin',
    userSite: joinPath(home, `.local/lib/python${short}/site-packages`),
    userScripts: joinPath(home, '.local/bin'),
    libc: (await detectLibc(ctx.fs)) ?? 'glibc',
    home,
  };
}

export interface InstalledDist {
  name: string;
  version: string;
  /** The site directory it lives in. */
  site: string;
  /** Its dist-info directory, or undefined for the image's own pip/setuptools (no dist-info modeled). */
  distInfo?: string;
}

/** Installed distributions in the given site directories, keyed by normalized name. */
export async function installedDists(fs: ShellFs, sites: readonly string[], preinstalled: Readonly<Record<string, string>>): Promise<Map<string, InstalledDist>> {
  const out = new Map<string, InstalledDist>();
  for (const site of sites) {
    let names: string[];
    try {
      names = await fs.readdir(site);
    } catch {
      continue;
    }
    for (const entry of names) {
      const m = /^(.+)-([^-]+)\.dist-info$/.exec(entry);
      if (m !== null) {
        const key = normalizeName(m[1] as string);
        if (!out.has(key)) out.set(key, { name: m[1] as string, version: m[2] as string, site, distInfo: joinPath(site, entry) });
      }
    }
    // The python images install pip and setuptools without the dist-info the hub models.
    for (const [name, version] of Object.entries(preinstalled)) {
      if (!out.has(name) && names.includes(name)) out.set(name, { name, version, site });
    }
  }
  return out;
}

/** Where a --user install looks first, then the system site (user site wins, as in sys.path). */
export function searchSites(env: PythonEnv): string[] {
  return [env.userSite, env.sitePackages];
}
