import { familiarName, parseNormalizedNamed, referenceName, resolveImage, type ReadTx } from '@/lib/engine';
import { DaemonError, DockerUsageError } from '../command';
import type { ImageEntry } from './image-data';
import { BadPatternError, goPathMatch } from './path-match';
import { parseTimestamp } from './time-format';

/** `--filter key=value` values by key, in the order given (moby `filters.Args`). */
export type Filters = ReadonlyMap<string, readonly string[]>;

/**
 * The CLI side of `--filter` (docker/cli `opts.FilterOpt`): each value must be `name=value`,
 * else pflag's `invalid argument "foo" for "-f, --filter" flag: bad format of filter (expected
 * name=value)` (exit 125). Keys are lower-cased and trimmed like `filters.ParseFlag`.
 */
export function parseFilters(values: readonly string[]): Map<string, string[]> {
  const filters = new Map<string, string[]>();
  for (const raw of values) {
    const eq = raw.indexOf('=');
    if (eq < 0) throw new DockerUsageError(`invalid argument "${raw}" for "-f, --filter" flag: bad format of filter (expected name=value)`);
    const key = raw.slice(0, eq).trim().toLowerCase();
    const value = raw.slice(eq + 1).trim();
    filters.set(key, [...(filters.get(key) ?? []), value]);
  }
  return filters;
}

/** The daemon's `filters.Validate`: an unknown key is `invalid filter 'foo'`. */
export function validateFilters(filters: Filters, accepted: readonly string[]): void {
  for (const key of filters.keys()) if (!accepted.includes(key)) throw new DaemonError(`invalid filter '${key}'`);
}

/** `dangling=true|false` → true / false; absent → undefined; anything else the daemon's error. */
export function danglingFilter(filters: Filters): boolean | undefined {
  const values = filters.get('dangling');
  if (values === undefined) return undefined;
  if (values.length === 1 && values[0] === 'true') return true;
  if (values.length === 1 && values[0] === 'false') return false;
  throw new DaemonError(`invalid filter 'dangling=[${values.join(' ')}]'`);
}

/**
 * `label=key` / `label=key=value` (`filters.MatchKVList`: every one must match; an image
 * without labels matches none). `label!=` is prune's negation.
 */
export function matchLabels(filters: Filters, labels: Readonly<Record<string, string>> | undefined): boolean {
  const has = (spec: string) => {
    const eq = spec.indexOf('=');
    const key = eq < 0 ? spec : spec.slice(0, eq);
    if (labels === undefined || !Object.hasOwn(labels, key)) return false;
    return eq < 0 || labels[key] === spec.slice(eq + 1);
  };
  const wanted = filters.get('label') ?? [];
  if (wanted.length > 0 && (labels === undefined || Object.keys(labels).length === 0)) return false;
  if (!wanted.every(has)) return false;
  // moby's prune: excluded when every `label!` spec matches (MatchKVList on `label!`).
  const unwanted = filters.get('label!') ?? [];
  return !(unwanted.length > 0 && labels !== undefined && Object.keys(labels).length > 0 && unwanted.every(has));
}

/**
 * `reference=<glob>` against one ref (moby `reference.FamiliarMatch` and its canonical
 * fallbacks): the familiar `name:tag`, the familiar name, then the full forms.
 */
export function matchReference(patterns: readonly string[], key: string, familiarRef: string): boolean {
  const named = parseNormalizedNamed(key);
  const candidates = [familiarRef, familiarName(named), key, referenceName(named)];
  try {
    return patterns.some((pattern) => candidates.some((name) => goPathMatch(pattern, name)));
  } catch (error) {
    if (error instanceof BadPatternError) throw new DaemonError(error.message);
    throw error;
  }
}

/** The created-time window of `before=` / `since=` / `until=` (exclusive bounds, ms). */
export interface TimeWindow {
  readonly before?: number;
  readonly since?: number;
}

/**
 * moby `image_list.go`: `before=IMAGE` and `until=TIME` bound from above (the earliest wins),
 * `since=IMAGE` from below (the latest wins). An unknown image is `No such image: …`.
 */
export async function timeWindow(tx: ReadTx, filters: Filters, now: number): Promise<TimeWindow> {
  let before: number | undefined;
  let since: number | undefined;
  const createdOf = async (arg: string) => {
    const id = await resolveImage(tx, arg);
    const record = await tx.get('images', id);
    return Date.parse(record?.created ?? '');
  };
  for (const value of filters.get('before') ?? []) {
    const t = await createdOf(value);
    if (!Number.isNaN(t) && (before === undefined || t < before)) before = t;
  }
  for (const value of filters.get('until') ?? []) {
    let t: number;
    try {
      t = parseTimestamp(value, now);
    } catch (error) {
      throw new DaemonError((error as Error).message);
    }
    if (before === undefined || t < before) before = t;
  }
  for (const value of filters.get('since') ?? []) {
    const t = await createdOf(value);
    if (!Number.isNaN(t) && (since === undefined || t > since)) since = t;
  }
  return { ...(before !== undefined ? { before } : {}), ...(since !== undefined ? { since } : {}) };
}

export function inWindow(window: TimeWindow, image: ImageEntry): boolean {
  const created = Date.parse(image.record.created);
  if (window.before !== undefined && !(created < window.before)) return false;
  if (window.since !== undefined && !(created > window.since)) return false;
  return true;
}
