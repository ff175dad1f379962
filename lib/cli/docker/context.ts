import type { Registries, Store, TransferEvent } from '@/lib/engine';
import type { CommandContext } from '@/lib/shell';
import type { Sha256Factory } from '@/lib/util';

/**
 * What a docker subcommand may use. The terminal builds one per `docker …` line from the shell's
 * command context (the student's workspace, streams, environment) plus the services of the host
 * the terminal is on; tests build one over a memory store and a memory fs.
 *
 * Areas add optional services here as they land; a command that needs a missing one says so
 * with `requireService` instead of failing oddly.
 */
export interface DockerContext {
  /** The shell's view: args, env, cwd, workspace fs, stdin/stdout/stderr, cancellation. */
  readonly shell: CommandContext;
  /** The daemon of the host the terminal is on (`workstation`, `staging-server`, …). */
  readonly daemon: DockerDaemon;
  /** Wall clock in ms since the epoch (CREATED columns, `until=24h`, container start times). */
  now(): number;
  /** The fastest sha256 available (Node's OpenSSL in the CLI, hash-wasm in the browser). */
  readonly sha256: Sha256Factory;
  /** True when stdout is a terminal: progress bars redraw, `-it` is allowed. */
  readonly tty: boolean;
  /** The terminal's width in columns when it is known (BuildKit's tty frame fits it). */
  readonly columns?: number;
  /** The terminal's height in rows when it is known (BuildKit's live frame never outgrows it). */
  readonly rows?: number;
  /**
   * Asks the user a question on the terminal (`docker image prune`'s `[y/N]`) and returns the
   * answer line; without it the answer is read from stdin, as docker does when piped.
   */
  prompt?(question: string): Promise<string | undefined>;
  /**
   * Switches the terminal into another shell until it exits — `docker run -it IMAGE sh`,
   * `docker exec -it C sh` (and `ssh HOST` on the terminal side). Absent when there is no
   * terminal to switch (a script piped to `layerlab sh`): `-it` then says so, as docker does
   * without a TTY (`the input device is not a TTY`).
   */
  enterSession?(session: ShellSession): void;
  /**
   * The registries every host shares (`docker pull` / `push` / `login`): Docker Hub with the
   * built-in images, the modeled registries and real ones at `host:port`. Absent, those commands
   * say there is no registry service.
   */
  readonly registries?: Registries;
  /**
   * Receives every pull/push progress event (`Downloading` with byte counts, `Pull complete`, …)
   * for a terminal that draws docker's redrawn progress bars; the text output stays the non-TTY
   * lines either way.
   */
  transferProgress?(event: TransferEvent): void;
}

/** A shell the terminal hands its lines to while it is on top (see `enterSession`). */
export interface ShellSession {
  /** The prompt to show, e.g. `root@3f2a1b4c5d6e:/# ` or `/app # `. */
  prompt(): string;
  /** Runs one complete line; `exited` ends the session (its `exit`, or the container stopping). */
  runLine(line: string, io: SessionIo): Promise<{ exitCode: number; exited: boolean }>;
  /** Called when the terminal drops the session (exit, Ctrl+D, reload): stop the container etc. */
  close?(): Promise<void>;
  /** Persistable description so a reloaded terminal (or the next `layerlab sh`) can reopen it. */
  readonly descriptor: { kind: 'container'; containerId: string; host: string; command: readonly string[] } | { kind: 'host'; host: string };
}

export interface SessionIo {
  stdout(text: string): void;
  stderr(text: string): void;
  signal?: AbortSignal;
}

export interface DockerDaemon {
  /** The host's name as `ssh` knows it; `workstation` for the student's own machine. */
  readonly host: string;
  /** Images, layers, build cache and containers of this host's daemon. */
  readonly store: Store;
}

/**
 * The terminal's size as docker reads it: COLUMNS and LINES when the environment sets them, else
 * the terminal's own, else 80 columns (and no height: nothing to fit).
 */
export function terminalSize(ctx: Pick<DockerContext, 'shell' | 'columns' | 'rows'>): { columns: number; rows?: number } {
  const columns = Number(ctx.shell.env.COLUMNS) > 0 ? Number(ctx.shell.env.COLUMNS) : (ctx.columns ?? 80);
  const rows = Number(ctx.shell.env.LINES) > 0 ? Number(ctx.shell.env.LINES) : ctx.rows;
  return rows === undefined ? { columns } : { columns, rows };
}
