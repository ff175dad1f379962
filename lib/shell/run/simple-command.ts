import { ShellError } from '../errors';
import type { Command } from '../parse/ast';
import { BUILTINS, SPECIAL_BUILTINS } from './builtins';
import { ExitSignal } from './control';
import { runExternal } from './external';
import type { Interpreter } from './interpreter';
import { applyRedirects } from './redirections';
import { type Io, tick } from './runtime';
import type { ShellState } from './state';

/**
 * A simple command (XCU §2.9.1): expand, trace, redirect, then look the name up in the order
 * POSIX gives — special built-ins, functions, built-ins, then the command table via PATH.
 */
export async function runSimple(interp: Interpreter, cmd: Extract<Command, { kind: 'simple' }>, st: ShellState, io: Io): Promise<number> {
  st.line = cmd.line;
  await tick(interp.rt);
  st.subStatus = undefined;
  const expander = interp.expander(st, io);
  const assigns: [string, string][] = [];
  for (const a of cmd.assigns) assigns.push([a.name, await expander.string(a.value)]);
  const argv = await expander.fields(cmd.words);
  if (st.options.xtrace) {
    const ps4 = st.get('PS4') ?? '+ ';
    io.stderr.write(`${ps4}${[...assigns.map(([k, v]) => `${k}=${v}`), ...argv].join(' ')}\n`);
  }
  const redirected = await applyRedirects(cmd.redirects, st, io, interp);
  if (redirected === undefined) return (st.lastStatus = 2);
  try {
    const status = await dispatch(interp, argv, assigns, st, redirected.io);
    st.lastStatus = status;
    return status;
  } finally {
    await redirected.flush();
  }
}

async function dispatch(interp: Interpreter, argv: string[], assigns: [string, string][], st: ShellState, io: Io): Promise<number> {
  const name = argv[0];
  if (name === undefined) {
    assignAll(assigns, st);
    return st.subStatus ?? 0;
  }
  const args = argv.slice(1);
  const special = SPECIAL_BUILTINS[name];
  if (special !== undefined) {
    // Assignments before a special built-in stay in the shell (XCU §2.14).
    assignAll(assigns, st);
    return special(args, st, io, interp, name);
  }
  const fn = st.functions.get(name);
  if (fn !== undefined) {
    return withTemporaryVars(assigns, st, () => interp.callFunction(name, fn, args, st, io));
  }
  if (name === 'exec') {
    if (args.length === 0) return 0;
    throw new ExitSignal(await runExternal(interp, args, Object.fromEntries(assigns), st, io));
  }
  const builtin = BUILTINS[name];
  if (builtin !== undefined) return withTemporaryVars(assigns, st, () => builtin(args, st, io, interp, name));
  return runExternal(interp, argv, Object.fromEntries(assigns), st, io);
}

function assignAll(assigns: [string, string][], st: ShellState): void {
  for (const [k, v] of assigns) {
    if (!st.set(k, v)) throw new ShellError('expansion', `${k}: is read only`);
  }
}

/** `VAR=x f` sets VAR (exported) for the call only. */
async function withTemporaryVars<T>(assigns: [string, string][], st: ShellState, body: () => Promise<T>): Promise<T> {
  if (assigns.length === 0) return body();
  const saved = assigns.map(([k]) => [k, st.vars.get(k)] as const);
  for (const [k, v] of assigns) st.vars.set(k, { value: v, exported: true });
  try {
    return await body();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) st.vars.delete(k);
      else st.vars.set(k, v);
    }
  }
}
