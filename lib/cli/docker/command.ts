import { isEngineError } from '@/lib/engine';
import type { ParsedOptions } from '../common/options';
import type { DockerContext } from './context';

/**
 * One docker subcommand. `path` is how it is typed (`['images']`, `['image', 'ls']`); aliases
 * share the handler, as cobra's aliases do. `usage` is the full `--help` text Docker prints.
 */
export interface DockerCommand {
  readonly path: readonly string[];
  readonly aliases?: readonly (readonly string[])[];
  /** One line for `docker --help` / `docker image --help`. */
  readonly summary: string;
  readonly usage: string;
  run(argv: readonly string[], ctx: DockerContext): Promise<number>;
}

/**
 * A flag or argument error: printed as `<message>\nSee 'docker <path> --help'.` with exit 125
 * (cobra's FlagErrorFunc and `cli.StatusError`). `usageLine` adds Docker's `Usage:` lines for
 * argument-count errors (`"docker tag" requires exactly 2 arguments.`).
 */
export class DockerUsageError extends Error {
  constructor(
    message: string,
    readonly withUsage = false,
    /** 125 for flag errors (cobra's FlagErrorFunc), 1 for argument-count errors (cli/required.go). */
    readonly status = withUsage ? 1 : 125,
  ) {
    super(message);
  }
}

/** An error the daemon returned: printed as `Error response from daemon: <message>`, exit 1. */
export class DaemonError extends Error {}

/** An error the CLI itself prints verbatim (client-side checks), exit `status` (default 1). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly status = 1,
  ) {
    super(message);
  }
}

/** `"docker tag" requires exactly 2 arguments.` and friends (cli/required.go). */
export function requireArgs(path: readonly string[], args: readonly string[], rule: { exactly?: number; min?: number; max?: number }): void {
  const name = `"docker ${path.join(' ')}"`;
  const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');
  if (rule.exactly !== undefined && args.length !== rule.exactly) {
    throw new DockerUsageError(`${name} requires exactly ${rule.exactly} ${plural(rule.exactly)}.`, true);
  }
  if (rule.min !== undefined && args.length < rule.min) {
    throw new DockerUsageError(`${name} requires at least ${rule.min} ${plural(rule.min)}.`, true);
  }
  if (rule.max !== undefined && args.length > rule.max) {
    throw new DockerUsageError(rule.max === 0 ? `${name} accepts no arguments.` : `${name} requires at most ${rule.max} ${plural(rule.max)}.`, true);
  }
}

/** `--help` was asked for: print the usage and return true. */
export function helpRequested(options: ParsedOptions, command: DockerCommand, ctx: DockerContext): boolean {
  if (!options.bools.has('help')) return false;
  ctx.shell.stdout.write(command.usage);
  return true;
}

/** Engine errors are the daemon's answers; anything else is a bug and is rethrown. */
export function toDaemonError(error: unknown): unknown {
  return isEngineError(error) ? new DaemonError(error.message) : error;
}
