import { ShellError } from '../errors';
import type { ShellFs } from '../fs/shell-fs';
import { normalizePath } from '../fs/paths';
import type { CommandTable, ResolveCommand, ShellDialect, ShellUser } from './command-types';
import { Interpreter } from './interpreter';
import { tableResolver } from './resolve-command';
import { runProcess } from './run-source';
import { DEFAULT_LIMITS, Io, type Runtime, type ShellLimits } from './runtime';
import { ShellState } from './state';
import { InputStream, type OutputStream, toBytes } from './streams';

/**
 * The entry point: runs a script as `/bin/sh -c SCRIPT` would — for a RUN step over a layer's
 * fs, or a terminal line over the workspace — and reports what it printed and its exit code.
 */
export interface RunShellOptions {
  fs: ShellFs;
  /** The command table; see `createCoreutils()` and spread your own commands over it. */
  commands: CommandTable;
  /** Initial environment, all exported. `HOME` defaults to the user's home, `PWD` to cwd. */
  env?: Record<string, string>;
  cwd?: string;
  user?: ShellUser;
  /** `$0` and the prefix of the shell's messages. Default `/bin/sh`. */
  argv0?: string;
  /** Positional parameters `$1...`. */
  args?: string[];
  stdin?: string | Uint8Array;
  /** Shell options as `set` takes them, e.g. `['-e', '-o', 'pipefail']`. */
  setArgs?: string[];
  /** Default: any command of the table runs (`tableResolver`). */
  resolveCommand?: ResolveCommand;
  signal?: AbortSignal;
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
  limits?: Partial<ShellLimits>;
  /** `dash` (Debian's /bin/sh, the default) or `bash` wording and echo behaviour. */
  dialect?: ShellDialect;
  /**
   * The clock (ms since the epoch) `date`, `ls -l` and `touch` read. A build has none: they use
   * SOURCE_DATE_EPOCH or the epoch, so its steps stay reproducible. SOURCE_DATE_EPOCH in the
   * environment wins over it.
   */
  now?: () => number;
}

export interface RunShellResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Time commands claimed (sleep, downloads) without waiting for it. */
  simulatedSeconds: number;
  steps: number;
  /** Set when the run was stopped rather than finished: budget, cancellation, output, recursion. */
  stoppedBy?: ShellError;
}

export const ROOT_USER: ShellUser = { name: 'root', uid: 0, gid: 0, home: '/root' };

/** Exit codes for runs the shell stopped: 137 as for SIGKILL, 130 as for SIGINT. */
const STOP_STATUS: Record<string, number> = { budget: 137, cancelled: 130, output: 141, recursion: 2 };

export async function runShell(script: string, options: RunShellOptions): Promise<RunShellResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const user = options.user ?? ROOT_USER;
  const rt: Runtime = {
    fs: options.fs,
    commands: options.commands,
    resolve: options.resolveCommand ?? tableResolver(options.commands),
    user,
    signal: options.signal,
    limits,
    steps: 0,
    depth: 0,
    simulatedSeconds: 0,
    dialect: options.dialect ?? 'dash',
    now: options.now,
  };
  let written = 0;
  const sink = (onChunk: ((chunk: string) => void) | undefined): OutputStream & { text: string } => {
    const decoder = new TextDecoder();
    const out = {
      text: '',
      write(data: string | Uint8Array) {
        const bytes = toBytes(data);
        written += bytes.length;
        if (written > limits.outputBytes) throw new ShellError('output', `output limit exceeded (${limits.outputBytes} bytes)`);
        const chunk = typeof data === 'string' ? data : decoder.decode(bytes, { stream: true });
        out.text += chunk;
        if (chunk !== '') onChunk?.(chunk);
      },
    };
    return out;
  };
  const stdout = sink(options.onStdout);
  const stderr = sink(options.onStderr);
  const st = new ShellState();
  const cwd = normalizePath(options.cwd ?? '/');
  for (const [k, v] of Object.entries({ HOME: user.home, ...options.env, PWD: cwd })) st.vars.set(k, { value: v, exported: true });
  st.cwd = cwd;
  st.argv0 = options.argv0 ?? '/bin/sh';
  st.positional = options.args ?? [];
  const io = Io.of(new InputStream(options.stdin), stdout, stderr);
  const interp = new Interpreter(rt);
  let exitCode: number;
  let stoppedBy: ShellError | undefined;
  try {
    exitCode = await runProcess(interp, script, st, io, options.setArgs ?? []);
  } catch (error) {
    if (!(error instanceof ShellError)) throw error;
    stoppedBy = error;
    exitCode = STOP_STATUS[error.code] ?? 2;
    if (error.code !== 'output') {
      const message = `${st.argv0}: ${error.line ?? st.line}: ${error.message}\n`;
      stderr.text += message;
      options.onStderr?.(message);
    }
  }
  return { exitCode, stdout: stdout.text, stderr: stderr.text, simulatedSeconds: rt.simulatedSeconds, steps: rt.steps, stoppedBy };
}
