import type { Store } from '@/lib/engine';
import type { ShellFs } from '@/lib/shell';

/**
 * Wrappers that notice writes, so the engine knows after a terminal line or a build whether the
 * images or the workspace changed (and only then tells the views to fetch again), and why a
 * write failed (a full quota). Make one per store and keep it: the engine keeps its diffID memo
 * per store object, so a new wrapper per build would hash every layer again.
 */
export function trackStore(store: Store, onWrite: () => void, onFailure: (error: unknown) => void = () => undefined): Store {
  return {
    read: (fn) => store.read(fn),
    async write(fn) {
      let result;
      try {
        result = await store.write(fn);
      } catch (error) {
        onFailure(error);
        throw error;
      }
      onWrite();
      return result;
    },
    get: (kind, key) => store.get(kind, key),
    list: (kind, options) => store.list(kind, options),
    close: () => store.close(),
  };
}

const MUTATORS = ['writeFile', 'mkdir', 'rm', 'rename', 'symlink', 'chmod', 'chown', 'utimes', 'copyFile'] as const;

export function trackFs<T extends ShellFs>(fs: T, onWrite: () => void): T {
  // The file systems here are plain objects of closures: a copy with some methods replaced will do.
  const wrapped = { ...fs };
  for (const name of MUTATORS) {
    const method = fs[name] as ((...args: unknown[]) => Promise<void>) | undefined;
    if (method === undefined) continue;
    (wrapped as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      try {
        return await method.apply(fs, args);
      } finally {
        onWrite();
      }
    };
  }
  return wrapped;
}
