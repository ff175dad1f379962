import { ShellError } from '../errors';
import { normalizePath } from '../fs/paths';
import type { Command as AstCommand } from '../parse/ast';
import type { RunShellOptions } from './run-shell';
import { ExitSignal, LoopSignal, ReturnSignal } from './control';
import { Interpreter } from './interpreter';
import { tableResolver } from './resolve-command';
import { runSource } from './run-source';
import { DEFAULT_LIMITS, Io, type Runtime } from './runtime';
import { ShellState, type ShellOptionFlags, type Variable } from './state';
import { InputStream, type OutputStream } from './streams';

/**
 * A shell that lives across lines, as a terminal's shell does: variables (exported or not),
 * functions, options and the working directory persist from one `run` to the next, `exit` ends
 * it instead of a script, and errors are worded as an interactive shell words them (no script
 * line number: `bash: foo: command not found`). `runShell` stays the entry for scripts and RUN.
 */
export interface InteractiveShell {
  /** Runs one complete command (as the terminal collected it). */
  run(source: string, io: InteractiveIo): Promise<InteractiveResult>;
  readonly cwd: string;
  /** The exported environment, as a command would get it. */
  environment(): Record<string, string>;
  /** A JSON-safe copy of the state, to reopen the shell later (`layerlab sh` between calls). */
  snapshot(): InteractiveSnapshot;
  /**
   * True when `stream` is the terminal itself rather than a pipe or a redirected file: what
   * isatty(1) tells jq, ls or grep before they colour their output.
   */
  isTerminal(stream: OutputStream): boolean;
}

export interface InteractiveIo {
  stdout(chunk: string): void;
  stderr(chunk: string): void;
  stdin?: string | Uint8Array;
  signal?: AbortSignal;
}

export interface InteractiveResult {
  exitCode: number;
  /** `exit` ran (or `set -e` tripped): the terminal closes this shell. */
  exited: boolean;
  /** Set when the run was stopped: budget, cancellation (exit 130), output limit. */
  stoppedBy?: ShellError;
}

export interface InteractiveSnapshot {
  vars: Record<string, Variable>;
  cwd: string;
  options: ShellOptionFlags;
  functions: Record<string, AstCommand>;
  lastStatus: number;
}

export type InteractiveOptions = Omit<RunShellOptions, 'args' | 'stdin' | 'setArgs' | 'signal' | 'onStdout' | 'onStderr'> & {
  /** Reopens a shell from `snapshot()`; `env` and `cwd` are then ignored. */
  restore?: InteractiveSnapshot;
};

const STOP_STATUS: Record<string, number> = { budget: 137, cancelled: 130, output: 141, recursion: 2 };

export function createInteractiveShell(options: InteractiveOptions): InteractiveShell {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const user = options.user ?? { name: 'root', uid: 0, gid: 0, home: '/root' };
  const st = new ShellState();
  st.argv0 = options.argv0 ?? 'sh';
  if (options.restore !== undefined) {
    const r = options.restore;
    for (const [k, v] of Object.entries(r.vars)) st.vars.set(k, { ...v });
    st.cwd = normalizePath(r.cwd);
    st.options = { ...st.options, ...r.options };
    for (const [k, v] of Object.entries(r.functions)) st.functions.set(k, v);
    st.lastStatus = r.lastStatus;
  } else {
    const cwd = normalizePath(options.cwd ?? user.home);
    for (const [k, v] of Object.entries({ HOME: user.home, ...options.env, PWD: cwd })) st.vars.set(k, { value: v, exported: true });
    st.cwd = cwd;
  }
  // Interactive shells print `bash: cd: x: No such file or directory`, not `bash: line 1: …`.
  const terminal = new WeakSet<OutputStream>();
  const prefix = new RegExp(`^${st.argv0.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: (?:line )?\\d+: `);
  return {
    get cwd() {
      return st.cwd;
    },
    environment: () => st.environment(),
    isTerminal: (stream) => terminal.has(stream),
    snapshot: () => ({
      vars: Object.fromEntries([...st.vars].map(([k, v]) => [k, { ...v }])),
      cwd: st.cwd,
      options: { ...st.options },
      functions: Object.fromEntries(st.functions),
      lastStatus: st.lastStatus,
    }),
    async run(source, io) {
      const rt: Runtime = {
        fs: options.fs,
        commands: options.commands,
        resolve: options.resolveCommand ?? tableResolver(options.commands),
        user,
        signal: io.signal,
        limits,
        steps: 0,
        depth: 0,
        simulatedSeconds: 0,
        dialect: options.dialect ?? 'dash',
        now: options.now,
      };
      let written = 0;
      const sink = (emit: (chunk: string) => void, rewrite: boolean): OutputStream => {
        const decoder = new TextDecoder();
        const stream: OutputStream = {
          write(data) {
            const chunk = typeof data === 'string' ? data : decoder.decode(data, { stream: true });
            written += typeof data === 'string' ? data.length : data.length;
            if (written > limits.outputBytes) throw new ShellError('output', `output limit exceeded (${limits.outputBytes} bytes)`);
            if (chunk !== '') emit(rewrite ? chunk.replace(prefix, `${st.argv0}: `) : chunk);
          },
        };
        terminal.add(stream);
        return stream;
      };
      const shellIo = Io.of(new InputStream(io.stdin), sink(io.stdout, false), sink(io.stderr, true));
      const interp = new Interpreter(rt);
      st.line = 1;
      try {
        const status = await runSource(interp, source, st, shellIo);
        st.lastStatus = status;
        return { exitCode: status, exited: false };
      } catch (error) {
        if (error instanceof ExitSignal) return { exitCode: (st.lastStatus = error.status), exited: true };
        if (error instanceof ShellError && (error.code === 'syntax' || error.code === 'expansion')) {
          // An interactive shell reports these and reads the next line (it does not exit).
          io.stderr(`${st.argv0}: ${error.message}\n`);
          return { exitCode: (st.lastStatus = 2), exited: false };
        }
        // `return` or `break` at top level end the command, as in bash.
        if (error instanceof ReturnSignal) return { exitCode: (st.lastStatus = error.status), exited: false };
        if (error instanceof LoopSignal) return { exitCode: st.lastStatus, exited: false };
        if (!(error instanceof ShellError)) throw error;
        const status = STOP_STATUS[error.code] ?? 2;
        if (error.code !== 'output' && error.code !== 'cancelled') io.stderr(`${st.argv0}: ${error.message}\n`);
        st.lastStatus = status;
        return { exitCode: status, exited: false, stoppedBy: error };
      }
    },
  };
}
