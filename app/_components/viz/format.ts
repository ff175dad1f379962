/**
 * Formatting for the views. Sizes are written as Docker writes them (`docker images`, `docker
 * history`: go-units `HumanSizeWithPrecision(x, 3)`, decimal units, `135MB`, `1.07GB`), so a figure
 * in a view reads the same as in the terminal beside it. They come from lib/util (go-units), the
 * same functions the docker CLI prints with, without pulling the CLI into the views' chunk.
 */
import { humanDuration, humanSize } from '@/lib/util';

/** `0B`, `1.23kB`, `7.8MB`, `135MB`, `1.07GB`: Docker's size column. */
export const formatSize = humanSize;

/** `1,234,567 bytes` for titles and screen readers, where the exact figure matters. */
export function formatBytesExact(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/** MB as the material writes savings (decimal, one decimal place): `1865.3 MB`. */
export function formatMegabytes(bytes: number): string {
  return `${(Math.round(bytes / 1e5) / 10).toFixed(1)} MB`;
}

/** `sha256:abc…` → the first 12 hex digits, as Docker shortens IDs. */
export function shortDigest(digest: string): string {
  const hex = digest.startsWith('sha256:') ? digest.slice(7) : digest;
  return hex.slice(0, 12);
}

/**
 * A simulated duration, short and plain: `0 s`, `0.4 s`, `5 s`, `1 min 05 s`, `5 min`,
 * `1 h 02 min`. Whole seconds from 10 s up; minutes drop a zero remainder ("5 minutes → 5 s").
 */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return '0 s';
  if (seconds < 10) {
    const tenth = Math.round(seconds * 10) / 10;
    return `${tenth === 10 ? '10' : Number.isInteger(tenth) ? tenth.toFixed(0) : tenth.toFixed(1)} s`;
  }
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  if (minutes < 60) return rest === 0 ? `${minutes} min` : `${minutes} min ${String(rest).padStart(2, '0')} s`;
  const hours = Math.floor(minutes / 60);
  const mins = minutes % 60;
  return mins === 0 ? `${hours} h` : `${hours} h ${String(mins).padStart(2, '0')} min`;
}

/** Real compute time: `0 ms`, `40 ms`, `1.2 s`, `12 s`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  return seconds < 10 ? `${(Math.round(seconds * 10) / 10).toFixed(1)} s` : formatSeconds(seconds);
}

/** 0.9423 → `94.2 %`. */
export function formatRatio(ratio: number, digits = 1): string {
  return `${(ratio * 100).toFixed(digits)} %`;
}

/** "before → after" for the figures people compare ("5 min → 5 s", "1.09GB → 135MB"). */
export function beforeAfter(before: string, after: string): string {
  return `${before} → ${after}`;
}

/** docker/cli `TruncateID`: the ID without `sha256:`, 12 characters; `<missing>` stays. */
export function truncateId(id: string): string {
  if (id === '<missing>' || id === '') return id;
  return shortDigest(id);
}

/**
 * docker/cli `formatter.Ellipsis` for the CREATED BY column (45 cells, `…` last). Counts code
 * points; the wide East Asian characters Docker counts twice are rare in Dockerfiles.
 */
export function ellipsis(text: string, max: number): string {
  const runes = [...text];
  return runes.length <= max ? text : `${runes.slice(0, max - 1).join('')}…`;
}

/** go-units `HumanDuration`, as `docker history` prints CREATED (`3 days ago`). */
export { humanDuration };

/** Times up to 2000-01-01 print `N/A` in `docker history` (fixed build timestamps land there). */
const EPOCH_2000 = Date.parse('2000-01-01T00:00:00Z');

/** The CREATED column: `3 days ago`, or `N/A` for a missing or reproducible (epoch) time. */
export function createdSince(created: string | undefined, now: number): string {
  const at = created === undefined || created === '' ? Number.NaN : Date.parse(created);
  if (Number.isNaN(at) || at <= EPOCH_2000) return 'N/A';
  return `${humanDuration(now - at)} ago`;
}

/** Layer numbers in the data are 0-based; people (and the material) count from 1. */
export function layerName(layer: number): string {
  return `layer ${layer + 1}`;
}

/** `layers 2, 4 and 5` / `layer 3`. */
export function layerList(layers: readonly number[]): string {
  const names = layers.map((l) => String(l + 1));
  if (names.length <= 1) return `layer ${names[0] ?? '?'}`;
  return `layers ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
