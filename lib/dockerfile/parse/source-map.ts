/**
 * Physical lines of the source and the map from a logical (continuation-joined) line back to
 * source positions. BuildKit only keeps line numbers; we keep every piece's origin so that words
 * can carry exact 1-based line / UTF-16 column ranges even across continuation lines.
 */
import type { Position, Range } from '../ast';
import { DockerfileError } from '../errors';
import { utf8Length } from '@/lib/util';

/** bufio.MaxScanTokenSize - 1: the longest line (in bytes, `\n` excluded) BuildKit's scanner reads. */
export const MAX_LINE_BYTES = 65535;

export interface SourceLines {
  readonly text: string;
  /** Offset of each line's first character. */
  readonly starts: number[];
  /** Offset just before the line's `\n` (or the end of the text). */
  readonly ends: number[];
}

/** Splits on `\n` like BuildKit's `scanLines`: a final `\n` does not start another line. */
export function splitSourceLines(text: string): SourceLines {
  const starts: number[] = [];
  const ends: number[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    starts.push(start);
    ends.push(end);
    start = end + 1;
  }
  return { text, starts, ends };
}

/** End offset after BuildKit's `trimNewline` (`bytes.TrimRight(line, "\r\n")`). */
export function contentEnd(lines: SourceLines, index: number): number {
  const start = lines.starts[index] ?? 0;
  let end = lines.ends[index] ?? start;
  while (end > start && lines.text.charCodeAt(end - 1) === 0x0d) end--;
  return end;
}

/** Whether a line exceeds the scanner's buffer; `extraBytes` counts a stripped BOM on line 1. */
export function isLineTooLong(lines: SourceLines, index: number, extraBytes: number): boolean {
  const start = lines.starts[index] ?? 0;
  const end = lines.ends[index] ?? start;
  const units = end - start;
  // UTF-8 needs at least one byte and at most three per UTF-16 unit: only measure when unsure.
  if (units + extraBytes > MAX_LINE_BYTES) return true;
  if (units * 3 + extraBytes <= MAX_LINE_BYTES) return false;
  return utf8Length(lines.text, start, end) + extraBytes > MAX_LINE_BYTES;
}

/** Position of a source offset on a known line (0-based line index). */
export function positionOn(lines: SourceLines, lineIndex: number, offset: number): Position {
  return { line: lineIndex + 1, column: offset - (lines.starts[lineIndex] ?? 0) + 1 };
}

/** Range of a whole line's content (CR/LF excluded), from `fromOffset` when given. */
export function lineRange(lines: SourceLines, first: number, last: number, fromOffset?: number): Range {
  const start = fromOffset ?? lines.starts[first] ?? 0;
  return { start: positionOn(lines, first, start), end: positionOn(lines, last, contentEnd(lines, last)) };
}

/**
 * A logical line assembled from pieces of physical lines, with the origin of every piece.
 * Text is joined once at the end, so assembling a huge continued instruction stays linear.
 */
export class LogicalLine {
  // Segment i is `parts[i]`, at logical offset `segOffset[i]`, from physical line `segLine[i]`,
  // column `segColumn[i]`; only the first `count` entries are in use (see `reset`).
  private readonly parts: string[] = [];
  private readonly segOffset: number[] = [];
  private readonly segLine: number[] = [];
  private readonly segColumn: number[] = [];
  private count = 0;
  private joined: string | null = null;
  private hint = 0;
  length = 0;

  constructor(
    private readonly lines: SourceLines,
    /** Line of the instruction's first physical line, used when no piece was added. */
    private firstLine: number,
  ) {}

  /**
   * Starts the next instruction's logical line. The parser reuses one LogicalLine for the whole
   * file (nodes keep the ranges, never the map), and entries are overwritten rather than the
   * arrays truncated (which would drop their storage), so the four arrays are allocated once
   * per parse instead of once per instruction.
   */
  reset(firstLine: number): void {
    this.firstLine = firstLine;
    this.count = 0;
    this.joined = null;
    this.hint = 0;
    this.length = 0;
  }

  /** Appends `source[from:to]`, which lies on physical line `lineIndex`. */
  append(lineIndex: number, from: number, to: number): void {
    if (to <= from) return;
    const i = this.count++;
    this.parts[i] = this.lines.text.slice(from, to);
    this.segOffset[i] = this.length;
    this.segLine[i] = lineIndex;
    this.segColumn[i] = from - (this.lines.starts[lineIndex] ?? 0);
    this.length += to - from;
    this.joined = null;
  }

  /** The joined text; pieces are joined once at the end, so a huge continued line stays linear. */
  text(): string {
    this.joined ??= this.count === 1 ? (this.parts[0] as string) : this.parts.slice(0, this.count).join('');
    return this.joined;
  }

  /** Source position of logical offset `offset` (the char there, or just past the end). */
  position(offset: number): Position {
    const count = this.count;
    if (count === 0) return { line: this.firstLine + 1, column: 1 };
    let lo = this.hint;
    // Words are mapped left to right: try a short walk from the last segment before searching.
    if ((this.segOffset[lo] ?? 0) <= offset) {
      let steps = 0;
      while (lo + 1 < count && (this.segOffset[lo + 1] ?? 0) <= offset && steps++ < 8) lo++;
      if (lo + 1 < count && (this.segOffset[lo + 1] ?? 0) <= offset) lo = this.search(offset, lo, count - 1);
    } else lo = this.search(offset, 0, lo);
    this.hint = lo;
    const delta = offset - (this.segOffset[lo] ?? 0);
    return { line: (this.segLine[lo] ?? 0) + 1, column: (this.segColumn[lo] ?? 0) + Math.max(delta, 0) + 1 };
  }

  /** Index of the last segment in `[lo, hi]` starting at or before `offset`. */
  private search(offset: number, lo: number, hi: number): number {
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.segOffset[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Source range of logical `[start, end)`; the end is placed just after the last char. */
  range(start: number, end: number): Range {
    const from = this.position(start);
    if (end <= start) return { start: from, end: from };
    const last = this.position(end - 1);
    return { start: from, end: { line: last.line, column: last.column + 1 } };
  }
}

/**
 * Hands out physical lines in order like BuildKit's `bufio.Scanner`. A line longer than the
 * scanner buffer ends the scan as if the file ended there; the error is only raised at the end
 * (`handleScannerError`), after "file with no instructions" — the order BuildKit reports them in.
 */
export class LineReader {
  readonly lines: SourceLines;
  /** How many lines were handed out so far (BuildKit's `currentLine`). */
  linesRead = 0;
  private tooLongLine = -1;

  constructor(
    text: string,
    /** Bytes of a byte-order mark stripped from line 1 (they still count for the limit). */
    private readonly bomBytes: number,
  ) {
    this.lines = splitSourceLines(text);
  }

  /** Index of the next line, or -1 at the end (or at a line that is too long). */
  next(): number {
    const index = this.linesRead;
    if (this.tooLongLine >= 0 || index >= this.lines.starts.length) return -1;
    if (isLineTooLong(this.lines, index, index === 0 ? this.bomBytes : 0)) {
      this.tooLongLine = index;
      return -1;
    }
    this.linesRead++;
    return index;
  }

  throwIfTooLong(): void {
    if (this.tooLongLine < 0) return;
    throw new DockerfileError('line-too-long', `dockerfile line greater than max allowed size of ${MAX_LINE_BYTES}`, {
      line: this.tooLongLine + 1,
    });
  }
}
