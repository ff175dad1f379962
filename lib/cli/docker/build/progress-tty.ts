import { formatProgressBytes, type BuildEvent } from '@/lib/engine';

/**
 * BuildKit's condensed view (`--progress=tty`, buildx `progressui` display.go): a header with the
 * build's time and completed/total count and the builder on the right, then one line per vertex
 * and per sub-status with its duration right-aligned at the terminal's width:
 *
 *     [+] Building 5.4s (9/9) FINISHED                                     docker:default
 *      => [internal] load build definition from Dockerfile                          0.0s
 *      => => transferring dockerfile: 183B                                          0.0s
 *      => CACHED [2/4] COPY requirements.txt .                                      0.0s
 *
 * Times are the simulated ones, as in the plain view. Live, the frame is redrawn in place (cursor
 * up, clear below); otherwise only the final frame is written.
 */

export interface TtyRendererOptions {
  /** Terminal columns (BuildKit reads the console size). */
  width: number;
  /**
   * Terminal rows. A live frame taller than the screen could not be redrawn in place (the cursor
   * cannot move up into the scrollback), so, as progressui does, it keeps the header and the most
   * recent lines; the final frame is written whole.
   */
  height?: number;
  /** Right side of the header: `docker:default`, `docker-container:multiarch`. */
  builder: string;
  /** Redraw while the build runs (a real terminal); false writes the final frame only. */
  live: boolean;
  /** ANSI colours: finished lines blue, failed red (only on a terminal). */
  color: boolean;
  /** Real time in ms, to throttle live redraws. */
  now?: () => number;
}

interface Job {
  name: string;
  status?: string;
  seconds: number;
  done: boolean;
  cached: boolean;
  error: boolean;
  subs: Job[];
}

const REDRAW_MS = 100;

export function createTtyRenderer(write: (text: string) => void, options: TtyRendererOptions): (event: BuildEvent) => void {
  const jobs = new Map<number, Job>();
  let linesShown = 0;
  let lastDraw = -Infinity;
  const clock = options.now ?? (() => Date.now());

  const draw = (final: boolean): void => {
    const frame = fitHeight(renderFrame([...jobs.values()], final, options), final ? undefined : options.height);
    const up = linesShown > 0 ? `\x1b[${linesShown}F\x1b[J` : '';
    write(up + frame.join(''));
    linesShown = frame.length;
    lastDraw = clock();
  };
  const maybeDraw = (): void => {
    if (options.live && clock() - lastDraw >= REDRAW_MS) draw(false);
  };

  return (event) => {
    switch (event.type) {
      case 'vertex-start':
        jobs.set(event.vertex, { name: event.name, seconds: 0, done: false, cached: false, error: false, subs: [] });
        maybeDraw();
        break;
      case 'vertex-progress': {
        const job = jobs.get(event.vertex);
        if (job !== undefined && event.current === event.total) {
          job.subs.push({ name: event.id, status: formatProgressBytes(event.current, event.total), seconds: event.simulatedSeconds, done: true, cached: false, error: false, subs: [] });
        }
        break;
      }
      case 'vertex-cached': {
        const job = jobs.get(event.vertex);
        if (job !== undefined) job.cached = true;
        break;
      }
      case 'vertex-done': {
        const job = jobs.get(event.vertex);
        if (job === undefined) break;
        for (const line of event.detail ?? []) job.subs.push({ name: line.replace(/ done$/, ''), seconds: 0, done: true, cached: false, error: false, subs: [] });
        job.seconds = event.simulatedSeconds;
        job.done = true;
        maybeDraw();
        break;
      }
      case 'vertex-error': {
        const job = jobs.get(event.vertex);
        if (job !== undefined) {
          job.error = true;
          job.done = true;
        }
        break;
      }
      case 'build-done':
      case 'build-error':
        draw(true);
        break;
      case 'vertex-log':
      case 'warning':
      case 'stage-skipped':
      case 'context-sent':
        break;
    }
  };
}

/** The header and the last lines that fit in `height - 1` rows (one row stays for the cursor). */
function fitHeight(frame: string[], height: number | undefined): string[] {
  if (height === undefined || frame.length <= height - 1) return frame;
  const keep = Math.max(0, height - 2);
  return [frame[0] as string, ...(keep > 0 ? frame.slice(-keep) : [])];
}

/** Go's `%-*s %s`: `left` padded to `width - len(right) - 1`, a space, then `right`. */
function align(left: string, right: string, width: number): string {
  return `${left.padEnd(width - right.length - 1)} ${right}`;
}

function renderFrame(jobs: readonly Job[], final: boolean, options: TtyRendererOptions): string[] {
  const { width } = options;
  const all = jobs.flatMap((j) => [j, ...j.subs.map((s) => ({ ...s, name: `=> ${s.name}` }))]);
  const completed = jobs.filter((j) => j.done).length;
  const total = jobs.reduce((n, j) => n + j.seconds + j.subs.reduce((m, s) => m + (s.status !== undefined ? 0 : s.seconds), 0), 0);
  const status = final && completed === jobs.length && completed > 0 ? 'FINISHED' : '';
  const lines = [`${align(`[+] Building ${total.toFixed(1)}s (${completed}/${jobs.length}) ${status}`, options.builder, width - 1)}\n`];
  for (const job of all) {
    const timer = ` ${(job.seconds < 0.05 ? 0 : job.seconds).toFixed(1).padStart(3)}s\n`;
    const prefix = ' => ';
    let left = width - prefix.length - timer.length - 1;
    let showStatus = false;
    if (job.status !== undefined && left + job.status.length > 20) {
      showStatus = true;
      left -= job.status.length + 1;
    }
    if (left < 12) continue;
    const label = `${job.error ? 'ERROR ' : job.cached ? 'CACHED ' : ''}${job.name}`;
    let line = align(`${prefix}${label.slice(0, left)}${showStatus ? ` ${job.status}` : ''}`, timer, width);
    if (options.color && job.done) line = `${job.error ? '\x1b[31m' : '\x1b[34m'}${line.replace(/\n$/, '')}\x1b[0m\n`;
    lines.push(line);
  }
  return lines;
}
