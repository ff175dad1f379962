// docker/go-units (sizes, ages) live in lib/util so the web app's views share them; the docker
// CLI's table and build-duration formats are here.
import { tabwrite } from '../go-template';

export { goFormatG3, humanDuration, humanSize } from '@/lib/util';

/** Rows through Go's text/tabwriter as docker/cli configures it (minwidth 10, padding 3). */
export function tabulate(rows: readonly (readonly string[])[]): string {
  return tabwrite(rows.map((row) => `${row.join('\t')}\n`).join(''));
}

/** `45.2s`, `3m 05s`, `1h 02m`: a build duration as the build summary prints it. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(Math.round(seconds - minutes * 60)).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}
