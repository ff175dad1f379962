import { isEngineError, type Registries, type TransferEvent, type TransferListener } from '@/lib/engine';
import { CliError, DaemonError } from '../command';
import { terminalSize, type DockerContext } from '../context';
import { createTransferTtyRenderer } from './transfer-tty';

/**
 * Docker's progress stream as a terminal that is not a TTY shows it (moby `jsonmessage`
 * `DisplayJSONMessagesStream` without a terminal): one line per message that ends an item —
 * `c6a83fedfae6: Pull complete`, `Digest: sha256:…` — and none of the redrawn intermediate states.
 * On a terminal (`ctx.tty`) every event is drawn instead, docker's per-layer lines redrawn in place
 * with their progress bars (transfer-tty.ts). Every event also goes to `ctx.transferProgress`.
 *
 * Errors: one the daemon returns before its stream starts is `Error response from daemon: …`
 * (an unknown repository, a registry that is down on pull); one inside the stream is printed as
 * it is (push's `denied: …`), after the last state of the items still in flight, as docker's
 * `Preparing` lines stay on screen above the error.
 */
export interface TransferOutput {
  readonly listener: TransferListener;
  /** Runs a transfer; engine errors become the CLI error docker would print. */
  run<T>(transfer: () => Promise<T>): Promise<T>;
}

export function createTransferOutput(ctx: DockerContext, options: { quiet: boolean }): TransferOutput {
  const pending = new Map<string, string>();
  let started = false;
  const write = (text: string) => {
    if (!options.quiet) ctx.shell.stdout.write(text);
  };
  const { columns } = terminalSize(ctx);
  const tty = ctx.tty && !options.quiet ? createTransferTtyRenderer(write, columns) : undefined;
  const listener = (event: TransferEvent) => {
    started = true;
    ctx.transferProgress?.(event);
    if (tty !== undefined) {
      tty(event);
      return;
    }
    if (!event.final) {
      if (event.id !== undefined) pending.set(event.id, event.status);
      return;
    }
    if (event.id !== undefined) pending.delete(event.id);
    write(event.id !== undefined ? `${event.id}: ${event.status}\n` : `${event.status}\n`);
  };
  return {
    listener,
    async run(transfer) {
      try {
        return await transfer();
      } catch (error) {
        if (!isEngineError(error)) throw error;
        for (const [id, status] of pending) write(`${id}: ${status}\n`);
        pending.clear();
        if (started) throw new CliError(error.message);
        throw new DaemonError(error.message);
      }
    },
  };
}

/** The registries service, or the error a terminal without one gives. */
export function requireRegistries(ctx: DockerContext): Registries {
  if (ctx.registries === undefined) throw new CliError('Cannot connect to the registries: this terminal has no registry service');
  return ctx.registries;
}

/** Simulated bytes per second: `LAYERLAB_BANDWIDTH` in the shell's environment, as RUN honours it. */
export function bandwidthOf(ctx: DockerContext): number | undefined {
  const value = Number(ctx.shell.env.LAYERLAB_BANDWIDTH);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
