/**
 * dive's bookkeeping (wagoodman/dive `filetree/efficiency.go`): for every leaf path seen in any
 * layer, the sum of its sizes over the layers that hold it (`cumulative`) and the smallest of them
 * (`min`). The efficiency score is Σmin / Σcumulative; a path seen in two or more layers is an
 * "inefficiency" and its cumulative size counts as wasted. A deletion is an occurrence of size 0,
 * so a file added and later deleted is wasted whole.
 *
 * One ledger keeps two views that differ only in how deletions are counted (see efficiency.ts):
 * `main` and `dive`. An occurrence belongs to both, or to one of them. Records are flat numbers
 * with the first occurrence inline: an image of 100k files makes 100k small records, not 300k
 * objects.
 */

export interface Occurrence {
  layer: number;
  size: number;
  deleted: boolean;
}

export const BOTH = 0;
export const MAIN_ONLY = 1;
export const DIVE_ONLY = 2;
export type View = typeof BOTH | typeof MAIN_ONLY | typeof DIVE_ONLY;

interface PathRecord {
  mainCumulative: number;
  mainMin: number;
  mainCount: number;
  diveCumulative: number;
  diveMin: number;
  diveCount: number;
  /** The first occurrence, inline; later ones in `more`. */
  layer: number;
  size: number;
  deleted: boolean;
  view: View;
  more: (Occurrence & { view: View })[] | null;
}

export interface LedgerFigures {
  score: number;
  wastedBytes: number;
  /** Paths seen at least twice. */
  repeated: number;
}

export class PathLedger {
  private readonly records = new Map<string, PathRecord>();

  add(path: string, layer: number, size: number, deleted: boolean, view: View = BOTH): void {
    const record = this.records.get(path);
    if (record === undefined) {
      const main = view !== DIVE_ONLY;
      const dive = view !== MAIN_ONLY;
      this.records.set(path, {
        mainCumulative: main ? size : 0,
        mainMin: main ? size : -1,
        mainCount: main ? 1 : 0,
        diveCumulative: dive ? size : 0,
        diveMin: dive ? size : -1,
        diveCount: dive ? 1 : 0,
        layer,
        size,
        deleted,
        view,
        more: null,
      });
      return;
    }
    if (view !== DIVE_ONLY) {
      record.mainCumulative += size;
      if (record.mainMin < 0 || size < record.mainMin) record.mainMin = size;
      record.mainCount += 1;
    }
    if (view !== MAIN_ONLY) {
      record.diveCumulative += size;
      if (record.diveMin < 0 || size < record.diveMin) record.diveMin = size;
      record.diveCount += 1;
    }
    (record.more ??= []).push({ layer, size, deleted, view });
  }

  figures(view: 'main' | 'dive'): LedgerFigures {
    let min = 0;
    let cumulative = 0;
    let wastedBytes = 0;
    let repeated = 0;
    for (const r of this.records.values()) {
      const count = view === 'main' ? r.mainCount : r.diveCount;
      if (count === 0) continue;
      const cum = view === 'main' ? r.mainCumulative : r.diveCumulative;
      min += view === 'main' ? r.mainMin : r.diveMin;
      cumulative += cum;
      if (count > 1) {
        repeated += 1;
        wastedBytes += cum;
      }
    }
    return { score: cumulative === 0 ? 1 : min / cumulative, wastedBytes, repeated };
  }

  /** The main view's paths held more than once, with their occurrences in layer order. */
  *repeatedPaths(): Generator<{ path: string; cumulative: number; occurrences: Occurrence[] }> {
    for (const [path, r] of this.records) {
      if (r.mainCount < 2) continue;
      const all = [{ layer: r.layer, size: r.size, deleted: r.deleted, view: r.view }, ...(r.more ?? [])];
      yield { path, cumulative: r.mainCumulative, occurrences: all.filter((o) => o.view !== DIVE_ONLY).map(({ layer, size, deleted }) => ({ layer, size, deleted })) };
    }
  }
}
