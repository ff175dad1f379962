/**
 * URL policy for Markdown from content packs, which are untrusted. Raw HTML is escaped by the
 * renderers in markdown.ts, so the only attributes that reach the page are the ones they write;
 * this module decides which link and image targets may be written at all. Allowlist, not
 * blocklist: a link may be http(s), mailto, relative or a fragment; an image only relative, or
 * http(s) when the caller allows remote images. Everything else (javascript:, vbscript:, data:,
 * file:, …) is dropped, whatever its case, entities or embedded whitespace.
 */

const NAMED_ENTITIES: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
  lpar: '(',
  rpar: ')',
  period: '.',
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
};

/** Decode character references the way a browser would in an attribute (`;` optional). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * What a URL parser sees: character references decoded (repeatedly, for `&amp;#106;`), percent
 * escapes in the scheme decoded, C0 controls and spaces trimmed, tabs and newlines removed
 * (WHATWG URL strips them anywhere).
 */
function normalizeForScheme(url: string): string {
  let text = url;
  for (let i = 0; i < 3; i++) {
    const next = decodeEntities(text);
    if (next === text) break;
    text = next;
  }
  let cleaned = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code <= 0x20 || code === 0x7f || code === 0xa0 || (code >= 0x200b && code <= 0x200d) || code === 0xfeff) continue;
    cleaned += ch;
  }
  try {
    cleaned = decodeURIComponent(cleaned);
  } catch {
    // A malformed escape cannot form a scheme; keep the text as it is.
  }
  return cleaned.toLowerCase();
}

/** The scheme of a URL as a browser would read it, or '' for a relative URL. */
export function urlScheme(url: string): string {
  const normalized = normalizeForScheme(url);
  const match = /^([a-z][a-z0-9+.-]*):/.exec(normalized);
  if (match != null) return match[1] as string;
  // Anything before the first "/", "?" or "#" that holds a colon is not a safe relative path.
  const head = normalized.split(/[/?#]/)[0] ?? '';
  return head.includes(':') ? 'unknown' : '';
}

const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);
const REMOTE_IMAGE_SCHEMES = new Set(['http', 'https']);

/** The href to write for a Markdown link, or undefined to drop the link (its text stays). */
export function safeLinkHref(href: string): string | undefined {
  const scheme = urlScheme(href);
  if (scheme === '') return href;
  return LINK_SCHEMES.has(scheme) ? href : undefined;
}

function isProtocolRelative(url: string): boolean {
  return /^[\s\\/]*[\\/][\\/]/.test(normalizeForScheme(url)) || /^\s*[\\/]{2}/.test(url);
}

/** The src to write for a Markdown image, or undefined to drop the image (its alt text stays). */
export function safeImageSrc(src: string, allowRemote: boolean): string | undefined {
  const scheme = urlScheme(src);
  if (scheme === '') {
    // `//host/x.png` and `\\host\x.png` are remote even without a scheme.
    if (isProtocolRelative(src)) return allowRemote ? src : undefined;
    return src;
  }
  return allowRemote && REMOTE_IMAGE_SCHEMES.has(scheme) ? src : undefined;
}
