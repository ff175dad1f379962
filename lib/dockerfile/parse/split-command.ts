/**
 * BuildKit `splitCommand` / `extractBuilderFlags` (split_command.go): the keyword, the leading
 * `--flag` words, and the rest of the line. All offsets are logical-line offsets.
 *
 * `extractBuilderFlags` walks the line byte by byte (`rune(line[pos])`), so in Go every byte of a
 * non-ASCII character is appended to the flag as its own Latin-1 rune (`--chown=josé` becomes
 * `--chown=josÃ©`), and the bytes 0x85 and 0xA0 (inside NBSP, `à`, ...) count as spaces. We
 * reproduce that by feeding the state machine the UTF-8 bytes of each character.
 */
import { goToLower, isBlankSeparator, skipGoSpace, trimGoSpaceEnd, utf8Bytes } from '@/lib/util';

export interface RawFlag {
  raw: string;
  start: number;
  end: number;
}

export interface SplitCommand {
  /** Lower-cased keyword (`strings.ToLower(cmdline[0])`). */
  keyword: string;
  rawKeyword: string;
  keywordStart: number;
  keywordEnd: number;
  flags: RawFlag[];
  /** The arguments after the flags, trimmed: `rest = line[restStart:restEnd]`. */
  rest: string;
  restStart: number;
  restEnd: number;
}

/** `unicode.IsSpace(rune(b))` for a single byte. */
function isSpaceByte(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d) || b === 0x85 || b === 0xa0;
}

const enum Phase {
  Spaces,
  Word,
  Quote,
}

/** `extractBuilderFlags(line[start:end])`: returns the flags and where the remainder starts. */
export function extractBuilderFlags(line: string, start: number, end: number): { flags: RawFlag[]; restStart: number } {
  const flags: RawFlag[] = [];
  let phase = Phase.Spaces;
  let word = '';
  let wordStart = start;
  let quote = 0;
  let blankOK = false;
  let escaped = false;
  for (let i = start; i < end; ) {
    const cp = line.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const bytes = cp < 0x80 ? null : utf8Bytes(cp);
    const count = bytes === null ? 1 : bytes.length;
    for (let k = 0; k < count; k++) {
      const b = bytes === null ? cp : (bytes[k] ?? 0);
      const lastByteOfLine = i + width === end && k === count - 1;
      if (phase === Phase.Spaces) {
        if (isSpaceByte(b)) continue;
        // Only a word starting with `--` is a flag; anything else starts the arguments. A
        // mid-character start (after a 0x85/0xA0 byte) keeps the whole character.
        if (b !== 0x2d || lastByteOfLine || line.charCodeAt(i + 1) !== 0x2d) return { flags, restStart: i };
        phase = Phase.Word;
        wordStart = i;
      }
      if (escaped) {
        escaped = false;
        word += String.fromCharCode(b);
        continue;
      }
      if (phase === Phase.Word) {
        if (isSpaceByte(b)) {
          phase = Phase.Spaces;
          if (word === '--') return { flags, restStart: i };
          if (blankOK || word.length > 0) flags.push({ raw: word, start: wordStart, end: k === 0 ? i : i + width });
          word = '';
          blankOK = false;
          continue;
        }
        if (b === 0x27 || b === 0x22) {
          quote = b;
          blankOK = true;
          phase = Phase.Quote;
          continue;
        }
      } else if (b === quote) {
        phase = Phase.Word;
        continue;
      }
      if (b === 0x5c) {
        // `\` escapes the next byte; a trailing one is dropped (and closes a quote).
        if (lastByteOfLine) {
          phase = Phase.Word;
          continue;
        }
        escaped = true;
        continue;
      }
      word += String.fromCharCode(b);
    }
    i += width;
  }
  if (phase !== Phase.Spaces && word !== '--' && (blankOK || word.length > 0)) {
    flags.push({ raw: word, start: wordStart, end });
  }
  return { flags, restStart: end };
}

/** BuildKit `splitCommand` on `line[start:end]`. */
export function splitCommand(line: string, start: number, end: number): SplitCommand {
  const trimStart = skipGoSpace(line, start, end);
  const trimEnd = trimGoSpaceEnd(line, trimStart, end);
  // `tokenWhitespace.Split(s, 2)`: the keyword ends at the first ASCII blank run.
  let keywordEnd = trimStart;
  while (keywordEnd < trimEnd && !isBlankSeparator(line.charCodeAt(keywordEnd))) keywordEnd++;
  const rawKeyword = line.slice(trimStart, keywordEnd);
  let flags: RawFlag[] = [];
  let restStart = trimEnd;
  let restEnd = trimEnd;
  if (keywordEnd < trimEnd) {
    let argsStart = keywordEnd;
    while (argsStart < trimEnd && isBlankSeparator(line.charCodeAt(argsStart))) argsStart++;
    const extracted = extractBuilderFlags(line, argsStart, trimEnd);
    flags = extracted.flags;
    restStart = skipGoSpace(line, extracted.restStart, trimEnd);
    restEnd = trimGoSpaceEnd(line, restStart, trimEnd);
  }
  // Built field by field: object spread is surprisingly slow on this hot path.
  return {
    keyword: goToLower(rawKeyword),
    rawKeyword,
    keywordStart: trimStart,
    keywordEnd,
    flags,
    rest: line.slice(restStart, restEnd),
    restStart,
    restEnd,
  };
}
