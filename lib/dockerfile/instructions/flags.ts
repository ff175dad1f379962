import type { FlagWord } from '../ast';
import { withSuggestion } from './suggest';

export type FlagType = 'bool' | 'string' | 'strings';

export type FlagSpec = Readonly<Record<string, FlagType>>;

export interface ParsedFlags {
  // Read-only for callers: an empty result is shared between calls.
  /** Last value of each string flag / 'true' | 'false' for bool flags that were given. */
  values: Map<string, string>;
  /** Every value of a repeatable (`strings`) flag, in order. */
  lists: Map<string, string[]>;
  used: Set<string>;
}

/** Thrown for a bad flag; the caller wraps it as `dockerfile parse error on line N: ...`. */
export class FlagError extends Error {
  constructor(
    message: string,
    readonly flag: FlagWord,
  ) {
    super(message);
  }
}

/**
 * BuildKit's `BFlags.Parse` (instructions/bflag.go): `--` stops flag parsing; unknown flags get a
 * "did you mean" suggestion; only repeatable flags may be given twice; bool flags accept
 * `--x`, `--x=true`, `--x=false` (any case); string flags need `=value`.
 */
const NONE: ParsedFlags = { values: new Map(), lists: new Map(), used: new Set() };

export function parseFlags(flags: readonly FlagWord[], spec: FlagSpec): ParsedFlags {
  // Most instructions have no flags: share one empty, never-mutated result.
  if (flags.length === 0) return NONE;
  const parsed: ParsedFlags = { values: new Map(), lists: new Map(), used: new Set() };
  for (const flag of flags) {
    if (flag.raw === '--') break;
    const eq = flag.raw.indexOf('=');
    const flagName = eq >= 0 ? flag.raw.slice(0, eq) : flag.raw;
    const value = eq >= 0 ? flag.raw.slice(eq + 1) : '';
    const hasValue = eq >= 0;
    const name = flagName.slice(2);
    const type = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (type === undefined) {
      throw new FlagError(withSuggestion(`unknown flag: ${flagName}`, name, Object.keys(spec), true), flag);
    }
    if (parsed.used.has(name) && type !== 'strings') {
      throw new FlagError(`duplicate flag specified: ${flagName}`, flag);
    }
    parsed.used.add(name);
    switch (type) {
      case 'bool': {
        if (hasValue && value === '') throw new FlagError(`missing a value on flag: ${flagName}`, flag);
        const lower = value.toLowerCase();
        if (lower === '' || lower === 'true') parsed.values.set(name, 'true');
        else if (lower === 'false') parsed.values.set(name, 'false');
        else throw new FlagError(`expecting boolean value for flag ${flagName}, not: ${value}`, flag);
        break;
      }
      case 'string':
        if (!hasValue) throw new FlagError(`missing a value on flag: ${flagName}`, flag);
        parsed.values.set(name, value);
        break;
      case 'strings': {
        if (!hasValue) throw new FlagError(`missing a value on flag: ${flagName}`, flag);
        const list = parsed.lists.get(name) ?? [];
        list.push(value);
        parsed.lists.set(name, list);
        break;
      }
    }
  }
  return parsed;
}

export function stringFlag(flags: ParsedFlags, name: string): string | null {
  return flags.values.get(name) ?? null;
}

export function boolFlag(flags: ParsedFlags, name: string): boolean {
  return flags.values.get(name) === 'true';
}

export function listFlag(flags: ParsedFlags, name: string): string[] {
  return flags.lists.get(name) ?? [];
}
