/** What a `layerlab` command may do to the outside world; the Node entry and tests provide it. */
export interface CliIO {
  /** Reads a file as bytes; rejects with an error whose `code` is e.g. `ENOENT` when it cannot. */
  readFile(path: string): Promise<Uint8Array>;
  /** True when a file exists (used to tell whether a build context has a .dockerignore). */
  exists(path: string): Promise<boolean>;
  stdout(text: string): void;
  stderr(text: string): void;
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
