import { createCoreutils, createMemoryFs, runShell, type MemoryFsSeed, type RunShellResult, type ShellFs } from '@/lib/shell';
import { createPackageCommands, type PackageCommandOptions } from './create-package-commands';
import type { SyntheticWriter } from './write-files';

/**
 * Unit-test harness for package commands: a memory fs that also records synthetic writes (so a
 * test can check a 66 MB download's size and seed without the bytes), coreutils plus every
 * package command, the table resolver (tests need not seed binaries on PATH).
 */
export interface SyntheticRecord {
  size: number;
  seed: string;
  mode: number;
}

export interface PackageRun extends RunShellResult {
  fs: ShellFs;
  synthetic: Map<string, SyntheticRecord>;
  text(path: string): Promise<string>;
}

export function recordingFs(seed: MemoryFsSeed): { fs: ShellFs & SyntheticWriter; synthetic: Map<string, SyntheticRecord> } {
  const base = createMemoryFs(seed);
  const synthetic = new Map<string, SyntheticRecord>();
  const fs: ShellFs & SyntheticWriter = Object.assign(Object.create(null) as object, base, {
    async writeSynthetic(path: string, size: number, s: string, mode = 0o644) {
      synthetic.set(path, { size, seed: s, mode });
      await base.writeFile(path, `synthetic:${s}:${size}`, { mode });
      await base.chmod(path, mode);
    },
  });
  return { fs, synthetic };
}

export async function runPackages(script: string, seed: MemoryFsSeed = {}, env: Record<string, string> = {}, options: PackageCommandOptions = {}): Promise<PackageRun> {
  const { fs, synthetic } = recordingFs({ '/tmp/': '', '/root/': '', ...seed });
  const commands = { ...createCoreutils(), ...createPackageCommands(options) };
  const result = await runShell(script, { fs, commands, env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root', ...env }, cwd: '/' });
  return { ...result, fs, synthetic, text: async (path) => new TextDecoder().decode(await fs.readFile(path)) };
}
