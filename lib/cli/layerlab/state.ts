import { isEngineError, type Store } from '@/lib/engine';
import { UsageError } from '../common/options';
import type { CliIO } from './io';
import type { ParsedOptions } from '../common/options';

/**
 * Where the image commands keep their images (DESIGN.md §4): `--state DIR`, else
 * `$LAYERLAB_STATE`, else `.layerlab/` in the working directory — a directory store the next
 * command reopens, so `build` then `save` then `images` see one another's work.
 */
export function stateDirOf(io: CliIO, options?: ParsedOptions): string {
  const dir = options?.strings.get('state') ?? io.stateDir ?? io.env?.LAYERLAB_STATE;
  if (dir !== undefined && dir !== '') return dir;
  return `${(io.cwd ?? '.').replace(/\/+$/, '') || '/'}/.layerlab`.replace(/^\/\//, '/');
}

/** Opens the state store for the length of `fn`, closing it (and its lock) whatever happens. */
export async function withStore<T>(io: CliIO, options: ParsedOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  if (io.openStore === undefined) throw new UsageError('this command needs a state directory, which this environment does not provide');
  const store = await io.openStore(stateDirOf(io, options));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/**
 * The one place the image commands turn engine errors into what docker prints: the daemon's
 * message after `Error response from daemon: `, exit code 1. Anything else is a bug and rethrown.
 */
export function reportDaemonError(io: CliIO, error: unknown): number {
  if (!isEngineError(error)) throw error;
  io.stderr(`Error response from daemon: ${error.message}\n`);
  return 1;
}

/** An optional IO capability a command cannot do without; its absence is a usage error, not a crash. */
export function requireCapability<K extends keyof CliIO>(io: CliIO, key: K, what: string): NonNullable<CliIO[K]> {
  const value = io[key];
  if (value === undefined || value === null) throw new UsageError(`${what} is not available in this environment`);
  return value as NonNullable<CliIO[K]>;
}
