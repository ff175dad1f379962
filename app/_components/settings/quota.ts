// Recognizing a storage-quota failure, whichever way it reached the page: a DOMException named
// QuotaExceededError (structured-cloned from the worker), the engine's Docker-worded
// `no space left on device: … is full (used … of …)`, an engine call error with code `quota`, or a
// failed build whose error says so.

const QUOTA_TEXT = /no space left on device|QuotaExceededError|exceeded the quota|quota (?:has been )?exceeded/i;

/** The engine's words for the failure when it is a quota error, else null. */
export function quotaErrorText(error: unknown): string | null {
  for (let e = error, depth = 0; e != null && depth < 5; depth++) {
    if (typeof e === 'string') return QUOTA_TEXT.test(e) ? e : null;
    if (typeof e !== 'object') return null;
    const { name, message, code } = e as { name?: unknown; message?: unknown; code?: unknown };
    const text = typeof message === 'string' ? message : '';
    // `code: 'quota'`: the engine's EngineCallError for a write the browser refused.
    if (name === 'QuotaExceededError' || code === 'quota' || QUOTA_TEXT.test(text)) return text || 'The storage quota was exceeded.';
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}
