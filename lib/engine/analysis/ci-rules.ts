import type { EfficiencyFigures, WastedPath } from './efficiency';
import { humanizeBytes, parseBytes } from './humanize-bytes';

/**
 * dive's CI mode (`dive --ci`, `.dive-ci`): three rules with dive's names, defaults and messages
 * (cmd/dive/cli/internal/command/ci/rules.go), so an instructor's `.dive-ci` thresholds work here
 * as they do in a pipeline. A value of `disabled`/`off`/`false`/empty skips a rule.
 */
export interface CiRules {
  /** Fail below this efficiency (0..1). dive's default 0.9. */
  lowestEfficiency: string;
  /** Fail above this many wasted bytes (`20MB`, `1000`). Default disabled. */
  highestWastedBytes: string;
  /** Fail above this wasted/user-bytes ratio (0..1). Default 0.1. */
  highestUserWastedPercent: string;
}

export const DEFAULT_CI_RULES: Readonly<CiRules> = { lowestEfficiency: '0.9', highestWastedBytes: 'disabled', highestUserWastedPercent: '0.1' };

export type CiStatus = 'PASS' | 'FAIL' | 'SKIP';

export interface CiRuleResult {
  rule: keyof CiRules;
  status: CiStatus;
  /** dive's text: the failure, `disabled`, or the configured threshold. */
  message: string;
}

export interface CiEvaluation {
  pass: boolean;
  /** Sorted by rule name, as dive prints them. */
  results: CiRuleResult[];
  tally: { pass: number; fail: number; skip: number };
  /** Invalid rule values (dive then reports `CI Misconfigured` and fails). */
  errors: string[];
}

const isDisabled = (value: string) => ['', 'disabled', 'off', 'false'].includes(value.trim().toLowerCase());

/** Go's `%v` of a float64 threshold. */
const goFloat = (n: number) => String(n);

export function evaluateCi(figures: EfficiencyFigures, rules: Partial<CiRules> = {}): CiEvaluation {
  const config: CiRules = { ...DEFAULT_CI_RULES, ...rules };
  const errors: string[] = [];
  const results: CiRuleResult[] = [];
  const ratio = (key: 'lowestEfficiency' | 'highestUserWastedPercent', check: (threshold: number) => string | null) => {
    const value = config[key];
    if (isDisabled(value)) return results.push({ rule: key, status: 'SKIP', message: 'disabled' });
    const threshold = Number(value.trim());
    if (value.trim() === '' || !Number.isFinite(threshold)) return errors.push(`invalid ${key} config value, given ${JSON.stringify(value)}`);
    if (threshold < 0 || threshold > 1) return errors.push(`${key} config value is outside allowed range (0-1), given '${threshold.toFixed(6)}'`);
    const failure = check(threshold);
    return results.push(failure === null ? { rule: key, status: 'PASS', message: value } : { rule: key, status: 'FAIL', message: failure });
  };
  ratio('lowestEfficiency', (t) =>
    t > figures.efficiency ? `image efficiency is too low (efficiency=${figures.efficiency.toFixed(2)} < threshold=${goFloat(t)})` : null,
  );
  const bytesValue = config.highestWastedBytes;
  if (isDisabled(bytesValue)) results.push({ rule: 'highestWastedBytes', status: 'SKIP', message: 'disabled' });
  else {
    const threshold = parseBytes(bytesValue);
    if (threshold === undefined) errors.push(`invalid highestWastedBytes config value, given ${JSON.stringify(bytesValue)}`);
    else if (figures.wastedBytes > threshold) {
      results.push({ rule: 'highestWastedBytes', status: 'FAIL', message: `too many bytes wasted (wasted-bytes=${figures.wastedBytes} > threshold=${threshold})` });
    } else results.push({ rule: 'highestWastedBytes', status: 'PASS', message: bytesValue });
  }
  ratio('highestUserWastedPercent', (t) =>
    figures.userWastedPercent > t
      ? `too many bytes wasted, relative to the user bytes added (%-user-wasted-bytes=${figures.userWastedPercent.toFixed(2)} > threshold=${goFloat(t)})`
      : null,
  );
  results.sort((a, b) => (a.rule < b.rule ? -1 : 1));
  const tally = { pass: 0, fail: 0, skip: 0 };
  for (const r of results) tally[r.status === 'PASS' ? 'pass' : r.status === 'FAIL' ? 'fail' : 'skip'] += 1;
  return { pass: errors.length === 0 && tally.fail === 0, results, tally, errors };
}

/** dive's `--ci` report: Analysis, Inefficient Files, Evaluation, then the verdict line. */
export function formatCiReport(figures: EfficiencyFigures, wasted: readonly WastedPath[], evaluation: CiEvaluation): string {
  const label = (key: string) => `  ${`${key}:`.padEnd(18)} `;
  const analysis = [
    'Analysis:',
    `${label('efficiency')}${(figures.efficiency * 100).toFixed(2)} %`,
    `${label('wastedBytes')}${figures.wastedBytes} bytes ${figures.wastedBytes > 0 ? `(${humanizeBytes(figures.wastedBytes)})` : ''}`,
    `${label('userWastedPercent')}${figures.wastedBytes > 0 ? `${(figures.userWastedPercent * 100).toFixed(2)} %` : '0 %'}`,
  ].join('\n');
  const row = (count: string, size: string, path: string) => `  ${count.padEnd(5)}  ${size.padEnd(12)}  ${path}`;
  const files =
    wasted.length === 0
      ? 'Inefficient Files: (None)'
      : ['Inefficient Files:', row('Count', 'Wasted Space', 'File Path'), ...wasted.map((w) => row(String(w.count), humanizeBytes(w.cumulativeBytes), w.path))].join('\n');
  const rules = evaluation.results.map((r) => `  ${r.status}  ${r.rule}${r.message !== '' ? ` (${r.message})` : ''}`);
  const parts = (['pass', 'fail', 'skip'] as const).filter((k) => evaluation.tally[k] > 0).map((k) => `${k}:${evaluation.tally[k]}`);
  const verdict = evaluation.errors.length > 0 ? 'CI Misconfigured' : `${evaluation.pass ? 'PASS' : 'FAIL'} [${parts.join(' ')}]`;
  const errors = evaluation.errors.map((e) => `  ${e}`);
  return `${[analysis, files, ['Evaluation:', ...errors, ...rules].join('\n') + `\n\n${verdict}`].join('\n\n')}\n`;
}
