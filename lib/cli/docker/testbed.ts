/**
 * A docker CLI over memory for tests: a memory store as the daemon, a memory fs as the
 * workspace, a fixed clock, and the real shell in front so `docker images -q | wc -l` and
 * `$(...)` work as in the terminal. Not used by the app.
 */
import { createMemoryStore, type Store } from '@/lib/engine';
import { createCoreutils, createMemoryFs, runShell, type CommandTable, type ShellFs } from '@/lib/shell';
import { wasmSha256 } from '@/lib/util';
import type { DockerContext } from './context';
import { runDocker } from './program';

export interface DockerTestbed {
  store: Store;
  fs: ShellFs;
  /** Current fake time in ms; tests move it forward to age images. */
  clock: { now: number };
  /** Runs one shell line with `docker` on the PATH; returns what the terminal would show. */
  run(line: string, options?: { stdin?: string; answer?: string }): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  /** Builds the context a command gets; tests of single commands use it directly. */
  context: (overrides?: Partial<DockerContext>) => Omit<DockerContext, 'shell'>;
}

export const TESTBED_START = Date.parse('2026-11-28T12:00:00Z');

export async function createDockerTestbed(options: { store?: Store; fs?: ShellFs; commands?: CommandTable; host?: string } = {}): Promise<DockerTestbed> {
  const store = options.store ?? createMemoryStore();
  const fs = options.fs ?? createMemoryFs();
  await fs.mkdir('/workspace', { recursive: true });
  const clock = { now: TESTBED_START };
  const context = (overrides: Partial<DockerContext> = {}): Omit<DockerContext, 'shell'> => ({
    daemon: { host: options.host ?? 'workstation', store },
    now: () => clock.now,
    sha256: wasmSha256,
    tty: false,
    ...overrides,
  });
  return {
    store,
    fs,
    clock,
    context,
    async run(line, runOptions = {}) {
      const commands: CommandTable = {
        ...createCoreutils(),
        ...options.commands,
        docker: (shell) =>
          runDocker(shell.args, {
            ...context(runOptions.answer !== undefined ? { prompt: async () => runOptions.answer } : {}),
            shell,
          }),
      };
      const result = await runShell(line, { fs, commands, cwd: '/workspace', env: { HOME: '/root', PATH: '/usr/bin:/bin' }, ...(runOptions.stdin !== undefined ? { stdin: runOptions.stdin } : {}) });
      return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
    },
  };
}
