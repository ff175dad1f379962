import type { CommandContext } from '@/lib/shell';
import { openRepository, type GitRepository } from '@/lib/workspace';

/** What a git subcommand gets: the shell's context, the working directory (after `-C`), a clock. */
export interface GitRunContext {
  readonly shell: CommandContext;
  /** The directory git runs in: the shell's cwd, or `-C DIR` resolved against it. */
  readonly cwd: string;
  /** Wall clock in ms since the epoch (commit dates when GIT_*_DATE is unset). */
  now(): number;
  /** stdout is a terminal: `git log` decorates refs (`log.decorate=auto`). */
  readonly tty: boolean;
}

export type GitSubcommand = (args: readonly string[], ctx: GitRunContext) => Promise<number>;

export function out(ctx: GitRunContext, text: string): void {
  if (text !== '') ctx.shell.stdout.write(text);
}

export function err(ctx: GitRunContext, text: string): void {
  if (text !== '') ctx.shell.stderr.write(text);
}

export function repository(ctx: GitRunContext): Promise<GitRepository> {
  return openRepository(ctx.shell.fs, ctx.cwd);
}
