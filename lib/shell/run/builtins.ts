import { ShellError } from '../errors';
import { echoText, formatPrintf } from '../commands/echo-printf';
import { evaluateTest } from '../commands/test-expression';
import { joinPath, resolvePath } from '../fs/paths';
import { ExitSignal, LoopSignal, ReturnSignal } from './control';
import { runExternal } from './external';
import { exportBuiltin, localBuiltin, readBuiltin, setBuiltin, shiftBuiltin, unsetBuiltin } from './builtins-vars';
import type { Interpreter } from './interpreter';
import { runSource } from './run-source';
import type { Io } from './runtime';
import type { ShellState } from './state';

/**
 * The shell's own commands. They need the shell's state (cd, export, exit) or are built into
 * dash anyway (echo, printf, test), so they work even in an image whose /bin has nothing else.
 */
export type Builtin = (args: string[], st: ShellState, io: Io, interp: Interpreter, name: string) => Promise<number>;

function complain(st: ShellState, io: Io, message: string): void {
  io.stderr.write(`${st.argv0}: ${st.line}: ${message}\n`);
}

function statusArg(name: string, arg: string | undefined, fallback: number): number {
  if (arg === undefined) return fallback;
  if (!/^[0-9]+$/.test(arg)) throw new ShellError('expansion', `${name}: Illegal number: ${arg}`);
  return Number(arg) & 255;
}

const dot: Builtin = async (args, st, io, interp) => {
  const file = args[0];
  if (file === undefined) return 0;
  const { fs } = interp.rt;
  const candidates = file.includes('/') ? [resolvePath(st.cwd, file)] : [...(st.get('PATH') ?? '').split(':').filter(Boolean).map((d) => joinPath(resolvePath(st.cwd, d), file)), resolvePath(st.cwd, file)];
  for (const path of candidates) {
    let text: string;
    try {
      if ((await fs.stat(path)).type !== 'file') continue;
      text = new TextDecoder().decode(await fs.readFile(path));
    } catch {
      continue;
    }
    const saved = st.positional;
    if (args.length > 1) st.positional = args.slice(1);
    try {
      return await nested(interp, () => runSource(interp, text, st, io));
    } catch (error) {
      if (error instanceof ReturnSignal) return error.status;
      throw error;
    } finally {
      st.positional = saved;
    }
  }
  throw new ShellError('expansion', `.: cannot open ${file}: No such file`);
};

async function nested<T>(interp: Interpreter, body: () => Promise<T>): Promise<T> {
  const { rt } = interp;
  if (rt.depth >= rt.limits.depth) throw new ShellError('recursion', `maximum nesting depth exceeded (${rt.limits.depth})`);
  rt.depth++;
  try {
    return await body();
  } finally {
    rt.depth--;
  }
}

const loop =
  (kind: 'break' | 'continue'): Builtin =>
  async (args, st) => {
    const n = statusArg(kind, args[0], 1);
    if (n === 0) throw new ShellError('expansion', `${kind}: Illegal number: ${args[0] ?? ''}`);
    if (st.loopDepth === 0) return 0;
    throw new LoopSignal(kind, Math.min(n, st.loopDepth));
  };

export const SPECIAL_BUILTINS: Readonly<Record<string, Builtin>> = {
  ':': async () => 0,
  '.': dot,
  source: dot,
  eval: async (args, st, io, interp) => nested(interp, () => runSource(interp, args.join(' '), st, io, st.line)),
  exit: async (args, st) => {
    throw new ExitSignal(statusArg('exit', args[0], st.lastStatus));
  },
  return: async (args, st) => {
    throw new ReturnSignal(statusArg('return', args[0], st.lastStatus));
  },
  break: loop('break'),
  continue: loop('continue'),
  set: (args, st, io) => setBuiltin(args, st, io),
  export: (args, st, io, interp, name) => exportBuiltin(args, st, io, interp, name),
  readonly: (args, st, io, interp, name) => exportBuiltin(args, st, io, interp, name),
  unset: (args, st) => unsetBuiltin(args, st),
  shift: (args, st) => shiftBuiltin(args, st),
  trap: async (args, st, io) => {
    if (args.length === 0) {
      if (st.exitTrap !== undefined) io.stdout.write(`trap -- '${st.exitTrap}' EXIT\n`);
      return 0;
    }
    const [action, ...signals] = args;
    // Only EXIT runs in the model; other signals never arrive, so their traps are accepted and kept silent.
    if (signals.includes('EXIT') || signals.includes('0')) st.exitTrap = action === '-' || action === '' ? undefined : action;
    return 0;
  },
  times: async (_args, _st, io) => {
    io.stdout.write('0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n');
    return 0;
  },
};

const cd: Builtin = async (args, st, io, interp) => {
  const operands = args.filter((a) => a !== '-L' && a !== '-P');
  let target = operands[0] ?? st.get('HOME') ?? '/';
  const dash = target === '-';
  if (dash) target = st.get('OLDPWD') ?? st.cwd;
  const path = resolvePath(st.cwd, target);
  let ok = false;
  try {
    ok = (await interp.rt.fs.stat(path)).type === 'dir';
  } catch {
    ok = false;
  }
  if (!ok) {
    if (interp.rt.dialect === 'bash') {
      io.stderr.write(`${st.argv0}: line ${st.line}: cd: ${target}: No such file or directory\n`);
      return 1;
    }
    complain(st, io, `cd: can't cd to ${target}`);
    return 2;
  }
  st.set('OLDPWD', st.cwd);
  st.cwd = path;
  st.set('PWD', path);
  if (dash) io.stdout.write(`${path}\n`);
  return 0;
};

/** Where a command would come from, for `type` and `command -v`. */
async function locate(name: string, st: ShellState, interp: Interpreter): Promise<{ kind: 'special' | 'builtin' | 'function' | 'file'; path?: string } | undefined> {
  if (SPECIAL_BUILTINS[name] !== undefined) return { kind: 'special' };
  if (st.functions.has(name)) return { kind: 'function' };
  if (BUILTINS[name] !== undefined || name === 'exec') return { kind: 'builtin' };
  const { fs } = interp.rt;
  const env = st.environment();
  if ((await interp.rt.resolve(name, env, fs, st.cwd)) === undefined) return undefined;
  if (name.includes('/')) return { kind: 'file', path: name };
  for (const dir of (st.get('PATH') ?? '/usr/local/bin:/usr/bin:/bin').split(':').filter(Boolean)) {
    if (await fs.exists(joinPath(dir, name))) return { kind: 'file', path: joinPath(dir, name) };
  }
  return { kind: 'file', path: `/usr/bin/${name}` };
}

const type: Builtin = async (args, st, io, interp) => {
  let status = 0;
  for (const name of args) {
    const where = await locate(name, st, interp);
    if (where === undefined) {
      io.stdout.write(`${name}: not found\n`);
      status = 127;
    } else if (where.kind === 'file') io.stdout.write(`${name} is ${where.path}\n`);
    else io.stdout.write(`${name} is a ${where.kind === 'special' ? 'special shell builtin' : where.kind === 'function' ? 'shell function' : 'shell builtin'}\n`);
  }
  return status;
};

const command: Builtin = async (args, st, io, interp) => {
  if (args[0] === '-v' || args[0] === '-V') {
    const name = args[1];
    if (name === undefined) return 0;
    if (args[0] === '-V') return type([name], st, io, interp, 'type');
    const where = await locate(name, st, interp);
    if (where === undefined) return 127;
    io.stdout.write(`${where.path ?? name}\n`);
    return 0;
  }
  const rest = args[0] === '-p' || args[0] === '--' ? args.slice(1) : args;
  const name = rest[0];
  if (name === undefined) return 0;
  const builtin = SPECIAL_BUILTINS[name] ?? BUILTINS[name];
  if (builtin !== undefined) return builtin(rest.slice(1), st, io, interp, name);
  return runExternal(interp, rest, {}, st, io);
};

export const BUILTINS: Readonly<Record<string, Builtin>> = {
  true: async () => 0,
  false: async () => 1,
  cd,
  pwd: async (_args, st, io) => {
    io.stdout.write(`${st.cwd}\n`);
    return 0;
  },
  echo: async (args, _st, io, interp) => {
    io.stdout.write(echoText(args, interp.rt.dialect === 'dash' ? 'dash' : 'gnu'));
    return 0;
  },
  printf: async (args, st, io) => {
    if (args.length === 0) {
      complain(st, io, 'printf: usage: printf format [arg ...]');
      return 2;
    }
    const result = formatPrintf(args[0] as string, args.slice(1));
    io.stdout.write(result.text);
    for (const e of result.errors) complain(st, io, `printf: ${e}`);
    if (result.fatal !== undefined) {
      complain(st, io, `printf: ${result.fatal}`);
      return 2;
    }
    return result.errors.length > 0 ? 1 : 0;
  },
  test: (args, st, io, interp) => testBuiltin(args, st, io, interp, 'test'),
  '[': (args, st, io, interp) => testBuiltin(args, st, io, interp, '['),
  read: (args, st, io) => readBuiltin(args, st, io),
  type,
  command,
  local: (args, st) => localBuiltin(args, st),
  umask: async (args, _st, io) => {
    if (args.length === 0) io.stdout.write('0022\n');
    return 0;
  },
  wait: async () => 0,
  hash: async () => 0,
  ulimit: async (args, _st, io) => {
    if (args.length === 0 || args.every((a) => a.startsWith('-'))) io.stdout.write('unlimited\n');
    return 0;
  },
};

async function testBuiltin(args: string[], st: ShellState, io: Io, interp: Interpreter, name: string): Promise<number> {
  let operands = args;
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      complain(st, io, '[: missing ]');
      return 2;
    }
    operands = args.slice(0, -1);
  }
  const result = await evaluateTest(operands, interp.rt.fs, st.cwd);
  if (result.error !== undefined) complain(st, io, `${name}: ${result.error}`);
  return result.status;
}
