/**
 * The in-process concurrency rules every store shares:
 * - writers run one at a time, in call order (`serializeWrite`);
 * - a commit is exclusive: it waits for running read transactions and holds new ones back, so a
 *   read transaction never sees half a commit even where the backend (a directory) cannot isolate.
 * Requests are granted first come, first served, so a stream of reads cannot starve a commit.
 * Across tabs or processes this is not enough: see README.md ("Several tabs, several processes").
 */
type Mode = 'shared' | 'exclusive';

export class StoreLock {
  private writeTail: Promise<unknown> = Promise.resolve();
  private readonly queue: { mode: Mode; grant: () => void }[] = [];
  private sharedHolders = 0;
  private exclusiveHeld = false;

  /** Runs `fn` after every earlier write has finished, whether it succeeded or not. */
  serializeWrite<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.writeTail.then(fn, fn);
    this.writeTail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  shared<T>(fn: () => Promise<T>): Promise<T> {
    return this.hold('shared', fn);
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.hold('exclusive', fn);
  }

  private async hold<T>(mode: Mode, fn: () => Promise<T>): Promise<T> {
    await new Promise<void>((grant) => {
      this.queue.push({ mode, grant });
      this.pump();
    });
    try {
      return await fn();
    } finally {
      if (mode === 'shared') this.sharedHolders--;
      else this.exclusiveHeld = false;
      this.pump();
    }
  }

  private pump(): void {
    for (;;) {
      const next = this.queue[0];
      if (next == null || this.exclusiveHeld) return;
      if (next.mode === 'exclusive' && this.sharedHolders > 0) return;
      this.queue.shift();
      if (next.mode === 'shared') this.sharedHolders++;
      else this.exclusiveHeld = true;
      next.grant();
    }
  }
}
