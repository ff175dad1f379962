// Go's text/tabwriter (as forked in docker/cli's formatter/tabwriter) with padchar ' ' and no
// flags: tab-terminated cells form columns; a column block is a run of consecutive lines that
// have a cell in that column; each cell is padded to max(minwidth, widest cell + padding). The
// last cell of a line is not part of a column and is never padded. Widths count runes, as Go does.

export interface TabwriterSettings {
  minWidth: number;
  tabWidth: number;
  padding: number;
}

/** docker/cli's tabwriter.NewWriter(out, 10, 1, 3, ' ', 0). */
export const DOCKER_TABWRITER: TabwriterSettings = { minWidth: 10, tabWidth: 1, padding: 3 };

interface Cell {
  text: string;
  width: number;
}

const width = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** Runs `text` through a Go tabwriter and returns what Flush writes. */
export function tabwrite(text: string, settings: TabwriterSettings = DOCKER_TABWRITER): string {
  // Split into lines of cells; '\v' ends a cell like '\t', '\f' ends a line like '\n'.
  const rawLines = text.split(/\n|\f/);
  const lines: Cell[][] = rawLines.map((l) => l.split(/\t|\v/).map((c) => ({ text: c, width: width(c) })));
  const endsWithNewline = rawLines.length > 1 && rawLines[rawLines.length - 1] === '';
  if (endsWithNewline) lines.pop();
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i] as Cell[];
      let s = '';
      line.forEach((c, j) => {
        s += c.text;
        if (j < widths.length && j < line.length - 1) s += ' '.repeat(Math.max(0, (widths[j] as number) - c.width));
      });
      out.push(s);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let row = line0; row < line1; row++) {
      if (column >= (lines[row] as Cell[]).length - 1) continue;
      // A cell exists in this column: print the lines before the block, then measure the block.
      writeLines(start, row);
      start = row;
      let w = settings.minWidth;
      for (; row < line1; row++) {
        const line = lines[row] as Cell[];
        if (column >= line.length - 1) break;
        w = Math.max(w, (line[column] as Cell).width + settings.padding);
      }
      widths.push(w);
      format(start, row);
      widths.pop();
      start = row;
      row--;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}
