/**
 * Keeps a lightning-fs instance usable after its directory tree (the "superblock") could not be
 * saved, e.g. on a full quota. lightning-fs saves the tree when it goes idle (500 ms) and then
 * lets go of its database; if that save rejects, its deactivation promise stays rejected and
 * every later call awaits it and rethrows: the workspace could not be read again until a reload
 * (issue 6's quota bug). Its debounced save after each change also rejects uncaught.
 *
 * Here a failed idle save keeps the tree in memory (and the database's Web Lock), so the files
 * stay readable and the next idle save writes the tree once there is room; closing (reset, erase)
 * lets go whatever happens. This replaces DefaultBackend's `deactivate` (v4: save if we hold the
 * lock, drop the cache, release the lock, close the database) and its debounced save.
 */
interface Backend {
  _cache: { activated: boolean; deactivate(): void };
  _mutex: { has(): Promise<boolean>; release(options?: { force?: boolean }): Promise<unknown> };
  _idb: { close(): Promise<void> };
  _saveSuperblock(): Promise<void>;
  flush(): Promise<void>;
  deactivate(): Promise<void>;
  saveSuperblock(): void;
}

const SAVE_DELAY_MS = 500;

export interface LightningFsGuard {
  /** From now on a failed save no longer keeps the instance open (it is being closed). */
  closing(): void;
}

export function guardLightningFs(promises: object): LightningFsGuard {
  let closing = false;
  const internals = promises as { _initPromise?: Promise<void>; _backend?: Backend };
  // The backend is made by the async init; every operation awaits the same promise after this.
  void internals._initPromise?.then(() => {
    const backend = internals._backend;
    if (backend === undefined || typeof backend._saveSuperblock !== 'function' || backend._cache === undefined) return;
    backend.deactivate = async () => {
      if (backend._cache.activated && (await backend._mutex.has())) {
        try {
          await backend._saveSuperblock();
        } catch {
          if (!closing) return;
        }
      }
      backend._cache.deactivate();
      await backend._mutex.release().catch(() => undefined);
      await backend._idb.close();
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    backend.saveSuperblock = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void backend.flush().catch(() => undefined), SAVE_DELAY_MS);
    };
  });
  return {
    closing() {
      closing = true;
    },
  };
}
