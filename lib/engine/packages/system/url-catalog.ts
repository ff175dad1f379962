import { z } from 'zod';
import type { CommandContext } from '@/lib/shell';
import urlsJson from '../../../../content/catalog/urls/urls.json';
import { readSynthetic } from '../../fs';
import { lazyCatalog, parseCatalog } from '../shared/catalog-loader';
import { writeSyntheticFile } from '../shared/write-files';

/**
 * content/catalog/urls/urls.json: the small internet curl and wget can reach. `hosts` resolve
 * (a URL on one of them that is not listed is a 404), anything else fails to resolve, as in a
 * network without DNS for it. A body is real `text` or synthetic bytes of `size`; `redirect`
 * answers 302 (curl follows it only with -L, wget always).
 */
const entrySchema = z.union([
  z.strictObject({ redirect: z.url() }),
  z.strictObject({ text: z.string(), contentType: z.string(), source: z.string() }),
  z.strictObject({ size: z.number().int().nonnegative(), contentType: z.string(), source: z.string() }),
]);

export const urlCatalogSchema = z.strictObject({
  source: z.string(),
  hosts: z.array(z.string().regex(/^[a-z0-9.-]+$/, 'expected a host name')),
  urls: z.record(z.url(), entrySchema),
});

export type UrlCatalog = z.output<typeof urlCatalogSchema>;
export const URL_CATALOG_FILE = 'content/catalog/urls/urls.json';

export function parseUrlCatalog(json: unknown, file = URL_CATALOG_FILE): UrlCatalog {
  return parseCatalog(urlCatalogSchema, json, file);
}

export const bundledUrlCatalog = lazyCatalog(() => parseUrlCatalog(urlsJson));

export type FetchResult =
  | { kind: 'unresolved'; host: string }
  | { kind: 'bad-url'; url: string }
  | { kind: 'response'; status: number; url: string; location?: string; size: number; contentType: string; text?: string; seed: string };

/** Canonical form for lookups: `https://example.com` and `https://example.com/` are one URL. */
function canonical(url: URL): string {
  return url.href;
}

/** One HTTP exchange, without following redirects. */
export function fetchOnce(catalog: UrlCatalog, raw: string): FetchResult {
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    return { kind: 'bad-url', url: raw };
  }
  if (!catalog.hosts.includes(url.hostname)) return { kind: 'unresolved', host: url.hostname };
  const key = canonical(url);
  const entry = catalog.urls[key] ?? Object.entries(catalog.urls).find(([k]) => canonical(new URL(k)) === key)?.[1];
  if (entry === undefined) {
    const text = '<html><body><h1>404 Not Found</h1></body></html>\n';
    return { kind: 'response', status: 404, url: key, size: text.length, contentType: 'text/html', text, seed: '' };
  }
  if ('redirect' in entry) return { kind: 'response', status: 302, url: key, location: entry.redirect, size: 0, contentType: 'text/html', text: '', seed: '' };
  if ('text' in entry) return { kind: 'response', status: 200, url: key, size: new TextEncoder().encode(entry.text).length, contentType: entry.contentType, text: entry.text, seed: '' };
  return { kind: 'response', status: 200, url: key, size: entry.size, contentType: entry.contentType, seed: `url:${key}` };
}

/** Follows up to `max` redirects (curl -L's default is 50; wget's 20). */
export function fetchFollowing(catalog: UrlCatalog, raw: string, max = 20): FetchResult {
  let result = fetchOnce(catalog, raw);
  for (let hop = 0; hop < max && result.kind === 'response' && result.location !== undefined; hop++) result = fetchOnce(catalog, result.location);
  return result;
}

/** The body as bytes, for stdout (`curl URL | sh`); synthetic bodies are capped at `limit`. */
export function bodyBytes(result: Extract<FetchResult, { kind: 'response' }>, limit = 1 << 20): Uint8Array {
  if (result.text !== undefined) return new TextEncoder().encode(result.text);
  return readSynthetic(result.seed, Math.min(result.size, limit));
}

/** The file name -O / wget use: the URL path's last segment, `index.html` for a directory. */
export function remoteName(url: string): string {
  try {
    const path = new URL(/^[a-z]+:\/\//i.test(url) ? url : `http://${url}`).pathname;
    const last = path.slice(path.lastIndexOf('/') + 1);
    return last === '' ? 'index.html' : decodeURIComponent(last);
  } catch {
    return 'index.html';
  }
}

/** 2636033 → "2.5M" in curl's and wget's short units. */
export function shortSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ['k', 'M', 'G'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)}${units[unit]}`;
}

/**
 * Saving a downloaded body: real text is written as bytes, a synthetic body keeps its recipe
 * (seed `url:<url>`), so `curl -o go.tgz` of a 64 MB tarball adds 64 MB to the layer for free.
 * Returns false (after nothing was written) when the target's directory does not exist.
 */
export async function saveBody(ctx: CommandContext, path: string, result: Extract<FetchResult, { kind: 'response' }>): Promise<boolean> {
  const parent = path.slice(0, path.lastIndexOf('/')) || '/';
  try {
    if ((await ctx.fs.stat(parent)).type !== 'dir') return false;
  } catch {
    return false;
  }
  if (result.text !== undefined) await ctx.fs.writeFile(path, result.text);
  else await writeSyntheticFile(ctx.fs, path, result.size, result.seed, 0o644);
  return true;
}

/** Same fixed clock as the layers' mtime, so logs are identical on every build. */
export const FIXED_DATE = '2024-01-11 18:20:00';
