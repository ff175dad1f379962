import type { ShellFs } from '../fs/shell-fs';
import type { InputStream, OutputStream } from './streams';

/**
 * The plug-in surface: everything that is not the shell language itself is a `Command` in a
 * table — coreutils here, package managers and language tools from lib/engine/packages, the
 * docker CLI in the terminal. A command gets its arguments and streams and returns its exit code.
 */
export type Command = (ctx: CommandContext) => Promise<number>;

export type CommandTable = Readonly<Record<string, Command>>;

export interface ShellUser {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

export interface ExecOptions {
  stdin?: string | Uint8Array | InputStream;
  cwd?: string;
  /** Extra environment for this command only. */
  env?: Record<string, string>;
  /** Start from an empty environment (`env -i`) instead of the caller's. */
  clearEnv?: boolean;
}

export interface ScriptOptions {
  /** `$0`, also the prefix of error messages (`sh: 1: x: not found`). */
  argv0?: string;
  args?: string[];
  stdin?: InputStream;
  /** Option letters as `set` takes them, e.g. `['-e', '-o', 'pipefail']`. */
  setArgs?: string[];
  dialect?: ShellDialect;
}

/** Which shell's words to print for errors that dash and bash word differently. */
export type ShellDialect = 'dash' | 'bash';

export interface CommandContext {
  /** argv[0] as typed (`grep`, `/bin/grep`). */
  readonly name: string;
  /** Arguments after argv[0]. */
  readonly args: readonly string[];
  /** The exported environment, including `VAR=x cmd` prefixes. */
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly fs: ShellFs;
  readonly stdin: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly user: ShellUser;
  readonly signal: AbortSignal | undefined;
  /** `$0` of the calling shell, for messages like `/bin/sh: 1: ...`. */
  readonly shellName: string;
  /** An absolute, normalized path for `path` against `cwd`. */
  resolve(path: string): string;
  /** Records simulated time (sleep, downloads) instead of waiting. */
  addSimulatedSeconds(seconds: number): void;
  /** The run's clock (ms since the epoch), when it has one; read it through `clockSeconds`. */
  readonly now?: (() => number) | undefined;
  /** Runs argv through the same lookup as the shell (functions aside): xargs, find -exec, env. */
  exec(argv: readonly string[], options?: ExecOptions): Promise<number>;
  /** Runs a script in a new shell sharing this run's fs, commands, budget and output. */
  runScript(script: string, options?: ScriptOptions): Promise<number>;
}

/**
 * Decides whether `name` is runnable and what runs it. The engine supplies one that demands the
 * binary in the image (`bash` only where the image has /bin/bash); the default looks only at the
 * table. Names with a slash are paths (`./build.sh`, `/usr/bin/python3`).
 */
export type ResolveCommand = (name: string, env: Readonly<Record<string, string>>, fs: ShellFs, cwd: string) => Promise<Command | undefined>;
