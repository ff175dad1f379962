/**
 * Name order for directory children and change sets: Unicode code-point order, which equals the
 * byte order of UTF-8 that Go's sort.Strings and filepath.Walk use (so our tar entry order matches
 * what containerd's/BuildKit's walkers produce). JS `<` compares UTF-16 code units, which differs
 * only when an astral character meets a BMP character at or above U+E000.
 */
export function compareNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (0xD800–0xDFFF) encodes a code point above 0xFFFF: it sorts after every BMP unit.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Index of `name` in sorted `names`, or `-(insertion point) - 1` when absent. */
export function searchSorted<T>(items: readonly T[], name: string, nameOf: (item: T) => string): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareNames(nameOf(items[mid] as T), name);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -lo - 1;
}
