// Numbers as the build panel shows them. Sizes use the docker CLI's decimal units (go-units
// HumanSize: 1 kB = 1000 B, three significant digits), so they read like `docker images`.
import { humanSize } from '@/lib/util';

/** `203MB`, `1.02kB`, `0B`: lib/util's go-units HumanSize, as `docker images` prints sizes. */
export const formatBytes = humanSize;

/**
 * A duration in seconds as a person says it: `0.1s`, `12.4s`, `1m 13s`, `1h 2m`. Under a minute
 * keeps one decimal (BuildKit's precision), so a cached rebuild never reads as `0s`.
 */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 60) return `${seconds < 0.05 && seconds > 0 ? '<0.1' : (Math.round(seconds * 10) / 10).toFixed(1)}s`;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}h ${m}m` : `${m}m ${s}s`;
}

/** Real compute time: `8 ms`, `1.4 s`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
