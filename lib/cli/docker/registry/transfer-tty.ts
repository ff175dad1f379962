import type { TransferEvent } from '@/lib/engine';
import { humanSize4 } from '@/lib/util';

/**
 * Docker's pull/push progress on a terminal (moby `jsonmessage.DisplayJSONMessagesStream` with
 * `isTerminal`): each layer keeps one line, redrawn in place — a new layer ID opens a line
 * (`\n`), an update moves the cursor up to its line (`ESC[nA`), erases it (`ESC[2K`), writes
 * `<id>: <status> <progress>` ending in `\r` and moves back down (`ESC[nB`). A message without a
 * layer ID (`latest: Pulling from library/alpine`, `Digest: …`) is a plain line and starts a new
 * group, as moby clears its line map then.
 *
 * The progress (`JSONProgress.String`): a 50-wide `[====>   ]` bar only when the terminal is wider
 * than 110 columns, then `%8v/%v` of current/total in `units.HumanSize` (4 significant digits).
 * Docker adds the time left from the transfer's start; our events carry no start, so it is left out.
 */
const LAYER_ID = /^[0-9a-f]{12}$/;

/** `JSONProgress.String()` for byte counts. */
export function progressText(progress: TransferEvent['progress'], columns: number): string {
  if (progress === undefined) return '';
  const { current, total } = progress;
  if (current <= 0 && total <= 0) return '';
  if (total <= 0) return humanSize4(current).padStart(8);
  const percentage = Math.min(50, Math.trunc(Math.trunc((current / total) * 100) / 2));
  const bar = columns > 110 ? `[${'='.repeat(percentage)}>${' '.repeat(Math.max(0, 50 - percentage))}] ` : '';
  const numbers = current > total ? humanSize4(current).padStart(8) : `${humanSize4(current).padStart(8)}/${humanSize4(total)}`;
  return bar + numbers;
}

const up = (n: number) => (n > 0 ? `\x1b[${n}A` : '');
const down = (n: number) => (n > 0 ? `\x1b[${n}B` : '');

/** A listener that draws the events as docker does on a terminal `columns` wide. */
export function createTransferTtyRenderer(write: (text: string) => void, columns: number): (event: TransferEvent) => void {
  let lines = new Map<string, number>();
  return (event) => {
    const { id } = event;
    if (id === undefined || !LAYER_ID.test(id)) {
      lines = new Map();
      write(`${id !== undefined ? `${id}: ` : ''}${event.status}\n`);
      return;
    }
    let out = '';
    let line = lines.get(id);
    if (line === undefined) {
      line = lines.size;
      lines.set(id, line);
      out += '\n';
    }
    const diff = lines.size - line;
    out += `${up(diff)}\x1b[2K\r${id}: ${event.status} ${progressText(event.progress, columns)}\r${down(diff)}`;
    write(out);
  };
}
