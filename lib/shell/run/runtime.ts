import type { ShellFs } from '../fs/shell-fs';
import { ShellError } from '../errors';
import type { CommandTable, ResolveCommand, ShellDialect, ShellUser } from './command-types';
import { InputStream, type OutputStream } from './streams';

/**
 * What one `runShell` call shares across its subshells and nested `sh -c` runs: the fs, the
 * command table, and the budgets that keep a runaway script from hanging a browser tab.
 */
export interface ShellLimits {
  /** Simple commands plus loop iterations; `while true; do :; done` stops here. */
  steps: number;
  /** Bytes written to the caller's stdout and stderr together. */
  outputBytes: number;
  /** Nested function calls, `.`/`eval` and `sh -c` levels. */
  depth: number;
}

export const DEFAULT_LIMITS: ShellLimits = { steps: 200_000, outputBytes: 16 * 1024 * 1024, depth: 200 };

export interface Runtime {
  fs: ShellFs;
  commands: CommandTable;
  resolve: ResolveCommand;
  user: ShellUser;
  signal: AbortSignal | undefined;
  limits: ShellLimits;
  steps: number;
  depth: number;
  simulatedSeconds: number;
  dialect: ShellDialect;
  /** The run's clock (ms since the epoch), when it has one. */
  now: (() => number) | undefined;
}

/** A command's file descriptors; 0–2 always present (maybe as empty or discarding streams). */
export class Io {
  constructor(readonly fds: ReadonlyMap<number, InputStream | OutputStream>) {}

  get stdin(): InputStream {
    const s = this.fds.get(0);
    return s instanceof InputStream ? s : new InputStream();
  }

  get stdout(): OutputStream {
    return asOutput(this.fds.get(1));
  }

  get stderr(): OutputStream {
    return asOutput(this.fds.get(2));
  }

  with(fd: number, stream: InputStream | OutputStream): Io {
    const fds = new Map(this.fds);
    fds.set(fd, stream);
    return new Io(fds);
  }

  static of(stdin: InputStream, stdout: OutputStream, stderr: OutputStream): Io {
    return new Io(new Map<number, InputStream | OutputStream>([[0, stdin], [1, stdout], [2, stderr]]));
  }
}

function asOutput(s: InputStream | OutputStream | undefined): OutputStream {
  return s === undefined || s instanceof InputStream ? { write() {} } : s;
}

let yieldCounter = 0;

/** Counts one step; stops runaway scripts and honours cancellation. */
export async function tick(rt: Runtime): Promise<void> {
  if (rt.signal?.aborted) throw new ShellError('cancelled', 'cancelled');
  rt.steps++;
  if (rt.steps > rt.limits.steps) throw new ShellError('budget', `killed: too many steps (limit ${rt.limits.steps})`);
  // Yield to the event loop now and then so timers (and an AbortSignal.timeout) can fire.
  if (++yieldCounter % 512 === 0) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}
