/**
 * HTML to plain text for GIFT's `[html]` (and tag-bearing Moodle-format) texts. The result is only
 * ever used as text: it is escaped before it reaches Markdown, so this has to be readable, not a
 * sanitizer. Scripts, styles and comments go with their content; block elements end lines; list
 * items become `- ` lines; every other tag is dropped; entities are decoded (numeric ones all,
 * named ones for Latin-1 and common punctuation; an unknown name stays as written).
 *
 * Written here rather than taken from html-to-text: that package (with htmlparser2 and the full
 * entity tables) adds about 75 KB gzipped to every page that imports lib/content.
 */

const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times ' +
  'Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml ' +
  'eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

const NAMED = new Map<string, string>([
  ...LATIN1.split(' ').map((name, i) => [name, String.fromCharCode(160 + i)] as const),
  ...(
    [
      ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"],
      ['ndash', '\u2013'], ['mdash', '\u2014'], ['lsquo', '\u2018'], ['rsquo', '\u2019'], ['sbquo', '\u201a'],
      ['ldquo', '\u201c'], ['rdquo', '\u201d'], ['bdquo', '\u201e'], ['hellip', '\u2026'], ['bull', '\u2022'],
      ['euro', '\u20ac'], ['trade', '\u2122'], ['larr', '\u2190'], ['rarr', '\u2192'], ['uarr', '\u2191'],
      ['darr', '\u2193'], ['harr', '\u2194'], ['le', '\u2264'], ['ge', '\u2265'], ['ne', '\u2260'],
      ['minus', '\u2212'], ['ensp', '\u2002'], ['emsp', '\u2003'], ['thinsp', '\u2009'], ['zwnj', '\u200c'],
      ['zwj', '\u200d'], ['lrm', '\u200e'], ['rlm', '\u200f'], ['dagger', '\u2020'], ['Dagger', '\u2021'],
      ['permil', '\u2030'], ['prime', '\u2032'], ['Prime', '\u2033'], ['OElig', '\u0152'], ['oelig', '\u0153'],
      ['Scaron', '\u0160'], ['scaron', '\u0161'], ['Yuml', '\u0178'], ['circ', '\u02c6'], ['tilde', '\u02dc'],
    ] as const
  ).map(([name, ch]) => [name, ch] as const),
]);

/** One tag; attribute values may hold `>`. */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g;
const DROPPED = /<(script|style|template|head|title|iframe|object|noscript|svg|math|textarea|select)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote', 'table', 'ul', 'ol', 'dl', 'figure', 'hr']);
const LINE = new Set(['div', 'tr', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'main', 'dt', 'dd', 'caption', 'figcaption', 'address']);

export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED.get(body) ?? whole;
  });
}

export function htmlToPlain(html: string): string {
  let text = html.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  let before: string;
  do {
    before = text;
    text = text.replace(DROPPED, '');
  } while (text !== before);
  text = text
    .replace(/\s+/g, ' ')
    .replace(TAG, (_whole, close: string, name: string) => {
      const tag = name.toLowerCase();
      if (tag === 'br') return '\n';
      if (tag === 'li' && close === '') return '\n- ';
      if (tag === 'td' || tag === 'th') return close === '' ? ' ' : '';
      if (PARAGRAPH.has(tag)) return '\n\n';
      if (LINE.has(tag)) return '\n';
      return '';
    })
    .replace(/<[!?/][^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
