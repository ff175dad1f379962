import { describe, expect, it } from 'vitest';
import type { FileDiff } from '@/lib/workspace';
import { formatDiffStat, formatShortStat, formatSummary } from './diffstat-format';

const file = (path: string, insertions: number, deletions: number, extra: Partial<FileDiff> = {}): FileDiff => ({
  path,
  status: 'modified',
  oldMode: '100644',
  newMode: '100644',
  insertions,
  deletions,
  binary: false,
  oldSize: 0,
  newSize: 0,
  ...extra,
});

describe('formatDiffStat', () => {
  it('pads names and right-aligns counts', () => {
    expect(formatDiffStat([file('a.py', 10, 2), file('src/long_name.txt', 0, 1)])).toBe(
      ' a.py              | 12 ++++++++++--\n src/long_name.txt |  1 -\n 2 files changed, 10 insertions(+), 3 deletions(-)\n',
    );
  });

  it('scales the graph to 80 columns as git does', () => {
    // What git 2.39 prints for `git diff --cached --stat` of a new 1000-line file `big1`.
    const line = formatDiffStat([file('big1', 1000, 0)]).split('\n')[0] as string;
    expect(line).toBe(` big1 | 1000 ${'+'.repeat(66)}`);
    expect(line.length).toBeLessThanOrEqual(80);
  });

  it('shows binary files and mode-only changes', () => {
    expect(formatDiffStat([file('logo.png', 0, 0, { binary: true, status: 'added', oldMode: null, newSize: 2048 }), file('run.sh', 0, 0, { newMode: '100755' })])).toBe(
      ' logo.png | Bin 0 -> 2048 bytes\n run.sh   |   0\n 2 files changed, 0 insertions(+), 0 deletions(-)\n',
    );
    expect(formatSummary([file('run.sh', 0, 0, { newMode: '100755' })])).toEqual([' mode change 100644 => 100755 run.sh']);
  });

  it('words the short stat like git', () => {
    expect(formatShortStat([file('a', 1, 0)])).toBe(' 1 file changed, 1 insertion(+)');
    expect(formatShortStat([file('a', 0, 1), file('b', 0, 2)])).toBe(' 2 files changed, 3 deletions(-)');
  });
});
