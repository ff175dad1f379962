import { createCoreutils, createMemoryFs, joinPath, pathResolver, runShell, type MemoryFsSeed, type ShellFs } from '@/lib/shell';
import type { SyntheticWriter } from '../shared/write-files';
import { npmCommands } from './index';

/**
 * Test fixtures: a memory fs seeded like node:18 (node, npm/npx as symlinks to npm's
 * `#!/usr/bin/env node` entry scripts, yarn) whose synthetic writes keep only their size, so a
 * 165 MB react-scripts tree costs nothing; `du` sums those sizes as Docker counts a layer.
 */

export interface NodeFs extends ShellFs, SyntheticWriter {
  sizes: Map<string, number>;
}

export function nodeFs(seed: MemoryFsSeed = {}): NodeFs {
  const base = createMemoryFs({ '/tmp/': '', '/root/': '', ...node18Seed(), ...seed });
  const sizes = new Map<string, number>();
  return Object.assign(base, {
    sizes,
    async writeSynthetic(path: string, size: number, _seed: string, mode = 0o644) {
      await base.writeFile(path, 'synthetic', { mode });
      await base.chmod(path, mode);
      sizes.set(path, size);
    },
  });
}

const exe = (content = '\u007fELF') => ({ content, mode: 0o755 });

export function node18Seed(): MemoryFsSeed {
  return {
    '/bin/sh': exe(),
    '/usr/bin/env': exe(),
    '/etc/debian_version': '12.4\n',
    '/usr/local/bin/node': exe(),
    '/usr/local/bin/npm': { symlink: '../lib/node_modules/npm/bin/npm-cli.js' },
    '/usr/local/bin/npx': { symlink: '../lib/node_modules/npm/bin/npx-cli.js' },
    '/usr/local/lib/node_modules/npm/bin/npm-cli.js': exe("#!/usr/bin/env node\nrequire('../lib/cli.js')(process)\n"),
    '/usr/local/lib/node_modules/npm/bin/npx-cli.js': exe("#!/usr/bin/env node\nrequire('../lib/cli.js')(process)\n"),
    '/usr/local/bin/yarn': { symlink: '/opt/yarn-v1.22.19/bin/yarn' },
    '/opt/yarn-v1.22.19/bin/yarn': exe(),
  };
}

const commands = { ...createCoreutils(), ...npmCommands() };

export async function run(script: string, fs: ShellFs, cwd = '/app', env: Record<string, string> = {}) {
  await fs.mkdir(cwd, { recursive: true });
  return runShell(script, {
    fs,
    commands,
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', NODE_VERSION: '18.19.0', ...env },
    cwd,
    resolveCommand: pathResolver(commands),
  });
}

/** Sum of file sizes under a path (synthetic files at their recorded size). */
export async function du(fs: NodeFs, path: string): Promise<number> {
  const st = await fs.lstat(path).catch(() => undefined);
  if (st === undefined) return 0;
  if (st.type !== 'dir') return st.type === 'file' ? (fs.sizes.get(path) ?? st.size) : 0;
  let total = 0;
  for (const name of await fs.readdir(path)) total += await du(fs, joinPath(path, name));
  return total;
}
