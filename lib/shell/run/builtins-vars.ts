import { ShellError } from '../errors';
import type { Io } from './runtime';
import { OPTION_LETTERS, type ShellOptionFlags, type ShellState } from './state';

/**
 * The built-ins that change variables and options: set, export, readonly, unset, shift, read,
 * local. Messages are dash's; a bad use of a special built-in exits a non-interactive shell.
 */
const LONG_OPTIONS: Record<string, keyof ShellOptionFlags> = {
  errexit: 'errexit',
  nounset: 'nounset',
  xtrace: 'xtrace',
  pipefail: 'pipefail',
  noglob: 'noglob',
  noexec: 'noexec',
  verbose: 'verbose',
};

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Applies `set` arguments; returns the operands that become positional parameters, if any. */
export function setOptions(args: readonly string[], st: ShellState, allowOperands = true): string[] | undefined {
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      i++;
      return args.slice(i);
    }
    if (arg === '-' || arg === '+') continue;
    if (!/^[-+]/.test(arg)) break;
    const on = arg.startsWith('-');
    for (const letter of arg.slice(1)) {
      if (letter === 'o') {
        const long = args[++i];
        const flag = long === undefined ? undefined : LONG_OPTIONS[long];
        if (flag === undefined) throw new ShellError('expansion', `set: Illegal option -o ${long ?? ''}`.trimEnd());
        st.options[flag] = on;
        continue;
      }
      const flag = OPTION_LETTERS[letter];
      if (flag === undefined) throw new ShellError('expansion', `set: Illegal option ${on ? '-' : '+'}${letter}`);
      st.options[flag] = on;
    }
  }
  if (i < args.length && allowOperands) return args.slice(i);
  return undefined;
}

export async function setBuiltin(args: string[], st: ShellState, io: Io): Promise<number> {
  if (args.length === 0) {
    for (const [k, v] of [...st.vars].sort(([a], [b]) => (a < b ? -1 : 1))) io.stdout.write(`${k}=${quote(v.value)}\n`);
    return 0;
  }
  if (args.length === 1 && (args[0] === '-o' || args[0] === '+o')) {
    io.stdout.write('Current option settings\n');
    for (const [long, flag] of Object.entries(LONG_OPTIONS)) io.stdout.write(`${long.padEnd(16)}${st.options[flag] ? 'on' : 'off'}\n`);
    return 0;
  }
  const operands = setOptions(args, st);
  if (operands !== undefined) st.positional = operands;
  return 0;
}

export async function exportBuiltin(args: string[], st: ShellState, io: Io, _i: unknown, name = 'export'): Promise<number> {
  const readonly = name === 'readonly';
  const names = args.filter((a) => a !== '-p');
  if (names.length === 0) {
    for (const [k, v] of [...st.vars].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (readonly ? v.readonly : v.exported) io.stdout.write(`${name} ${k}=${quote(v.value)}\n`);
    }
    return 0;
  }
  for (const arg of names) {
    const eq = arg.indexOf('=');
    const key = eq < 0 ? arg : arg.slice(0, eq);
    if (!NAME.test(key)) throw new ShellError('expansion', `${name}: ${key}: bad variable name`);
    const old = st.vars.get(key);
    if (eq >= 0 && old?.readonly) throw new ShellError('expansion', `${key}: is read only`);
    const value = eq < 0 ? old?.value : arg.slice(eq + 1);
    if (value === undefined && !readonly) {
      // `export X` of an unset X marks it; dash keeps it unset until assigned.
      st.pendingExports.add(key);
      continue;
    }
    st.vars.set(key, { value: value ?? '', exported: readonly ? (old?.exported ?? false) : true, readonly: readonly || old?.readonly });
  }
  return 0;
}

export async function unsetBuiltin(args: string[], st: ShellState): Promise<number> {
  const functions = args[0] === '-f';
  for (const name of args.filter((a) => a !== '-f' && a !== '-v')) {
    if (functions) st.functions.delete(name);
    else if (!st.unset(name)) throw new ShellError('expansion', `unset: ${name}: is read only`);
  }
  return 0;
}

export async function shiftBuiltin(args: string[], st: ShellState): Promise<number> {
  const n = args[0] === undefined ? 1 : Number(args[0]);
  if (!Number.isInteger(n) || n < 0) throw new ShellError('expansion', `shift: Illegal number: ${args[0] ?? ''}`);
  if (n > st.positional.length) throw new ShellError('expansion', "shift: can't shift that many");
  st.positional = st.positional.slice(n);
  return 0;
}

export async function localBuiltin(args: string[], st: ShellState): Promise<number> {
  const frame = st.localFrames[st.localFrames.length - 1];
  if (frame === undefined) throw new ShellError('expansion', 'local: not in a function');
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const key = eq < 0 ? arg : arg.slice(0, eq);
    if (!frame.has(key)) frame.set(key, st.vars.get(key) === undefined ? undefined : { ...(st.vars.get(key) as { value: string; exported: boolean }) });
    if (eq >= 0) st.set(key, arg.slice(eq + 1));
  }
  return 0;
}

/** `read [-r] [-p prompt] name...`: one line, split on IFS, the last name takes the rest. */
export async function readBuiltin(args: string[], st: ShellState, io: Io): Promise<number> {
  let raw = false;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-r') raw = true;
    else if (a === '-p') io.stderr.write(args[++i] ?? '');
    else names.push(a);
  }
  if (names.length === 0) names.push('REPLY');
  let text = '';
  let gotNewline = false;
  let gotAny = false;
  for (;;) {
    const next = io.stdin.readLine();
    if (next === undefined) break;
    gotAny = true;
    gotNewline = next.newline;
    if (!raw && next.line.endsWith('\\') && next.newline) {
      text += next.line.slice(0, -1);
      continue;
    }
    text += next.line;
    break;
  }
  if (!raw) text = text.replace(/\\(.)/g, '$1');
  const ifs = st.get('IFS') ?? ' \t\n';
  const ws = [...ifs].filter((c) => /\s/.test(c)).join('');
  const trimRe = ws === '' ? undefined : new RegExp(`^[${escapeClass(ws)}]+|[${escapeClass(ws)}]+$`, 'g');
  let rest = trimRe === undefined ? text : text.replace(trimRe, '');
  for (const [i, name] of names.entries()) {
    if (i === names.length - 1) {
      st.set(name, rest);
      break;
    }
    let j = 0;
    while (j < rest.length && !ifs.includes(rest[j] as string)) j++;
    st.set(name, rest.slice(0, j));
    rest = rest.slice(j);
    if (trimRe !== undefined) rest = rest.replace(new RegExp(`^[${escapeClass(ws)}]*[${escapeClass(ifs)}]?[${escapeClass(ws)}]*`), '');
  }
  return gotAny && gotNewline ? 0 : 1;
}

function escapeClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, (c) => `\\${c}`).replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}

/** dash's quoting for `set` and `export -p` output. */
export function quote(value: string): string {
  return `'${value.replace(/'/g, `'"'"'`)}'`;
}
