import type { FileDiff } from '@/lib/workspace';

/**
 * `--stat`, `--shortstat` and `--summary` as git's diff.c prints them (show_stats, print_stat_summary,
 * show_file_mode_name): names padded to the longest, counts right-aligned, the +/- graph scaled
 * to fit `width` columns (80 when stdout is no terminal), `Bin 0 -> 12 bytes` for binary files.
 */
export function formatDiffStat(files: readonly FileDiff[], width = 80): string {
  if (files.length === 0) return '';
  let maxChange = 0;
  let maxLen = 0;
  let binWidth = 0;
  let numberWidth = 0;
  for (const file of files) {
    maxLen = Math.max(maxLen, file.path.length);
    if (file.binary) {
      binWidth = Math.max(binWidth, 14 + decimalWidth(file.newSize) + decimalWidth(file.oldSize));
      numberWidth = 3;
      continue;
    }
    maxChange = Math.max(maxChange, file.insertions + file.deletions);
  }
  numberWidth = Math.max(numberWidth, decimalWidth(maxChange));
  const total = Math.max(width, 16 + 6 + numberWidth);
  let graphWidth = maxChange + 4 > binWidth ? maxChange : binWidth - 4;
  let nameWidth = maxLen;
  if (nameWidth + numberWidth + 6 + graphWidth > total) {
    const limit = Math.floor((total * 3) / 8) - numberWidth - 6;
    if (graphWidth > limit) graphWidth = Math.max(limit, 6);
    if (nameWidth > total - numberWidth - 6 - graphWidth) nameWidth = total - numberWidth - 6 - graphWidth;
    else graphWidth = total - numberWidth - 6 - nameWidth;
  }
  const lines: string[] = [];
  for (const file of files) {
    const name = fitName(file.path, nameWidth);
    if (file.binary) {
      const head = ` ${name} | ${'Bin'.padStart(numberWidth)}`;
      lines.push(file.newSize === 0 && file.oldSize === 0 ? head : `${head} ${file.oldSize} -> ${file.newSize} bytes`);
      continue;
    }
    let add = file.insertions;
    let del = file.deletions;
    const changes = add + del;
    if (graphWidth <= maxChange) {
      let scaled = scaleLinear(changes, graphWidth, maxChange);
      if (scaled < 2 && add > 0 && del > 0) scaled = 2;
      if (add < del) {
        add = scaleLinear(add, graphWidth, maxChange);
        del = scaled - add;
      } else {
        del = scaleLinear(del, graphWidth, maxChange);
        add = scaled - del;
      }
    }
    lines.push(` ${name} | ${String(changes).padStart(numberWidth)}${changes > 0 ? ' ' : ''}${'+'.repeat(add)}${'-'.repeat(del)}`);
  }
  lines.push(formatShortStat(files));
  return lines.join('\n') + '\n';
}

/** A name longer than its column keeps its tail after `...`, cut at a `/` when there is one. */
function fitName(path: string, width: number): string {
  if (path.length <= width) return path.padEnd(width);
  const room = Math.max(width - 3, 0);
  let tail = path.slice(path.length - room);
  const slash = tail.indexOf('/');
  if (slash >= 0) tail = tail.slice(slash);
  return `...${tail}`.padEnd(width);
}

function scaleLinear(it: number, width: number, max: number): number {
  return it === 0 ? 0 : 1 + Math.floor((it * (width - 1)) / max);
}

function decimalWidth(n: number): number {
  return String(n).length;
}

/** ` 2 files changed, 10 insertions(+), 1 deletion(-)` (zero counts shown only when both are zero). */
export function formatShortStat(files: readonly FileDiff[]): string {
  if (files.length === 0) return ' 0 files changed';
  const insertions = files.reduce((sum, f) => sum + f.insertions, 0);
  const deletions = files.reduce((sum, f) => sum + f.deletions, 0);
  let text = files.length === 1 ? ' 1 file changed' : ` ${files.length} files changed`;
  if (insertions > 0 || deletions === 0) text += insertions === 1 ? ', 1 insertion(+)' : `, ${insertions} insertions(+)`;
  if (deletions > 0 || insertions === 0) text += deletions === 1 ? ', 1 deletion(-)' : `, ${deletions} deletions(-)`;
  return text;
}

/** `--summary` lines: ` create mode 100644 app.py`, ` delete mode …`, ` mode change 100644 => 100755 run.sh`. */
export function formatSummary(files: readonly FileDiff[]): string[] {
  const lines: string[] = [];
  for (const file of files) {
    if (file.status === 'added') lines.push(` create mode ${file.newMode} ${file.path}`);
    else if (file.status === 'deleted') lines.push(` delete mode ${file.oldMode} ${file.path}`);
    else if (file.oldMode !== file.newMode) lines.push(` mode change ${file.oldMode} => ${file.newMode} ${file.path}`);
  }
  return lines;
}
