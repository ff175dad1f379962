/**
 * Heredoc detection (Dockerfile 1.4+), after BuildKit `heredocsFromLine`, `ParseHeredoc`,
 * `heredocFromMatch`, `canContainHeredoc` and `ChompHeredocContent` (parser.go).
 *
 * The logical line is split into words by the shell lexer (raw quotes and escapes kept); every
 * word shaped `^(\d*)<<(-?)\s*([^<]*)$` whose delimiter lexes to exactly one word opens a
 * heredoc. The delimiter is lexed twice, with and without raw quotes: if the quote counts differ
 * some part was quoted, and the body is not expanded (`<<"EOF"`, `<<E'O'F`; `<<\EOF` expands).
 */
import type { Heredoc } from '../ast';
import { DockerfileError } from '../errors';
import { goQuote } from '@/lib/util';
import { isRe2Space } from '@/lib/util';
import { ShellWordsError, shellWords } from './shell-words';
import { contentEnd, lineRange, type LineReader } from './source-map';

export interface HeredocHeader {
  name: string;
  fileDescriptor: number;
  expand: boolean;
  chomp: boolean;
}

const HEREDOC_KEYWORDS = new Set(['add', 'copy', 'run']);

/** `canContainHeredoc`: RUN/COPY/ADD (or ONBUILD of one), not in JSON form. */
export function canContainHeredoc(node: { keyword: string; json: boolean; child: { keyword: string; json: boolean } | null }): boolean {
  const target = node.keyword === 'onbuild' && node.child !== null ? node.child : node;
  return HEREDOC_KEYWORDS.has(target.keyword) && !target.json;
}

function countQuotes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x27 || c === 0x22) n++;
  }
  return n;
}

/** `strconv.ParseUint(digits, 10, 0)` with its error ignored: "" → 0, overflow → max uint64. */
function parseFileDescriptor(digits: string): number {
  if (digits === '') return 0;
  const value = BigInt(digits);
  return value > 0xffffffffffffffffn ? Number(0xffffffffffffffffn) : Number(value);
}

function lexDelimiter(rest: string, rawQuotes: boolean): string[] {
  try {
    return shellWords(rest, { rawQuotes, rawEscapes: false });
  } catch (error) {
    if (!(error instanceof ShellWordsError)) throw error;
    throw new DockerfileError('heredoc', `failed to process ${goQuote(rest)}: ${error.message}`, undefined, { cause: error });
  }
}

/**
 * `ParseHeredoc(word)`: null when the word is not a heredoc. Matched by hand rather than with
 * the regexp, whose `\s*` followed by `[^<]*` backtracks quadratically on long blank runs.
 */
export function parseHeredocWord(word: string): HeredocHeader | null {
  let i = 0;
  while (i < word.length && word.charCodeAt(i) >= 0x30 && word.charCodeAt(i) <= 0x39) i++;
  const digits = word.slice(0, i);
  if (!word.startsWith('<<', i)) return null;
  i += 2;
  const chomp = word.charCodeAt(i) === 0x2d;
  if (chomp) i++;
  while (i < word.length && isRe2Space(word.charCodeAt(i))) i++;
  const rest = word.slice(i);
  if (rest.includes('<') || rest === '') return null;
  const words = lexDelimiter(rest, false);
  const name = words[0];
  if (words.length !== 1 || name === undefined) return null;
  const raw = lexDelimiter(rest, true);
  if (raw.length !== words.length) {
    throw new DockerfileError('heredoc', `internal lexing of heredoc produced inconsistent results: ${rest}`);
  }
  return {
    name,
    fileDescriptor: parseFileDescriptor(digits),
    expand: countQuotes(name) === countQuotes(raw[0] ?? ''),
    chomp,
  };
}

/** `heredocsFromLine`: the heredocs a logical line opens, in order. */
export function heredocsFromLine(line: string): HeredocHeader[] {
  let words: string[];
  try {
    words = shellWords(line, { rawQuotes: true, rawEscapes: true });
  } catch (error) {
    // BuildKit ignores this error (`words, _ :=`): an unclosed quote means no heredocs.
    if (!(error instanceof ShellWordsError)) throw error;
    return [];
  }
  const headers: HeredocHeader[] = [];
  for (const word of words) {
    const header = parseHeredocWord(word);
    if (header !== null) headers.push(header);
  }
  return headers;
}

/** `bytes.TrimLeft(line, "\t")`. */
export function trimLeadingTabs(s: string): string {
  let i = 0;
  while (s.charCodeAt(i) === 0x09) i++;
  return i === 0 ? s : s.slice(i);
}

/** `ChompHeredocContent`: `(?m)^\t+` removed (Go's `^` follows `\n` only, unlike JS's `m` flag). */
export function chompHeredocContent(content: string): string {
  return content.split('\n').map(trimLeadingTabs).join('\n');
}

/**
 * Reads the bodies of `headers` from the lines after the instruction, one heredoc after the
 * other: a body ends at the first line equal to its delimiter (after leading tabs for `<<-`).
 * Returns the heredocs and the last line consumed.
 */
export function readHeredocBodies(
  reader: LineReader,
  headers: readonly HeredocHeader[],
  instructionLine: number,
): { heredocs: Heredoc[]; lastLine: number } {
  const { lines } = reader;
  const heredocs: Heredoc[] = [];
  let lastLine = reader.linesRead - 1;
  for (const header of headers) {
    const body: string[] = [];
    const first = reader.linesRead;
    let terminator = -1;
    for (let index = reader.next(); index >= 0; index = reader.next()) {
      lastLine = index;
      const start = lines.starts[index] ?? 0;
      const candidate = lines.text.slice(start, contentEnd(lines, index));
      if ((header.chomp ? trimLeadingTabs(candidate) : candidate) === header.name) {
        terminator = index;
        break;
      }
      const end = lines.ends[index] ?? start;
      // The raw line, CR kept, with its `\n` when it has one (BuildKit appends the scanned bytes).
      body.push(lines.text.slice(start, end < lines.text.length ? end + 1 : end));
    }
    if (terminator < 0) {
      throw new DockerfileError(
        'heredoc',
        `unterminated heredoc: no line "${header.name}" closes the heredoc opened on line ${instructionLine + 1}`,
        { line: instructionLine + 1, range: lineRange(lines, instructionLine, Math.max(lastLine, instructionLine)) },
      );
    }
    const content = body.join('');
    heredocs.push({
      name: header.name,
      fileDescriptor: header.fileDescriptor,
      expand: header.expand,
      chomp: header.chomp,
      content: header.chomp ? chompHeredocContent(content) : content,
      range: lineRange(lines, Math.min(first, terminator), terminator),
    });
  }
  return { heredocs, lastLine };
}
