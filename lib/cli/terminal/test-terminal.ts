/**
 * A terminal over memory for tests: memory stores per host, a memory fs per host with the
 * workstation's /workspace, a fixed clock. Not used by the app.
 */
import type { Store } from '@/lib/engine';
import type { ShellFs } from '@/lib/shell';
import { wasmSha256 } from '@/lib/util';
import { memoryHostIo } from './hosts';
import { createTerminalSession, type TerminalOptions, type TerminalSession } from './session';

export interface TestTerminal {
  session: TerminalSession;
  stores: Map<string, Store>;
  files: Map<string, ShellFs>;
  /** Runs text as typed; returns stdout and stderr interleaved as the screen shows them. */
  type(text: string, signal?: AbortSignal): Promise<{ output: string; exitCode: number; pending: boolean }>;
}

export async function createTestTerminal(options: Partial<TerminalOptions> = {}, shared?: { stores: Map<string, Store>; files: Map<string, ShellFs> }): Promise<TestTerminal> {
  const now = options.now ?? (() => Date.parse('2026-11-28T12:00:00Z'));
  const hostIo = memoryHostIo(shared, now);
  const { stores, files } = hostIo;
  const session = await createTerminalSession({
    hostIo,
    sha256: wasmSha256,
    ...options,
    now,
  });
  return {
    session,
    stores,
    files,
    async type(text, signal) {
      let output = '';
      const r = await session.runInput(text, { stdout: (t) => (output += t), stderr: (t) => (output += t), ...(signal ? { signal } : {}) });
      return { output, exitCode: r.exitCode, pending: r.pending };
    },
  };
}
