/**
 * go-humanize's `Bytes` and `ParseBytes`, which dive uses for its figures and for the
 * `highestWastedBytes` rule: SI units (kB = 1000) when printing, SI or IEC when parsing.
 */

const SI_SUFFIXES = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];

/** `humanize.Bytes`: `9 B`, `32 kB`, `1.2 MB` (one decimal below 10, none from 10 up). */
export function humanizeBytes(bytes: number): string {
  if (bytes < 10) return `${bytes} B`;
  const e = Math.floor(Math.log(bytes) / Math.log(1000));
  const suffix = SI_SUFFIXES[e] ?? 'EB';
  const value = Math.floor((bytes / 1000 ** e) * 10 + 0.5) / 10;
  return `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ${suffix}`;
}

const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1e3, kb: 1e3, m: 1e6, mb: 1e6, g: 1e9, gb: 1e9, t: 1e12, tb: 1e12, p: 1e15, pb: 1e15,
  ki: 1024, kib: 1024, mi: 1024 ** 2, mib: 1024 ** 2, gi: 1024 ** 3, gib: 1024 ** 3, ti: 1024 ** 4, tib: 1024 ** 4, pi: 1024 ** 5, pib: 1024 ** 5,
};

/** `humanize.ParseBytes`: `42`, `42 MB`, `42mib`, `1.5GB` → bytes; undefined when it is not a size. */
export function parseBytes(text: string): number | undefined {
  const match = /^\s*([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (match === null) return undefined;
  const unit = UNITS[(match[2] ?? '').toLowerCase()];
  if (unit === undefined) return undefined;
  return Math.floor(Number(match[1]) * unit);
}
