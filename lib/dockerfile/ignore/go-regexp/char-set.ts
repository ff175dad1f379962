/**
 * Character sets with Go `regexp/syntax` meaning: literals, `.`, `[...]` classes, the Perl
 * (`\d \s \w`) and POSIX (`[:alpha:]`) groups from Go's `perl_groups.go`, and Unicode
 * classes (`\pL`, `\p{Greek}`). Ranges are materialized as Go does; Unicode classes stay
 * symbolic and are tested through the JavaScript engine's tables (which may know a newer
 * Unicode version than the Go that built Docker: nothing a file name is likely to notice).
 */
import { hasUnicodeClass } from './unicode-classes';

export const MAX_RUNE = 0x10ffff;

export interface CharSet {
  /** Sorted, merged, inclusive code point ranges: `[lo0, hi0, lo1, hi1, ...]`. */
  readonly ranges: readonly number[];
  /** Unicode classes added to the ranges (keys from unicode-classes.ts); `negated` for `\PL`. */
  readonly classes: readonly { readonly key: string; readonly negated: boolean }[];
  /** The set is the complement of ranges ∪ categories (`[^...]`, `.`). */
  readonly negated: boolean;
}

export const PERL_GROUPS: Readonly<Record<string, readonly number[]>> = {
  d: [0x30, 0x39],
  s: [0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x20],
  w: [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a],
};

export const POSIX_GROUPS: Readonly<Record<string, readonly number[]>> = {
  alnum: [0x30, 0x39, 0x41, 0x5a, 0x61, 0x7a],
  alpha: [0x41, 0x5a, 0x61, 0x7a],
  ascii: [0x00, 0x7f],
  blank: [0x09, 0x09, 0x20, 0x20],
  cntrl: [0x00, 0x1f, 0x7f, 0x7f],
  digit: [0x30, 0x39],
  graph: [0x21, 0x7e],
  lower: [0x61, 0x7a],
  print: [0x20, 0x7e],
  punct: [0x21, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x7e],
  space: [0x09, 0x0d, 0x20, 0x20],
  upper: [0x41, 0x5a],
  word: [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a],
  xdigit: [0x30, 0x39, 0x41, 0x46, 0x61, 0x66],
};

/** Go's `syntax.IsWordChar`, the ASCII notion of "word" behind `\b` and `\B`. */
export function isWordChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f
  );
}

/** Accumulates the items of one class, then sorts and merges them (Go's `cleanClass`). */
export class CharSetBuilder {
  private readonly pairs: number[] = [];
  private readonly classes: { key: string; negated: boolean }[] = [];

  addRange(lo: number, hi: number): void {
    this.pairs.push(lo, hi);
  }

  addGroup(ranges: readonly number[], negated: boolean): void {
    const add = negated ? complement(ranges) : ranges;
    for (let i = 0; i + 1 < add.length; i += 2) this.pairs.push(add[i] ?? 0, add[i + 1] ?? 0);
  }

  addUnicodeClass(key: string, negated: boolean): void {
    this.classes.push({ key, negated });
  }

  build(negated: boolean): CharSet {
    return { ranges: normalize(this.pairs), classes: this.classes, negated };
  }
}

export function singleton(code: number): CharSet {
  return { ranges: [code, code], classes: [], negated: false };
}

/** `.` without the `s` flag: anything but `\n`. */
export const ANY_BUT_NEWLINE: CharSet = { ranges: [0x0a, 0x0a], classes: [], negated: true };

export function charSetHas(set: CharSet, code: number): boolean {
  let found = false;
  const r = set.ranges;
  for (let i = 0; i + 1 < r.length; i += 2) {
    const lo = r[i] ?? 0;
    if (code < lo) break;
    if (code <= (r[i + 1] ?? 0)) {
      found = true;
      break;
    }
  }
  if (!found) {
    for (const unicodeClass of set.classes) {
      if (hasUnicodeClass(unicodeClass.key, code) !== unicodeClass.negated) {
        found = true;
        break;
      }
    }
  }
  return found !== set.negated;
}

/** A stable text key, so equal sets share one slot in the matcher's alphabet. */
export function charSetKey(set: CharSet): string {
  const cats = set.classes.map((c) => (c.negated ? '\\P' : '\\p') + c.key).join('');
  return (set.negated ? '^' : '') + set.ranges.join(',') + (cats === '' ? '' : ';' + cats);
}

function normalize(pairs: readonly number[]): number[] {
  const items: [number, number][] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) items.push([pairs[i] ?? 0, pairs[i + 1] ?? 0]);
  items.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: number[] = [];
  for (const [lo, hi] of items) {
    const last = out.length - 1;
    if (last > 0 && lo <= (out[last] ?? 0) + 1) {
      if (hi > (out[last] ?? 0)) out[last] = hi;
    } else out.push(lo, hi);
  }
  return out;
}

function complement(ranges: readonly number[]): number[] {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    const lo = ranges[i] ?? 0;
    if (next <= lo - 1) out.push(next, lo - 1);
    next = (ranges[i + 1] ?? 0) + 1;
  }
  if (next <= MAX_RUNE) out.push(next, MAX_RUNE);
  return out;
}
