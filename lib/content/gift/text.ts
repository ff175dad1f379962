import { htmlToPlain } from './html';

/**
 * GIFT's text layer (Moodle `qformat_gift`): backslash escapes, the `[format]` prefix, and turning
 * a text in one of Moodle's formats into what an exercise field holds. Prompts and explanations
 * are Markdown; option texts, answers and feedback are kept as written. HTML never passes through:
 * `[html]` text (and Moodle-format text that carries tags) is reduced to plain text first.
 */

/** The text formats a GIFT text may name in a leading `[name]`. `moodle` is the default. */
export type GiftFormat = 'moodle' | 'html' | 'plain' | 'markdown';

const FORMATS: readonly GiftFormat[] = ['moodle', 'html', 'plain', 'markdown'];

/**
 * Escaped characters become private-use placeholders while a question is taken apart, so an
 * escaped `~` or `}` is never read as syntax (Moodle's `escapedchar_pre`). `\n` is a newline that
 * does not end the question.
 */
const ESCAPABLE: Readonly<Record<string, string>> = {
  ':': '\uE000',
  '#': '\uE001',
  '=': '\uE002',
  '{': '\uE003',
  '}': '\uE004',
  '~': '\uE005',
  n: '\uE006',
};
const RESTORE: Readonly<Record<string, string>> = {
  '\uE000': ':',
  '\uE001': '#',
  '\uE002': '=',
  '\uE003': '{',
  '\uE004': '}',
  '\uE005': '~',
  '\uE006': '\n',
};
export const PLACEHOLDER_RANGE = /[\uE000-\uE006]/g;

/**
 * Left to right: `\\` is one backslash, `\:` `\#` `\=` `\{` `\}` `\~` are the literal characters,
 * `\n` a newline; any other backslash stays as written (so a fill-in answer's `\*` keeps meaning a
 * literal asterisk). The input must hold no placeholders (the caller strips them first).
 */
export function protect(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch !== '\\' || i + 1 >= text.length) {
      out += ch;
      continue;
    }
    const next = text[i + 1] as string;
    if (next === '\\') {
      out += '\\';
      i++;
    } else if (ESCAPABLE[next] !== undefined) {
      out += ESCAPABLE[next];
      i++;
    } else {
      out += ch;
    }
  }
  return out;
}

export function restore(text: string): string {
  return text.replace(PLACEHOLDER_RANGE, (ch) => RESTORE[ch] ?? ch);
}

/** Moodle's `repchar`: escape what GIFT reads as syntax; newlines become `\n`, CRs go. */
export function escapeGift(text: string): string {
  return text.replace(/\r/g, '').replace(/[\\#=~{}:\n]/g, (ch) => (ch === '\n' ? '\\n' : `\\${ch}`));
}

/** A leading `[name]` naming a known format is taken off (Moodle's `parse_text_with_format`). */
export function splitFormat(text: string, fallback: GiftFormat): { format: GiftFormat; text: string } {
  const trimmed = text.replace(/^\s+/, '');
  const match = /^\[([a-z]+)\]/.exec(trimmed);
  const name = match?.[1] as GiftFormat | undefined;
  if (match == null || name === undefined || !FORMATS.includes(name)) return { format: fallback, text };
  return { format: name, text: trimmed.slice(match[0].length) };
}

/** True when a text starts with what `splitFormat` would take as a format prefix. */
export function startsWithFormat(text: string): boolean {
  return splitFormat(text, 'moodle').text !== text;
}

const HTML_TAG = /<\/?[a-zA-Z][^>]*>|<!--/;

/** Plain text that Markdown will show as written: its syntax characters escaped, line breaks kept. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>&~]/g, '\\$&')
    .replace(/^([ \t]*)([#+=|])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2')
    .replace(/([^\n])\n(?=[^\n])/g, '$1  \n');
}

/** A text (placeholders already restored) in `format` as plain text. */
export function asPlain(text: string, format: GiftFormat): string {
  if (format === 'html' || (format === 'moodle' && HTML_TAG.test(text))) return htmlToPlain(text);
  return text.trim();
}

/** A text (placeholders already restored) in `format` as Markdown. */
export function asMarkdown(text: string, format: GiftFormat): string {
  if (format === 'markdown') return text.trim();
  return escapeMarkdown(asPlain(text, format));
}

/** A short name from a prompt: its first line, without Markdown escapes, cut at a word near 60 characters. */
export function titleFrom(prompt: string, fallback: string): string {
  const line = prompt
    .split('\n')
    .map((l) => l.replace(/\\([\\`*_[\]<>&~#+=|.)])/g, '$1').replace(/\s+/g, ' ').trim())
    .find((l) => l !== '');
  if (line === undefined) return fallback;
  if (line.length <= 60) return line;
  const cut = line.slice(0, 60);
  const space = cut.lastIndexOf(' ');
  return `${(space > 20 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
