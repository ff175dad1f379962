import type { BuildEvent } from './events';

/**
 * BuildKit's `--progress=plain` renderer (buildx `util/progress/printer.go`, plain mode):
 *
 *     #5 [2/4] COPY requirements.txt .
 *     #5 CACHED
 *
 *     #6 [3/4] RUN pip install -r requirements.txt
 *     #6 0.512 Collecting flask
 *     #6 DONE 5.2s
 *
 * Each vertex is a block separated by a blank line; log lines carry the seconds since the vertex
 * started; durations print with one decimal. Simulated time is what Layerlab shows, because that is
 * what the same build would take with Docker.
 */
export function createPlainRenderer(write: (text: string) => void): (event: BuildEvent) => void {
  let started = false;
  return (event) => {
    switch (event.type) {
      case 'vertex-start':
        write(`${started ? '\n' : ''}#${event.vertex} ${event.name}\n`);
        started = true;
        break;
      case 'vertex-log':
        for (const line of event.text.replace(/\n$/, '').split('\n')) write(`#${event.vertex} ${event.simulatedSeconds.toFixed(3)} ${line}\n`);
        break;
      case 'vertex-progress':
        // Plain mode prints a transfer when it completes (the tty mode animates it instead).
        if (event.current === event.total) {
          write(`#${event.vertex} ${event.id} ${formatProgressBytes(event.current, event.total)} ${event.simulatedSeconds.toFixed(1)}s done\n`);
        }
        break;
      case 'vertex-cached':
        write(`#${event.vertex} CACHED\n`);
        break;
      case 'vertex-done':
        for (const line of event.detail ?? []) write(`#${event.vertex} ${line}\n`);
        write(`#${event.vertex} DONE ${event.simulatedSeconds.toFixed(1)}s\n`);
        break;
      case 'vertex-error':
        write(`#${event.vertex} ERROR: ${event.message}\n`);
        break;
      case 'warning':
        write(`${started ? '\n' : ''}WARNING: ${event.message}\n`);
        break;
      case 'stage-skipped':
      case 'context-sent':
      case 'build-done':
      case 'build-error':
        break;
    }
  };
}

/** `29.13MB / 29.13MB` as BuildKit prints transfer progress (decimal units, two decimals). */
export function formatProgressBytes(current: number, total: number): string {
  return `${formatDecimalBytes(current)} / ${formatDecimalBytes(total)}`;
}

export function formatDecimalBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes}B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(2)}${units[unit]}`;
}
