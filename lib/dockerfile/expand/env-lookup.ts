/**
 * The environment a word is expanded against: BuildKit's `shell.EnvGetter`
 * reduced to the one call the lexer makes. `undefined` means unset, which is
 * different from set-but-empty (`${X-d}` vs `${X:-d}`, `${X?}` vs `${X:?}`).
 *
 * A `Map<string, string>` already is an EnvLookup. Names are compared exactly:
 * BuildKit's `EqualEnvKeys` is case-sensitive on unix (only Windows folds case),
 * and Layerlab models linux images only.
 */
export interface EnvLookup {
  get(name: string): string | undefined;
}

/** An empty environment (every variable unset). */
export const EMPTY_ENV: EnvLookup = { get: () => undefined };

/**
 * A lookup over a plain object. Only own properties count, so names such as
 * `constructor` or `__proto__` are unset unless the record sets them.
 */
export function envFromRecord(record: Readonly<Record<string, string>>): EnvLookup {
  const map = new Map<string, string>();
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value !== undefined) map.set(key, value);
  }
  return map;
}

/**
 * A lookup over Docker-style `KEY=VALUE` entries (an image config's `Env`), as
 * BuildKit's `EnvsFromSlice`: split at the first `=`, an entry without `=` sets
 * the name to the empty string, and a later entry for the same name wins.
 */
export function envFromList(entries: readonly string[]): EnvLookup {
  const map = new Map<string, string>();
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq < 0) map.set(entry, '');
    else map.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return map;
}
