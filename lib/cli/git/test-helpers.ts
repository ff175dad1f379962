/**
 * A terminal over a memory workspace with `git` on the table, for tests: `run(line)` runs a real
 * shell line and returns what the terminal would show. Not used by the app.
 */
import { createCoreutils, createMemoryFs, runShell, type MemoryFsSeed, type ShellFs } from '@/lib/shell';
import { createGitCommand } from './git-program';

export const FIXED_NOW = Date.parse('2026-11-28T12:00:00Z');

export interface GitTestbed {
  fs: ShellFs;
  run(line: string, env?: Record<string, string>): Promise<{ exitCode: number; stdout: string; stderr: string }>;
}

export function createGitTestbed(seed: MemoryFsSeed = {}, options: { tty?: boolean; cwd?: string } = {}): GitTestbed {
  const fs = createMemoryFs({ '/workspace/': '', '/root/': '', ...seed });
  const commands = { ...createCoreutils(), git: createGitCommand({ now: () => FIXED_NOW, tty: options.tty ?? false }) };
  return {
    fs,
    async run(line, env = {}) {
      const result = await runShell(line, { fs, commands, cwd: options.cwd ?? '/workspace', env: { HOME: '/root', PATH: '/usr/bin:/bin', ...env } });
      return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
    },
  };
}
