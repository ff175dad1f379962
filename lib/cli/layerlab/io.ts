import type { BuildContext, Store } from '@/lib/engine';
import type { ShellFs } from '@/lib/shell';
import type { Sha256Factory } from '@/lib/util';

/**
 * What a `layerlab` command may do to the outside world; the Node entry and tests provide it.
 * The image commands (build, save, load, inspect, images) need the optional members; where they
 * are missing (the browser's headless terminal) those commands say so instead of failing oddly.
 */
export interface CliIO {
  /** Reads a file as bytes; rejects with an error whose `code` is e.g. `ENOENT` when it cannot. */
  readFile(path: string): Promise<Uint8Array>;
  /** True when a file exists (used to tell whether a build context has a .dockerignore). */
  exists(path: string): Promise<boolean>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Environment variables (`LAYERLAB_STATE`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Working directory, for the default state directory `.layerlab/`. */
  cwd?: string;
  /** `--state DIR` given before the command name (filled by runLayerlab). */
  stateDir?: string;
  /** Opens (creating) the directory store under `dir`; the caller closes it. */
  openStore?(dir: string): Promise<Store>;
  /** Writes a file from a stream of chunks, replacing it only once complete. */
  writeFile?(path: string, chunks: AsyncIterable<Uint8Array>): Promise<void>;
  /** Reads a file as a stream of chunks (archives can be gigabytes). */
  readStream?(path: string): AsyncIterable<Uint8Array>;
  /** The directory `dir` as a shell filesystem, shown at `mount` (`layerlab sh`'s workspace). */
  openWorkspace?(dir: string, mount: string): Promise<ShellFs>;
  /** The build context at `dir`. */
  openContext?(dir: string): Promise<BuildContext>;
  /**
   * A course folder's text files as course paths (`content/lessons/3.1/labs.yaml` → text), the
   * sub-folders of `dir` given by `subs` (default `lessons`): `layerlab grade` / `content check`.
   */
  readContent?(dir: string, subs?: readonly string[]): Promise<Map<string, string>>;
  /** The fastest sha256 available (Node's OpenSSL in the CLI). */
  sha256?: Sha256Factory;
  /** Wall clock in ms since the epoch (`docker images` CREATED). */
  now?(): number;
}

/** Decodes bytes as UTF-8 the way Go reads them into a string: invalid sequences become U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}

/** Docker's wording for a file it cannot open, e.g. `open Dockerfile: no such file or directory`. */
export function describeReadError(path: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return `open ${path}: no such file or directory`;
  if (code === 'EISDIR') return `read ${path}: is a directory`;
  if (code === 'EACCES') return `open ${path}: permission denied`;
  return `open ${path}: ${error instanceof Error ? error.message : String(error)}`;
}
