import type { EnvLookup } from './env-lookup';

/**
 * A mutable environment that hands out read-only snapshots cheaply. Every instruction of a
 * stage expands against a snapshot of the environment before it, and most instructions change
 * nothing, so instead of copying the map per instruction the current map is shared with the
 * snapshot and copied only on the first write after a snapshot was taken (copy-on-write).
 */
export class EnvSnapshots implements EnvLookup {
  private map: Map<string, string>;
  /** The view handed out since the last write, which then must not see later writes. */
  private view: EnvView | null = null;

  constructor(entries?: Iterable<readonly [string, string]>) {
    this.map = new Map(entries);
  }

  get(name: string): string | undefined {
    return this.map.get(name);
  }

  set(name: string, value: string): void {
    if (this.view !== null) {
      this.map = new Map(this.map);
      this.view = null;
    }
    this.map.set(name, value);
  }

  /** The environment as it is now; later writes do not change it. */
  snapshot(): EnvLookup {
    this.view ??= new EnvView(this.map);
    return this.view;
  }

  /** The current entries, in insertion order. */
  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

/** Read-only by construction (only `get`): callers cannot write through a snapshot. */
class EnvView implements EnvLookup {
  constructor(private readonly map: ReadonlyMap<string, string>) {}

  get(name: string): string | undefined {
    return this.map.get(name);
  }
}
