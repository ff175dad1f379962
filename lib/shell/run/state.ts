import type { Command as AstCommand } from '../parse/ast';

/**
 * One shell's mutable state. A subshell (`( )`, a pipeline stage, `$(...)`) works on a clone,
 * so nothing it changes — variables, cwd, options, functions — leaks back, as with fork(2).
 */
export interface Variable {
  value: string;
  exported: boolean;
  readonly?: boolean;
}

export interface ShellOptionFlags {
  errexit: boolean;
  nounset: boolean;
  xtrace: boolean;
  pipefail: boolean;
  noglob: boolean;
  noexec: boolean;
  verbose: boolean;
}

export const OPTION_LETTERS: Record<string, keyof ShellOptionFlags> = {
  e: 'errexit',
  u: 'nounset',
  x: 'xtrace',
  f: 'noglob',
  n: 'noexec',
  v: 'verbose',
};

export class ShellState {
  vars = new Map<string, Variable>();
  positional: string[] = [];
  argv0 = '/bin/sh';
  functions = new Map<string, AstCommand>();
  options: ShellOptionFlags = { errexit: false, nounset: false, xtrace: false, pipefail: false, noglob: false, noexec: false, verbose: false };
  cwd = '/';
  lastStatus = 0;
  line = 1;
  /** > 0 while running a condition, where `set -e` does not apply (XCU `set -e`). */
  errexitIgnored = 0;
  loopDepth = 0;
  /** Saved variables of enclosing `local` scopes, innermost last. */
  localFrames: Map<string, Variable | undefined>[] = [];
  exitTrap: string | undefined;
  /** Status of the last `$(...)` in the command being expanded: an assignment-only command's status. */
  subStatus: number | undefined;
  /** Names given to `export` before they had a value: exported once assigned. */
  pendingExports = new Set<string>();

  clone(): ShellState {
    const s = new ShellState();
    for (const [k, v] of this.vars) s.vars.set(k, { ...v });
    s.positional = [...this.positional];
    s.argv0 = this.argv0;
    s.functions = new Map(this.functions);
    s.options = { ...this.options };
    s.cwd = this.cwd;
    s.lastStatus = this.lastStatus;
    s.line = this.line;
    s.errexitIgnored = this.errexitIgnored;
    s.pendingExports = new Set(this.pendingExports);
    // A subshell does not run the parent's EXIT trap (dash resets traps in subshells).
    return s;
  }

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  /** Returns false when the variable is read-only. */
  set(name: string, value: string, exported?: boolean): boolean {
    const old = this.vars.get(name);
    if (old?.readonly) return false;
    this.vars.set(name, { value, exported: exported ?? old?.exported ?? this.pendingExports.has(name), readonly: old?.readonly });
    return true;
  }

  unset(name: string): boolean {
    if (this.vars.get(name)?.readonly) return false;
    this.vars.delete(name);
    return true;
  }

  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of this.vars) if (v.exported) env[k] = v.value;
    return env;
  }

  /** `$-`: the letters of the options that are on. */
  optionLetters(): string {
    return Object.entries(OPTION_LETTERS)
      .filter(([, flag]) => this.options[flag])
      .map(([letter]) => letter)
      .join('');
  }
}
