// Change notifications for progress: listeners in this tab are called directly, other tabs hear
// about it on the BroadcastChannel `layerlab-progress`, and the example progress that the
// playground still writes to localStorage arrives as a `storage` event. Listeners only learn that
// something changed; they read what they need again.
import { PROGRESS_KEY } from './examples';

export const PROGRESS_CHANNEL = 'layerlab-progress';

const listeners = new Set<() => void>();
let channel: BroadcastChannel | null | undefined;

function openChannel(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  try {
    channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(PROGRESS_CHANNEL);
  } catch {
    channel = null;
  }
  channel?.addEventListener('message', () => callAll());
  return channel;
}

function callAll(): void {
  for (const listener of [...listeners]) {
    try {
      listener();
    } catch (error) {
      console.error(error);
    }
  }
}

/** Tells this tab's listeners and the other tabs that progress changed. */
export function notifyProgressChanged(): void {
  // Without listeners here, post on a short-lived channel so nothing stays open.
  let sender = listeners.size > 0 ? openChannel() : null;
  const temporary = sender === null;
  try {
    if (temporary && typeof BroadcastChannel !== 'undefined') sender = new BroadcastChannel(PROGRESS_CHANNEL);
    sender?.postMessage({ kind: 'changed' });
  } catch {
    // No channel (old browser, worker teardown): other tabs catch up on their next read.
  } finally {
    if (temporary) sender?.close();
  }
  callAll();
}

function onStorage(event: StorageEvent): void {
  if (event.key === null || event.key === PROGRESS_KEY) callAll();
}

/** Calls `listener` whenever progress changes here or in another tab; returns the unsubscribe. */
export function subscribeProgress(listener: () => void): () => void {
  openChannel();
  if (listeners.size === 0 && typeof window !== 'undefined') window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
      // Close the channel so a page without listeners (and Node tests) holds nothing open.
      channel?.close();
      channel = undefined;
    }
  };
}
