import { createCoreutils } from './commands/coreutils';
import { createMemoryFs, type MemoryFsSeed } from './fs/memory-fs';
import type { ShellFs } from './fs/shell-fs';
import { runShell, type RunShellOptions, type RunShellResult } from './run/run-shell';

/** Runs a script over a fresh memory fs with the coreutils, as the unit tests need it. */
export async function sh(script: string, seed: MemoryFsSeed = {}, options: Partial<RunShellOptions> = {}): Promise<RunShellResult & { fs: ShellFs }> {
  const fs = options.fs ?? createMemoryFs({ '/tmp/': '', '/root/': '', ...seed });
  const result = await runShell(script, { fs, commands: createCoreutils(), env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root' }, ...options });
  return { ...result, fs };
}

export async function readText(fs: ShellFs, path: string): Promise<string> {
  return new TextDecoder().decode(await fs.readFile(path));
}
