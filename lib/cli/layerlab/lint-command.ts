import { formatFindings, lint, LINT_SEVERITIES, type LintThreshold } from '@/lib/dockerfile';
import { parseOptions } from '../common/options';
import type { CliIO } from './io';
import { readDockerfile } from './parse-command';

export const LINT_USAGE = `Usage:  layerlab lint FILE [--json] [--failure-threshold LEVEL]

Check a Dockerfile against hadolint's rules, BuildKit's build checks and Layerlab's own.

Options:
      --json                     Print {"findings":[...]} instead of one line per finding
      --failure-threshold LEVEL  Exit 1 when a finding is at or above LEVEL:
                                 error, warning, info (default), style or none
`;

const THRESHOLDS: readonly string[] = [...LINT_SEVERITIES, 'none'];

/** `layerlab lint FILE [--json] [--failure-threshold LEVEL]`, exit code as hadolint's. */
export async function lintCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseOptions(argv, { json: { type: 'bool' }, 'failure-threshold': { type: 'string' }, help: { type: 'bool', short: 'h' } });
  if (args.bools.has('help')) {
    io.stdout(LINT_USAGE);
    return 0;
  }
  const file = args.positionals[0];
  if (args.positionals.length !== 1 || file === undefined) {
    io.stderr(`"layerlab lint" requires exactly 1 file.\n\n${LINT_USAGE}`);
    return 1;
  }
  const threshold = args.strings.get('failure-threshold') ?? 'info';
  if (!THRESHOLDS.includes(threshold)) {
    io.stderr(`invalid argument "${threshold}" for "--failure-threshold": expected one of ${THRESHOLDS.join(', ')}\n`);
    return 1;
  }
  const source = await readDockerfile(file, io);
  if (source === null) return 1;
  const contextDir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  const hasDockerignore = await io.exists(`${contextDir}.dockerignore`);
  const result = lint(source, { failureThreshold: threshold as LintThreshold, hasDockerignore });
  if (args.bools.has('json')) {
    const findings = result.findings.map((f) => ({ rule: f.rule, severity: f.severity, line: f.line, column: f.column, message: f.message }));
    io.stdout(`${JSON.stringify({ findings })}\n`);
  } else if (result.findings.length > 0) {
    io.stdout(`${formatFindings(file, result.findings)}\n`);
  }
  return result.failed ? 1 : 0;
}
