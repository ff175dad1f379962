import { createCoreutils, createMemoryFs, joinPath, pathResolver, runShell, type CommandTable, type MemoryFsSeed, type ShellFs } from '@/lib/shell';

/**
 * Test fixtures for the language tools: a memory fs seeded like the images (python:3.9-slim,
 * python:3.9-alpine, node:18) that also accepts synthetic writes — as zero-filled buffers, so
 * sizes are exact without the tree adapter — and a runner that resolves commands through PATH.
 */

export function syntheticMemoryFs(seed: MemoryFsSeed): ShellFs & { writeSynthetic(path: string, size: number, seed: string, mode?: number): Promise<void> } {
  const fs = createMemoryFs({ '/tmp/': '', '/root/': '', ...seed });
  return Object.assign(fs, {
    async writeSynthetic(path: string, size: number, _seed: string, mode = 0o644) {
      await fs.writeFile(path, new Uint8Array(size), { mode });
      await fs.chmod(path, mode);
    },
  });
}

const exe = (content = '\u007fELF') => ({ content, mode: 0o755 });

export function python39Seed(libc: 'glibc' | 'musl' = 'glibc'): MemoryFsSeed {
  return {
    '/bin/sh': exe(),
    '/usr/bin/': '',
    '/usr/local/bin/python3.9': exe(),
    '/usr/local/bin/python3': { symlink: 'python3.9' },
    '/usr/local/bin/python': { symlink: 'python3' },
    '/usr/local/bin/pip': exe(),
    '/usr/local/bin/pip3': exe(),
    '/usr/local/lib/python3.9/os.py': 'import abc\n',
    '/usr/local/lib/python3.9/site-packages/pip/__init__.py': '',
    '/usr/local/lib/python3.9/site-packages/setuptools/__init__.py': '',
    ...(libc === 'musl' ? { '/etc/alpine-release': '3.19.0\n', '/lib/ld-musl-x86_64.so.1': exe() } : { '/etc/debian_version': '12.4\n', '/lib/x86_64-linux-gnu/libc.so.6': exe() }),
  };
}

export async function run(script: string, fs: ShellFs, commands: CommandTable, cwd = '/', env: Record<string, string> = {}) {
  const table = { ...createCoreutils(), ...commands };
  return runShell(script, {
    fs,
    commands: table,
    env: { PATH: '/usr/local/bin:/usr/local/sbin:/usr/bin:/bin', HOME: '/root', ...env },
    cwd,
    resolveCommand: pathResolver(table),
  });
}

/** Sum of file sizes under a path, as Docker counts a layer. */
export async function du(fs: ShellFs, path: string): Promise<number> {
  const st = await fs.lstat(path).catch(() => undefined);
  if (st === undefined) return 0;
  if (st.type !== 'dir') return st.type === 'file' ? st.size : 0;
  let total = 0;
  for (const name of await fs.readdir(path)) total += await du(fs, joinPath(path, name));
  return total;
}
