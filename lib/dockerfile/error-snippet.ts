import type { Range } from './ast';

/**
 * The source excerpt BuildKit prints above a build error (`solver/errdefs/source.go`):
 *
 *     Dockerfile:3
 *     --------------------
 *        1 |     FROM alpine
 *        2 |     RUN echo hi
 *        3 | >>> FOO bar
 *     --------------------
 *
 * Two lines of context around a one-line error, one around a multi-line range. The file is split
 * on `\n`, so a trailing newline shows as one empty numbered line, as BuildKit does.
 */
export function formatErrorSnippet(fileName: string, source: string, range: Range | { startLine: number; endLine: number }): string {
  const startLine = 'start' in range ? range.start.line : range.startLine;
  let endLine = 'start' in range ? range.end.line : range.endLine;
  // An exclusive end at column 1 of the next line still belongs to the previous one.
  if ('start' in range && range.end.column === 1 && endLine > startLine) endLine -= 1;
  const lines = source.split('\n');
  const context = startLine === endLine ? 2 : 1;
  const first = Math.max(1, startLine - context);
  const last = Math.min(lines.length, endLine + context);
  const out = [`${fileName}:${startLine}`, '--------------------'];
  for (let n = first; n <= last; n++) {
    const marker = n >= startLine && n <= endLine ? '>>>' : '   ';
    out.push(` ${String(n).padStart(3)} | ${marker} ${(lines[n - 1] ?? '').replace(/\r$/, '')}`);
  }
  out.push('--------------------');
  return out.join('\n');
}
