import { describe, expect, it } from 'vitest';
import { evaluateCi, formatCiReport } from './ci-rules';
import type { EfficiencyFigures, WastedPath } from './efficiency';
import { humanizeBytes, parseBytes } from './humanize-bytes';

const figures = (efficiency: number, wastedBytes: number, userWastedPercent: number): EfficiencyFigures => ({ efficiency, wastedBytes, userWastedPercent, inefficientPaths: 1 });
const wasted: WastedPath[] = [
  { path: '/root/example/somefile1.txt', count: 2, cumulativeBytes: 12000, finalBytes: 0, reclaimableBytes: 12000, reason: { kind: 'deleted', writtenIn: [1], deletedIn: 2 } },
  { path: '/root/saved.txt', count: 3, cumulativeBytes: 9, finalBytes: 3, reclaimableBytes: 6, reason: { kind: 'overwritten', writtenIn: [1, 2, 3], deletedIn: [], finalLayer: 3 } },
];

describe('evaluateCi: dive CI rules', () => {
  it("passes with dive's defaults (lowestEfficiency 0.9, highestWastedBytes disabled, highestUserWastedPercent 0.1)", () => {
    const result = evaluateCi(figures(0.98, 32025, 0.05));
    expect(result).toEqual({
      pass: true,
      results: [
        { rule: 'highestUserWastedPercent', status: 'PASS', message: '0.1' },
        { rule: 'highestWastedBytes', status: 'SKIP', message: 'disabled' },
        { rule: 'lowestEfficiency', status: 'PASS', message: '0.9' },
      ],
      tally: { pass: 2, fail: 0, skip: 1 },
      errors: [],
    });
  });

  it("fails each rule with dive's message", () => {
    const result = evaluateCi(figures(0.8, 32025, 0.4832), { highestWastedBytes: '20kB' });
    expect(result.pass).toBe(false);
    expect(result.results.map((r) => `${r.status} ${r.rule}: ${r.message}`)).toEqual([
      'FAIL highestUserWastedPercent: too many bytes wasted, relative to the user bytes added (%-user-wasted-bytes=0.48 > threshold=0.1)',
      'FAIL highestWastedBytes: too many bytes wasted (wasted-bytes=32025 > threshold=20000)',
      'FAIL lowestEfficiency: image efficiency is too low (efficiency=0.80 < threshold=0.9)',
    ]);
  });

  it('reports bad rule values as a misconfiguration, which fails', () => {
    const result = evaluateCi(figures(1, 0, 0), { lowestEfficiency: '1.5', highestWastedBytes: 'lots', highestUserWastedPercent: 'off' });
    expect(result.pass).toBe(false);
    expect(result.errors).toEqual([
      "lowestEfficiency config value is outside allowed range (0-1), given '1.500000'",
      'invalid highestWastedBytes config value, given "lots"',
    ]);
    expect(result.results).toEqual([{ rule: 'highestUserWastedPercent', status: 'SKIP', message: 'disabled' }]);
  });
});

describe('formatCiReport', () => {
  it("prints dive's Analysis, Inefficient Files and Evaluation sections and the verdict", () => {
    const f = figures(0.9844212134, 32025, 0.4834911);
    expect(formatCiReport(f, wasted, evaluateCi(f))).toBe(
      [
        'Analysis:',
        '  efficiency:        98.44 %',
        '  wastedBytes:       32025 bytes (32 kB)',
        '  userWastedPercent: 48.35 %',
        '',
        'Inefficient Files:',
        '  Count  Wasted Space  File Path',
        '  2      12 kB         /root/example/somefile1.txt',
        '  3      9 B           /root/saved.txt',
        '',
        'Evaluation:',
        '  FAIL  highestUserWastedPercent (too many bytes wasted, relative to the user bytes added (%-user-wasted-bytes=0.48 > threshold=0.1))',
        '  SKIP  highestWastedBytes (disabled)',
        '  PASS  lowestEfficiency (0.9)',
        '',
        'FAIL [pass:1 fail:1 skip:1]',
        '',
      ].join('\n'),
    );
  });

  it('says (None) without inefficient files and 0 % without waste', () => {
    const f = figures(1, 0, 0);
    const text = formatCiReport(f, [], evaluateCi(f));
    expect(text).toContain('  wastedBytes:       0 bytes \n  userWastedPercent: 0 %\n\nInefficient Files: (None)\n');
    expect(text.endsWith('\n\nPASS [pass:2 skip:1]\n')).toBe(true);
  });
});

describe('humanizeBytes / parseBytes (go-humanize)', () => {
  it('prints SI sizes with one decimal below 10', () => {
    expect([0, 9, 10, 999, 1000, 1500, 32025, 12_345_678, 809_060_821, 2e9].map(humanizeBytes)).toEqual(['0 B', '9 B', '10 B', '999 B', '1.0 kB', '1.5 kB', '32 kB', '12 MB', '809 MB', '2.0 GB']);
  });

  it('parses SI and IEC units, case-insensitively', () => {
    expect(['42', '42 MB', '42mb', '42 MiB', '1.5GB', '20kB', '3 K', 'x', '5 parsecs'].map(parseBytes)).toEqual([42, 42e6, 42e6, 42 * 1024 * 1024, 1.5e9, 20000, 3000, undefined, undefined]);
  });
});
