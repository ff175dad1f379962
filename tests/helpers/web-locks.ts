/**
 * A small in-process Web Locks API (`navigator.locks`) for Node tests: exclusive locks by name,
 * granted in request order, with `ifAvailable`, `steal` and `signal`. Enough for lightning-fs
 * (which then takes its browser path, Mutex2, instead of an IndexedDB mutex) and for the engine's
 * operation lock, so two engines in one test process behave like two tabs of one browser.
 */
type Callback = (lock: { name: string } | null) => unknown;
interface Options {
  ifAvailable?: boolean;
  steal?: boolean;
  signal?: AbortSignal;
}

export function createWebLocks() {
  const held = new Map<string, object>();
  const waiting = new Map<string, (() => void)[]>();

  const grant = (name: string): void => {
    if (held.has(name)) return;
    const next = waiting.get(name)?.shift();
    next?.();
  };

  async function run<T>(name: string, callback: Callback): Promise<T> {
    const token = {};
    held.set(name, token);
    try {
      return (await callback({ name })) as T;
    } finally {
      // A stolen lock belongs to the thief now: only the holder's own release frees the name.
      if (held.get(name) === token) held.delete(name);
      grant(name);
    }
  }

  return {
    request<T>(name: string, optionsOrCallback: Options | Callback, maybeCallback?: Callback): Promise<T> {
      const options: Options = typeof optionsOrCallback === 'function' ? {} : optionsOrCallback;
      const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback) as Callback;
      if (options.steal) {
        held.delete(name);
        return run(name, callback);
      }
      if (!held.has(name) && (waiting.get(name)?.length ?? 0) === 0) return run(name, callback);
      if (options.ifAvailable) return Promise.resolve(callback(null) as T);
      return new Promise<T>((resolve, reject) => {
        const queue = waiting.get(name) ?? [];
        waiting.set(name, queue);
        const start = () => run<T>(name, callback).then(resolve, reject);
        queue.push(start);
        options.signal?.addEventListener('abort', () => {
          const i = queue.indexOf(start);
          if (i >= 0) {
            queue.splice(i, 1);
            reject(options.signal?.reason ?? new DOMException('aborted', 'AbortError'));
          }
        });
      });
    },
  };
}
