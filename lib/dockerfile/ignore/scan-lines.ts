import { utf8Length } from '@/lib/util';

/**
 * Go's `bufio.Scanner` line splitting, as moby's `ignorefile.ReadAll` reads a .dockerignore.
 */

/** Go's `bufio.MaxScanTokenSize`: a longer line stops `bufio.Scanner` with `ErrTooLong`. */
export const MAX_SCAN_TOKEN_BYTES = 64 * 1024;

/** One line as `bufio.Scanner` returns it, with the byte length it occupied in the scan buffer. */
export interface ScannedLine {
  text: string;
  /** UTF-8 bytes before the `\n`, `\r` included: what must fit in the 64 KiB buffer. */
  bytes: number;
}

/**
 * `bufio.Scanner` with `ScanLines`: split on `\n`, drop one `\r` before it, and return a last
 * line without newline only when it is not empty (so `"a\n"` is one line, `"a\n\n"` two).
 */
export function scanLines(text: string): ScannedLine[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => ({
    text: line.endsWith('\r') ? line.slice(0, -1) : line,
    bytes: utf8Length(line, 0, line.length),
  }));
}
