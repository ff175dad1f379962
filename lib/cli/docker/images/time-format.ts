import { humanDuration } from '../../common/human-units';

/**
 * Times as the docker CLI prints and the daemon parses them. The sandbox's clock is UTC, so Go's
 * `time.Local` is UTC here.
 */

/** Go's zero time (`0001-01-01T00:00:00Z`) or an unparsable time: no creation time to show. */
export function isZeroTime(iso: string): boolean {
  return iso.startsWith('0001-') || Number.isNaN(Date.parse(iso));
}

/** `units.HumanDuration(now - created) + " ago"`, or `''` for the zero time (shown as `N/A`). */
export function createdSince(iso: string, now: number): string {
  if (isZeroTime(iso)) return '';
  return `${humanDuration(now - Date.parse(iso))} ago`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Go's `time.Time.String()` in UTC: `2024-05-01 10:00:00 +0000 UTC`. */
export function goTimeString(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000 UTC`;
}

/** Go's `time.RFC3339` in UTC: `2024-05-01T10:00:00Z`. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const UNIT_NANOS: Readonly<Record<string, number>> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Go's `time.ParseDuration` in milliseconds, or undefined when `value` is not a duration. */
export function parseGoDuration(value: string): number | undefined {
  if (value === '0') return 0;
  const match = /^([-+]?)((?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/.exec(value);
  if (match === null) return undefined;
  let nanos = 0;
  for (const part of (match[2] as string).matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    nanos += Number(part[1]) * (UNIT_NANOS[part[2] as string] as number);
  }
  return (match[1] === '-' ? -nanos : nanos) / 1e6;
}

/**
 * moby `timetypes.GetTimestamp` for `until=` / `since=` values: a Go duration counts back from
 * `now` (`24h`), else an RFC 3339 or date-only time (UTC unless it has a zone), else Unix
 * seconds. Returns ms since the epoch; throws the daemon's message for anything else.
 */
export function parseTimestamp(value: string, now: number): number {
  const duration = value === '0' ? undefined : parseGoDuration(value);
  if (duration !== undefined) return now - duration;
  if (value.includes('-') || value.includes('T')) {
    // A zone is `Z` or an offset after the time of day; without one the time is local (UTC here).
    const hasZone = /[zZ]$/.test(value) || /T[\d:.]+[+-]\d\d:?\d\d$/.test(value);
    const iso = /^\d{4}-\d\d-\d\d$/.test(value) ? `${value}T00:00:00` : /T\d\d$/.test(value) ? `${value}:00` : value;
    const ms = Date.parse(hasZone ? iso : `${iso}Z`);
    if (!Number.isNaN(ms)) return ms;
    throw new Error(`parsing time "${value}" as "2006-01-02T15:04:05Z07:00": cannot parse "${value}" as "2006"`);
  }
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  throw new Error(`failed to parse value as time or duration: "${value}"`);
}
