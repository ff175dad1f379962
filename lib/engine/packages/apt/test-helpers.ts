import { createCoreutils, createMemoryFs, pathResolver, runShell, type CommandTable, type ShellFs } from '@/lib/shell';
import catalogJson from '@/content/catalog/apt/debian-bookworm.json';
import debianJson from '@/content/hub/library/debian.json';
import { loadAptCatalog, type AptCatalog } from './apt-catalog';

/** A memory fs seeded like debian:bookworm as far as apt can tell: dpkg status, apt dirs, PATH binaries. */
export const aptCatalog: AptCatalog = loadAptCatalog(catalogJson);

function basePackages(): string[] {
  const layer = debianJson.tags.bookworm.layers[0];
  for (const entry of layer?.entries ?? []) if ('packages' in entry && Array.isArray(entry.list)) return entry.list;
  return [];
}

export function debianFs(): ShellFs {
  const status = basePackages()
    .map((item) => {
      const [name, version] = item.split('=');
      return `Package: ${name}\nStatus: install ok installed\nArchitecture: amd64\nVersion: ${version}\n`;
    })
    .join('\n');
  const bin = { content: '', mode: 0o755 };
  return createMemoryFs({
    '/tmp/': '',
    '/root/': '',
    '/var/lib/apt/lists/': '',
    '/var/cache/apt/archives/partial/': '',
    '/var/lib/dpkg/status': status,
    '/usr/bin/apt-get': bin,
    '/usr/bin/apt': bin,
    '/usr/bin/apt-cache': bin,
    '/usr/bin/dpkg': bin,
    '/usr/bin/sh': bin,
    '/usr/bin/rm': bin,
    '/usr/bin/ls': bin,
    '/usr/bin/cat': bin,
    '/usr/bin/echo': bin,
    '/bin': { symlink: 'usr/bin' },
  });
}

export async function runApt(fs: ShellFs, script: string, extra: CommandTable = {}) {
  const commands = { ...createCoreutils(), ...extra };
  return runShell(script, { fs, commands, env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' }, cwd: '/', resolveCommand: pathResolver(commands) });
}

/** Bytes of regular files under `root` (what a layer adds, Docker's size: file sizes only). */
export async function treeBytes(fs: ShellFs, root = '/'): Promise<number> {
  let total = 0;
  const walk = async (path: string): Promise<void> => {
    const stat = await fs.lstat(path);
    if (stat.type === 'file') total += stat.size;
    if (stat.type !== 'dir') return;
    for (const name of await fs.readdir(path)) await walk(path === '/' ? `/${name}` : `${path}/${name}`);
  };
  if (await fs.exists(root)) await walk(root);
  return total;
}
