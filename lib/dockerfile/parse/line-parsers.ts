/**
 * BuildKit's per-instruction argument parsers (line_parsers.go). Each takes the trimmed rest of
 * the line (`rest`, found at logical offset `base`) and returns the node's `Next` chain as words
 * with logical offsets. Errors are thrown as location-less `DockerfileError`s; the parser loop
 * adds the instruction's location.
 */
import { DockerfileError } from '../errors';
import { goQuote } from '@/lib/util';
import { isBlankSeparator, isGoSpace, skipGoSpace, utf8Bytes } from '@/lib/util';
import { parseGoJsonArray } from './go-json';

export interface RawWord {
  value: string;
  start: number;
  end: number;
}

export interface ParsedArgs {
  words: RawWord[];
  /** BuildKit's `Attributes["json"]`. */
  json: boolean;
}

export type LineParser = (rest: string, base: number, escape: string) => ParsedArgs;

const NONE: ParsedArgs = { words: [], json: false };

/** `parseWords`: blank-separated words, quotes and escapes kept in the word. */
export function parseWords(rest: string, base: number, escape: string): RawWord[] {
  const words: RawWord[] = [];
  const esc = escape.charCodeAt(0);
  let inWord = false;
  let quote = 0; // non-zero while inside quotes
  let blankOK = false;
  let wordStart = 0;
  // Text before a dropped trailing escape; the word is `head + rest.slice(from, end)`. Kept in
  // locals rather than a `flush` closure: this runs for every ARG/ENV/LABEL on every keystroke.
  let head = '';
  let from = 0; // start of the pending verbatim slice
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (!inWord) {
      if (isGoSpace(c)) continue;
      inWord = true;
      wordStart = from = i;
    }
    if (quote === 0) {
      if (isGoSpace(c)) {
        const value = head + rest.slice(from, i);
        if (blankOK || value.length > 0) words.push({ value, start: base + wordStart, end: base + i });
        head = '';
        inWord = false;
        blankOK = false;
        continue;
      }
      if (c === 0x27 || c === 0x22) {
        quote = c;
        blankOK = true;
      } else if (c === esc) {
        // An escape keeps itself and the next char; a trailing one is dropped.
        if (i + 1 === rest.length) {
          head += rest.slice(from, i);
          from = i + 1;
        } else i++;
      }
      continue;
    }
    if (c === quote) quote = 0;
    else if (c === esc && quote !== 0x27) {
      if (i + 1 === rest.length) {
        head += rest.slice(from, i);
        from = i + 1;
        quote = 0;
      } else i++;
    }
  }
  if (inWord) {
    const value = head + rest.slice(from);
    if (blankOK || value.length > 0) words.push({ value, start: base + wordStart, end: base + rest.length });
  }
  return words;
}

/** `parseNameVal` for ENV and LABEL: (key, value, separator) triples. */
function parseNameVal(rest: string, base: number, escape: string, keyword: string): ParsedArgs {
  const words = parseWords(rest, base, escape);
  const first = words[0];
  if (first === undefined) return NONE;
  if (!first.value.includes('=')) {
    // Legacy `KEY value`: `reWhitespace.Split(rest, 2)`, the value is the rest verbatim.
    let keyEnd = 0;
    while (keyEnd < rest.length && !isBlankSeparator(rest.charCodeAt(keyEnd))) keyEnd++;
    if (keyEnd === rest.length) throw new DockerfileError('env-args', `${keyword} must have two arguments`);
    let valueStart = keyEnd;
    while (valueStart < rest.length && isBlankSeparator(rest.charCodeAt(valueStart))) valueStart++;
    return {
      json: false,
      words: [
        { value: rest.slice(0, keyEnd), start: base, end: base + keyEnd },
        { value: rest.slice(valueStart), start: base + valueStart, end: base + rest.length },
        // The empty separator gets a zero-width range where the key ends.
        { value: '', start: base + keyEnd, end: base + keyEnd },
      ],
    };
  }
  const out: RawWord[] = [];
  for (const word of words) {
    const eq = word.value.indexOf('=');
    if (eq < 0) {
      throw new DockerfileError(
        'syntax',
        `Syntax error - can't find = in ${goQuote(word.value)}. Must be of the form: name=value`,
      );
    }
    // parseWords keeps every character except a final escape, so indices match the source.
    const at = word.start + eq;
    out.push(
      { value: word.value.slice(0, eq), start: word.start, end: at },
      { value: word.value.slice(eq + 1), start: at + 1, end: word.end },
      { value: '=', start: at, end: at + 1 },
    );
  }
  return { words: out, json: false };
}

/** `parseNameOrNameVal` (ARG): the words as they are. */
const parseNameOrNameVal: LineParser = (rest, base, escape) => ({ words: parseWords(rest, base, escape), json: false });

/** `parseStringsWhitespaceDelimited` (FROM, EXPOSE): split on `[\t\v\f\r ]+`. */
export const parseStringsWhitespaceDelimited: LineParser = (rest, base) => {
  if (rest === '') return NONE;
  const words: RawWord[] = [];
  let i = 0;
  while (i < rest.length) {
    const start = i;
    while (i < rest.length && !isBlankSeparator(rest.charCodeAt(i))) i++;
    words.push({ value: rest.slice(start, i), start: base + start, end: base + i });
    while (i < rest.length && isBlankSeparator(rest.charCodeAt(i))) i++;
  }
  return { words, json: false };
};

/** `parseString` (USER, WORKDIR, MAINTAINER, STOPSIGNAL): the rest as one word. */
const parseString: LineParser = (rest, base) =>
  rest === '' ? NONE : { words: [{ value: rest, start: base, end: base + rest.length }], json: false };

/** `parseJSON`: null when the rest is not a JSON string array (BuildKit then falls back). */
function parseJSON(rest: string, base: number): ParsedArgs | null {
  const skip = skipGoSpace(rest, 0, rest.length);
  if (rest.charCodeAt(skip) !== 0x5b) return null;
  const result = parseGoJsonArray(rest.slice(skip));
  if (result.kind === 'invalid') return null;
  if (result.kind === 'not-strings') {
    throw new DockerfileError('json-strings-only', 'when using JSON array syntax, arrays must be comprised of strings only');
  }
  const at = base + skip;
  return { words: result.items.map((w) => ({ value: w.value, start: at + w.start, end: at + w.end })), json: true };
}

/** `parseMaybeJSON` (RUN, CMD, ENTRYPOINT, SHELL): exec form, else the rest as one string. */
export const parseMaybeJSON: LineParser = (rest, base) => {
  if (rest === '') return NONE;
  return parseJSON(rest, base) ?? { words: [{ value: rest, start: base, end: base + rest.length }], json: false };
};

/** `parseMaybeJSONToList` (ADD, COPY, VOLUME): exec form, else whitespace-delimited. */
const parseMaybeJSONToList: LineParser = (rest, base, escape) =>
  parseJSON(rest, base) ?? parseStringsWhitespaceDelimited(rest, base, escape);

/** Go's byte-wise `unicode.IsSpace(rune(rest[i]))` for a whole character (see below). */
function separatesHealthType(c: number): boolean {
  return c < 0x80 ? isGoSpace(c) : utf8Bytes(c).some((b) => b === 0x85 || b === 0xa0);
}

/**
 * `parseHealthConfig`: the type word, then the rest like CMD. Go finds the separator byte-wise
 * (`unicode.IsSpace(rune(rest[i]))`), so a character whose UTF-8 holds 0x85 or 0xA0 separates;
 * Go would keep that character's leading bytes in the type word, we leave the whole char out.
 */
const parseHealthConfig: LineParser = (rest, base, escape) => {
  let sep = 0;
  while (sep < rest.length && !separatesHealthType(rest.codePointAt(sep) ?? 0)) sep += (rest.codePointAt(sep) ?? 0) > 0xffff ? 2 : 1;
  if (sep === 0) return NONE;
  let next = sep;
  while (next < rest.length && separatesHealthType(rest.codePointAt(next) ?? 0)) next += (rest.codePointAt(next) ?? 0) > 0xffff ? 2 : 1;
  const cmd = parseMaybeJSON(rest.slice(next), base + next, escape);
  return { words: [{ value: rest.slice(0, sep), start: base, end: base + sep }, ...cmd.words], json: cmd.json };
};

/** `parseIgnore`: unknown instructions get BuildKit's empty `&Node{}`, dumped as `""`. */
const parseIgnore: LineParser = (_rest, base) => ({ words: [{ value: '', start: base, end: base }], json: false });

/** BuildKit's dispatch table (ONBUILD's `parseSubCommand` is handled by the node builder). */
const DISPATCH = new Map<string, LineParser>(Object.entries({
  add: parseMaybeJSONToList,
  arg: parseNameOrNameVal,
  cmd: parseMaybeJSON,
  copy: parseMaybeJSONToList,
  entrypoint: parseMaybeJSON,
  env: (rest, base, escape) => parseNameVal(rest, base, escape, 'ENV'),
  expose: parseStringsWhitespaceDelimited,
  from: parseStringsWhitespaceDelimited,
  healthcheck: parseHealthConfig,
  label: (rest, base, escape) => parseNameVal(rest, base, escape, 'LABEL'),
  maintainer: parseString,
  run: parseMaybeJSON,
  shell: parseMaybeJSON,
  stopsignal: parseString,
  user: parseString,
  volume: parseMaybeJSONToList,
  workdir: parseString,
}));

/** The line parser for a lower-cased keyword. */
export function lineParserFor(keyword: string): LineParser {
  return DISPATCH.get(keyword) ?? parseIgnore;
}
