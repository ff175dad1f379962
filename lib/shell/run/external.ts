import { ShellError } from '../errors';
import { errorText } from '../fs/shell-fs';
import { resolvePath } from '../fs/paths';
import type { CommandContext, ExecOptions, ScriptOptions } from './command-types';
import { ExitSignal, LoopSignal, ReturnSignal } from './control';
import type { Interpreter } from './interpreter';
import { runProcess } from './run-source';
import type { Io } from './runtime';
import { ShellState } from './state';
import { InputStream } from './streams';

/**
 * Runs a command from the table (what a real shell would fork and exec). Errors a command
 * throws instead of returning a status become `NAME: message` and status 1, so a buggy plug-in
 * cannot take the shell down; the shell's own budget and cancellation errors pass through.
 */
export async function runExternal(interp: Interpreter, argv: readonly string[], tempEnv: Record<string, string>, st: ShellState, io: Io): Promise<number> {
  const env = { ...st.environment(), ...tempEnv };
  return execArgv(interp, argv, { env, cwd: st.cwd, argv0: st.argv0, line: st.line }, io);
}

interface ExecScope {
  env: Record<string, string>;
  cwd: string;
  /** For messages: the calling shell's `$0` and line. */
  argv0: string;
  line: number;
}

async function execArgv(interp: Interpreter, argv: readonly string[], scope: ExecScope, io: Io): Promise<number> {
  const { rt } = interp;
  const name = argv[0] as string;
  const fail = (message: string, status: number): number => {
    io.stderr.write(rt.dialect === 'bash' ? `${scope.argv0}: line ${scope.line}: ${message}\n` : `${scope.argv0}: ${scope.line}: ${message}\n`);
    return status;
  };
  if (name.includes('/')) {
    // A path is run only if the file is there and executable (exec(2)'s ENOENT and EACCES).
    const path = resolvePath(scope.cwd, name);
    try {
      const stat = await rt.fs.stat(path);
      if (stat.type === 'dir' || (stat.mode & 0o111) === 0) return fail(`${name}: Permission denied`, 126);
    } catch {
      return fail(rt.dialect === 'bash' ? `${name}: No such file or directory` : `${name}: not found`, 127);
    }
  }
  const command = await rt.resolve(name, scope.env, rt.fs, scope.cwd);
  if (command === undefined) return fail(rt.dialect === 'bash' ? `${name}: command not found` : `${name}: not found`, 127);
  const ctx = makeContext(interp, argv, scope, io);
  try {
    return await command(ctx);
  } catch (error) {
    if (error instanceof ShellError || error instanceof ExitSignal || error instanceof LoopSignal || error instanceof ReturnSignal) throw error;
    io.stderr.write(`${name}: ${errorText(error)}\n`);
    return 1;
  }
}

function makeContext(interp: Interpreter, argv: readonly string[], scope: ExecScope, io: Io): CommandContext {
  const { rt } = interp;
  return {
    name: argv[0] as string,
    args: argv.slice(1),
    env: scope.env,
    cwd: scope.cwd,
    fs: rt.fs,
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
    user: rt.user,
    signal: rt.signal,
    shellName: scope.argv0,
    resolve: (path) => resolvePath(scope.cwd, path),
    addSimulatedSeconds: (seconds) => {
      rt.simulatedSeconds += seconds;
    },
    now: rt.now,
    exec: (next, options: ExecOptions = {}) => {
      if (next.length === 0) return Promise.resolve(0);
      const stdin = options.stdin === undefined ? io.stdin : options.stdin instanceof InputStream ? options.stdin : new InputStream(options.stdin);
      const nextScope = { ...scope, env: { ...(options.clearEnv ? {} : scope.env), ...options.env }, cwd: options.cwd === undefined ? scope.cwd : resolvePath(scope.cwd, options.cwd) };
      return execArgv(interp, next, nextScope, io.with(0, stdin));
    },
    runScript: (script, options: ScriptOptions = {}) => runNestedShell(interp, script, scope, io, options),
  };
}

/** `sh -c`, `bash script.sh`, shebang scripts: a fresh shell over the same runtime. */
async function runNestedShell(interp: Interpreter, script: string, scope: ExecScope, io: Io, options: ScriptOptions): Promise<number> {
  const { rt } = interp;
  if (rt.depth >= rt.limits.depth) throw new ShellError('recursion', `${options.argv0 ?? 'sh'}: maximum nesting depth exceeded (${rt.limits.depth})`);
  const st = new ShellState();
  for (const [k, v] of Object.entries(scope.env)) st.vars.set(k, { value: v, exported: true });
  st.cwd = scope.cwd;
  st.argv0 = options.argv0 ?? 'sh';
  st.positional = options.args ?? [];
  const outer = rt.dialect;
  rt.dialect = options.dialect ?? outer;
  rt.depth++;
  try {
    const childIo = options.stdin === undefined ? io : io.with(0, options.stdin);
    return await runProcess(interp, script, st, childIo, options.setArgs ?? []);
  } finally {
    rt.depth--;
    rt.dialect = outer;
  }
}

