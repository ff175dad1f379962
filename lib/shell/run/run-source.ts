import { createParser } from '../parse/parser';
import { setOptions } from './builtins-vars';
import type { Interpreter } from './interpreter';
import type { Io } from './runtime';
import type { ShellState } from './state';

/**
 * Runs source text the way dash does: one complete command is parsed, then run, then the next
 * is parsed — so a syntax error on line 3 comes after lines 1–2 have run, with line 3's number.
 * `exit`, `return` and fatal errors propagate; `runProcess` is the boundary that absorbs them.
 */
export async function runSource(interp: Interpreter, source: string, st: ShellState, io: Io, baseLine = 1): Promise<number> {
  const parser = createParser(source, baseLine);
  let status = 0;
  for (;;) {
    const cmd = parser.nextCommand();
    if (cmd === undefined) return status;
    if (st.options.noexec) continue;
    status = await interp.runScript(cmd, st, io);
  }
}

/** A whole shell process: options from the command line, the script, the EXIT trap, the status. */
export async function runProcess(interp: Interpreter, source: string, st: ShellState, io: Io, setArgs: readonly string[]): Promise<number> {
  let status: number;
  try {
    if (setArgs.length > 0) setOptions(setArgs, st, false);
    status = await runSource(interp, source, st, io);
  } catch (error) {
    status = interp.shellExit(error, st, io);
  }
  const trap = st.exitTrap;
  if (trap !== undefined) {
    st.exitTrap = undefined;
    st.lastStatus = status;
    try {
      await runSource(interp, trap, st, io);
    } catch (error) {
      status = interp.shellExit(error, st, io);
    }
  }
  return status;
}
