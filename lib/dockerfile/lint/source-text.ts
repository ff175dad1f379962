/**
 * Offsets ↔ positions in the Dockerfile source, and the map from a RUN's joined command text
 * (continuations removed, as BuildKit's parser joins them) back to where each character was
 * written, so findings and fixes can point at the exact word.
 */
import type { Heredoc, Position, Range } from '../ast';

export class SourceText {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    // indexOf scans far faster than a charCodeAt loop, and this runs over the whole file per lint.
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) this.lineStarts.push(nl + 1);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  offsetAt(position: Position): number {
    const start = this.lineStarts[Math.max(0, Math.min(position.line, this.lineStarts.length) - 1)] ?? 0;
    return Math.min(this.text.length, start + position.column - 1);
  }

  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.lineStarts[lo] as number) + 1 };
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  lineText(line: number): string {
    const start = this.lineStarts[line - 1] ?? this.text.length;
    const next = this.lineStarts[line];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1).replace(/\r$/, '');
  }
}

/** Source offset of every character of a script text (index = text offset), plus its end. */
export type OffsetMap = Int32Array;

/**
 * Maps `text` (a logical line as the parser joined it) onto the source from `startOffset`:
 * an escape character ending a physical line, and the blank or comment lines BuildKit drops
 * inside a continuation, are skipped. Returns null if the text cannot be found there.
 */
export function mapJoinedText(source: SourceText, startOffset: number, text: string, escape: string): OffsetMap | null {
  const src = source.text;
  const map = new Int32Array(text.length + 1);
  let s = startOffset;
  for (let t = 0; t < text.length; t++) {
    if (src[s] !== text[t]) {
      const next = skipContinuation(src, s, escape);
      if (next === null || src[next] !== text[t]) return null;
      s = next;
    }
    map[t] = s++;
  }
  map[text.length] = s;
  return map;
}

function skipContinuation(src: string, s: number, escape: string): number | null {
  if (src[s] !== escape) return null;
  let i = s + 1;
  while (src[i] === ' ' || src[i] === '\t') i++;
  if (src[i] === '\r') i++;
  if (src[i] !== '\n') return null;
  i++;
  // Blank lines and comment lines inside a continuation are dropped by the parser.
  for (;;) {
    let j = i;
    while (src[j] === ' ' || src[j] === '\t') j++;
    if (src[j] === '\r' && src[j + 1] === '\n') j++;
    if (src[j] === '\n') {
      i = j + 1;
      continue;
    }
    if (src[j] === '#') {
      const nl = src.indexOf('\n', j);
      if (nl < 0) return null;
      i = nl + 1;
      continue;
    }
    return i;
  }
}

/** Maps a heredoc body onto its source lines (`<<-` stripped leading tabs from each line). */
export function mapHeredoc(source: SourceText, heredoc: Heredoc): OffsetMap | null {
  const text = heredoc.content;
  const map = new Int32Array(text.length + 1);
  let line = heredoc.range.start.line;
  let t = 0;
  while (t < text.length) {
    const nl = text.indexOf('\n', t);
    const end = nl < 0 ? text.length : nl;
    const srcLine = source.lineText(line);
    const tabs = heredoc.chomp ? (/^\t*/.exec(srcLine)?.[0].length ?? 0) : 0;
    if (srcLine.slice(tabs) !== text.slice(t, end)) return null;
    const base = source.offsetAt({ line, column: 1 }) + tabs;
    for (let k = t; k <= end && k < text.length; k++) map[k] = base + (k - t);
    t = end + 1;
    line++;
  }
  map[text.length] = text.length === 0 ? source.offsetAt({ line, column: 1 }) : (map[text.length - 1] as number) + 1;
  return map;
}
