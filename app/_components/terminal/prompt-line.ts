/**
 * Drawing the prompt line the way readline does on a real terminal, as escape sequences for
 * xterm: the prompt and the line being edited may wrap over several rows of the screen, and each
 * edit rewrites only what changed (a screen reader hears the edit, not the whole line again).
 * Positions are offsets in cells from the start of the row the prompt begins on. Pure: no DOM.
 */

const ANSI = /\x1b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;

/** Cells a text takes on the screen: escape sequences take none, East Asian wide characters two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(ANSI, '')) width += charWidth(ch.codePointAt(0) as number);
  return width;
}

function charWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  // Combining marks and zero-width characters.
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** What is on the screen for the prompt line. */
export interface DrawnLine {
  /** Column the prompt starts at (after output that did not end its line). */
  startColumn: number;
  /** The prompt as written (may hold colours). */
  prompt: string;
  line: string;
  /** Index into `line` (UTF-16 units, as LineEditor counts). */
  cursor: number;
}

/**
 * The offset after writing `text` from `offset`: a wide character that does not fit in the row's
 * last cell goes to the next row, as xterm places it, leaving that cell empty.
 */
export function advance(offset: number, text: string, columns: number): number {
  for (const ch of text.replace(ANSI, '')) {
    const width = charWidth(ch.codePointAt(0) as number);
    if (width === 2 && offset % columns === columns - 1) offset++;
    offset += width;
  }
  return offset;
}

/** Offset of the line's first cell. */
function lineStart(drawn: DrawnLine, columns: number): number {
  return advance(drawn.startColumn, drawn.prompt, columns);
}

function cursorOffset(drawn: DrawnLine, columns: number): number {
  return advance(lineStart(drawn, columns), drawn.line.slice(0, drawn.cursor), columns);
}

function endOffset(drawn: DrawnLine, columns: number): number {
  return advance(lineStart(drawn, columns), drawn.line, columns);
}

/** Moves the cursor between two offsets of the prompt line (both on rows already drawn). */
export function moveCursor(from: number, to: number, columns: number): string {
  const rows = Math.floor(to / columns) - Math.floor(from / columns);
  const vertical = rows < 0 ? `\x1b[${-rows}A` : rows > 0 ? `\x1b[${rows}B` : '';
  const column = to % columns;
  return from % columns === column && rows === 0 ? '' : `${vertical}\x1b[${column + 1}G`;
}

/**
 * After writing up to `end`: a text that fills its last row exactly leaves xterm's cursor in
 * the pending-wrap state on that row; readline's trick (a space, then carriage return) puts it on
 * the next row's first cell, so every offset maps to one screen position.
 */
function settle(end: number, columns: number): string {
  return end > 0 && end % columns === 0 ? ' \r' : '';
}

/** Draws the prompt and the line from scratch, the cursor at its start column on the current row. */
export function drawPromptLine(next: DrawnLine, columns: number): string {
  const end = endOffset(next, columns);
  return next.prompt + next.line + settle(end, columns) + '\x1b[J' + moveCursor(end, cursorOffset(next, columns), columns);
}

/** Rewrites what changed between two states of the same prompt line. */
export function updatePromptLine(previous: DrawnLine, next: DrawnLine, columns: number): string {
  const from = cursorOffset(previous, columns);
  if (previous.line === next.line) return moveCursor(from, cursorOffset(next, columns), columns);
  let common = 0;
  while (common < previous.line.length && common < next.line.length && previous.line[common] === next.line[common]) common++;
  // Never start a rewrite inside a surrogate pair.
  if (common > 0 && isHighSurrogate(next.line.charCodeAt(common - 1))) common--;
  const changeAt = advance(lineStart(next, columns), next.line.slice(0, common), columns);
  const end = endOffset(next, columns);
  return moveCursor(from, changeAt, columns) + next.line.slice(common) + settle(end, columns) + '\x1b[J' + moveCursor(end, cursorOffset(next, columns), columns);
}

/** Moves the cursor to the end of the line (before Enter prints its newline). */
export function cursorToEnd(drawn: DrawnLine, columns: number): string {
  return moveCursor(cursorOffset(drawn, columns), endOffset(drawn, columns), columns);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Ubuntu's coloured prompt (`\u@\h` bold green, the directory bold blue), from the plain one the
 * session gives: `student@workstation:~/myapp$ `. Other prompts (`> `, `/app # `) stay plain.
 */
export function colourPrompt(prompt: string): string {
  const m = /^([^\s@:]+@[^\s:]+):(.*)([$#] )$/.exec(prompt);
  if (m === null) return prompt;
  return `\x1b[1;32m${m[1]}\x1b[0m:\x1b[1;34m${m[2]}\x1b[0m${m[3]}`;
}

/**
 * Completion candidates listed under the prompt as bash lists them: sorted down the columns, each
 * column as wide as the longest entry plus two spaces, as many columns as fit. Files show their
 * name without the directory typed so far (`src/app.py` shows as `app.py`); image references
 * (`repo:tag`) show whole.
 */
export function formatCandidates(candidates: readonly string[], word: string, columns: number): string {
  const dir = word.slice(0, word.lastIndexOf('/') + 1);
  const shown = candidates.map((c) => (dir !== '' && c.startsWith(dir) && !c.includes(':') ? c.slice(dir.length) : c));
  const width = Math.max(...shown.map(displayWidth)) + 2;
  const perRow = Math.max(1, Math.floor(columns / width));
  const rows = Math.ceil(shown.length / perRow);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let row = '';
    for (let c = 0; c < perRow; c++) {
      const item = shown[c * rows + r];
      if (item === undefined) break;
      const last = shown[(c + 1) * rows + r] === undefined;
      row += last ? item : item + ' '.repeat(width - displayWidth(item));
    }
    out.push(row);
  }
  return out.join('\r\n') + '\r\n';
}
