/**
 * Units for numeric answers: sizes as Docker prints them (decimal MB/GB, as `docker images`
 * shows) and binary ones (MiB/GiB), and durations. `parseQuantity('0.2 GB')` → 200 000 000 bytes.
 */

export type Dimension = 'bytes' | 'seconds';

interface UnitDef {
  readonly dimension: Dimension;
  readonly factor: number;
}

const UNITS: Readonly<Record<string, UnitDef>> = {};
const define = (names: readonly string[], dimension: Dimension, factor: number) => {
  for (const name of names) (UNITS as Record<string, UnitDef>)[name] = { dimension, factor };
};
define(['b', 'byte', 'bytes'], 'bytes', 1);
define(['kb', 'kilobyte', 'kilobytes'], 'bytes', 1e3);
define(['mb', 'megabyte', 'megabytes', 'meg', 'megs'], 'bytes', 1e6);
define(['gb', 'gigabyte', 'gigabytes', 'gig', 'gigs'], 'bytes', 1e9);
define(['tb', 'terabyte', 'terabytes'], 'bytes', 1e12);
define(['kib'], 'bytes', 2 ** 10);
define(['mib'], 'bytes', 2 ** 20);
define(['gib'], 'bytes', 2 ** 30);
define(['tib'], 'bytes', 2 ** 40);
define(['ms', 'millisecond', 'milliseconds'], 'seconds', 1e-3);
define(['s', 'sec', 'secs', 'second', 'seconds'], 'seconds', 1);
define(['min', 'mins', 'minute', 'minutes'], 'seconds', 60);
define(['h', 'hr', 'hrs', 'hour', 'hours'], 'seconds', 3600);

export function unitOf(name: string): UnitDef | undefined {
  return Object.hasOwn(UNITS, name.toLowerCase()) ? UNITS[name.toLowerCase()] : undefined;
}

export interface Quantity {
  readonly value: number;
  /** The unit as written, lower case, or null when none was given. */
  readonly unit: string | null;
}

/**
 * A number with an optional unit: `200`, `200MB`, `0.2 GB`, `1,5 min` (decimal comma), `1e3`,
 * `2 000` (digit groups), `5 minutes`. Null for anything else (text, two numbers, unknown unit).
 */
export function parseQuantity(text: string): Quantity | null {
  const t = text.trim().replace(/(\d)[\s\u00A0\u202F_](?=\d{3}\b)/g, '$1');
  const m = /^([+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:e[+-]?\d+)?)\s*([a-zA-Z]*)$/i.exec(t);
  if (m === null) return null;
  const value = Number((m[1] ?? '').replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  const unit = (m[2] ?? '').toLowerCase();
  if (unit !== '' && unitOf(unit) === undefined) return null;
  return { value, unit: unit === '' ? null : unit };
}

/** `value` in `from` expressed in `to`; null when the units measure different things. */
export function convert(value: number, from: string, to: string): number | null {
  const a = unitOf(from);
  const b = unitOf(to);
  if (a === undefined || b === undefined || a.dimension !== b.dimension) return null;
  return (value * a.factor) / b.factor;
}
