/**
 * Quota errors in Docker's words. Docker says `no space left on device` when the disk under
 * /var/lib/docker fills; the browser's equivalent is the per-site storage quota, so the message
 * names that and, when the browser tells us, how much is used of how much.
 */
import { humanSize } from '@/lib/util';

export interface StorageEstimate {
  usage?: number;
  quota?: number;
}

/** `navigator.storage.estimate`, injected so tests and Node can do without it. */
export type EstimateStorage = () => Promise<StorageEstimate>;

/** `no space left on device: <what> is full (used 48.2MB of 50MB)`. */
export function formatQuotaMessage(what: string, estimate?: StorageEstimate): string {
  const usage = estimate?.usage;
  const quota = estimate?.quota;
  const figures = usage !== undefined && quota !== undefined ? ` (used ${formatBytes(usage)} of ${formatBytes(quota)})` : '';
  return `no space left on device: ${what} is full${figures}`;
}

/** Sizes as the docker CLI prints them (go-units HumanSize, three significant digits). */
export const formatBytes = humanSize;

/** Whether an error (or the error it wraps) is a storage quota failure: DOMException or ENOSPC. */
export function isQuotaError(error: unknown): boolean {
  for (let e = error, depth = 0; e != null && depth < 5; depth++) {
    if (typeof e !== 'object') return false;
    const { name, code } = e as { name?: unknown; code?: unknown };
    if (name === 'QuotaExceededError' || code === 'ENOSPC' || code === 'EDQUOT') return true;
    // IndexedDB reports an aborted transaction's reason on `.error`; Error chains use `.cause`.
    e = (e as { error?: unknown; cause?: unknown }).error ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Reads the estimate without letting a failing or missing API hide the quota error itself. */
export async function safeEstimate(estimate: EstimateStorage | undefined): Promise<StorageEstimate | undefined> {
  if (estimate == null) return undefined;
  try {
    return await estimate();
  } catch {
    return undefined;
  }
}
