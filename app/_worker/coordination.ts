import { CHANGE_CHANNEL, type EngineChange } from '@/app/_lib/engine/api';

/**
 * What keeps several tabs consistent (issue 6 item 1). Each tab has its own engine worker over
 * the same IndexedDB databases. A store commit is one IndexedDB transaction already; what must not
 * interleave is a whole operation that reads, thinks and writes — a build, a pull, `docker rmi`,
 * a reset — so those run under one Web Lock shared by every tab (`layerlab-store`). After a change
 * the worker posts an `EngineChange` on the `layerlab` BroadcastChannel; the other tabs' workers
 * drop their caches and tell their pages, which fetch again.
 */
export const STORE_LOCK = 'layerlab-store';

/** The part of `navigator.locks` the engine uses. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export type Serialize = <T>(fn: () => Promise<T>) => Promise<T>;

/** Runs whole operations one at a time across tabs (Web Locks), or within this realm without them. */
export function createOperationLock(locks: LockManagerLike | undefined, name = STORE_LOCK): Serialize {
  if (locks !== undefined) return (fn) => locks.request(name, () => fn());
  return (fn) => localLock(name, fn);
}

/** Without Web Locks (Node tests): one queue per name, shared by every engine in this realm. */
const queues = new Map<string, Promise<unknown>>();

function localLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const tail = queues.get(name) ?? Promise.resolve();
  const run = tail.then(fn, fn);
  queues.set(
    name,
    run.then(
      () => undefined,
      () => undefined,
    ),
  );
  return run;
}

/** The part of BroadcastChannel the engine uses. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export interface ChangeBus {
  /** Tells the other tabs (not this one: a channel does not hear its own messages). */
  post(change: EngineChange): void;
  /**
   * Asks the other tabs' workers to let go of every database now: "erase all my data" is about
   * to delete them, and a deletion waits until no connection is left open.
   */
  postErasing(): void;
  close(): void;
}

/** The engines' own message before an erase (pages ignore it: it is not an EngineChange). */
const ERASING = { kind: 'layerlab-erasing' } as const;

export function createChangeBus(open: ((name: string) => ChannelLike) | undefined, onRemote: (change: EngineChange) => void, onErasing: () => void): ChangeBus {
  const channel = open?.(CHANGE_CHANNEL);
  channel?.addEventListener('message', (event) => {
    if (isEngineChange(event.data)) onRemote(event.data);
    else if ((event.data as { kind?: unknown } | null)?.kind === ERASING.kind) onErasing();
  });
  return {
    post: (change) => channel?.postMessage(change),
    postErasing: () => channel?.postMessage(ERASING),
    close: () => channel?.close(),
  };
}

export function isEngineChange(value: unknown): value is EngineChange {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return kind === 'images' || kind === 'workspace' || kind === 'erased';
}
