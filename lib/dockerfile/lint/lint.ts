/**
 * The linter: parse, build the shared context once, run every rule of the table, drop what
 * the options and the file's pragmas switch off, sort. Never throws: a file that does not parse
 * gives a single DL1000 finding, and a rule that fails on odd input is skipped.
 *
 * `lintDockerfile` is the same for a file the caller already parsed (the editor parses once per
 * keystroke and feeds the tree to expansion, outline and linter alike).
 */
import type { Dockerfile, Range } from '../ast';
import { isDockerfileError, type DockerfileError } from '../errors';
import { toInstructions } from '../instructions';
import type { Instructions } from '../instructions/types';
import { parseDockerfile } from '../parse';
import { LintContext } from './context';
import { lintRules } from './rules';
import { SourceText } from './source-text';
import { readSuppressions } from './suppression';
import type { Finding, LintOptions, LintResult, LintRule, RuleReport, Severity } from './types';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, style: 3 };

export function lint(source: string, options: LintOptions = {}): LintResult {
  let findings: Finding[];
  try {
    findings = collect(String(source), options);
  } catch (error) {
    if (options.debug) throw error;
    findings = [];
  }
  return toResult(findings, options);
}

/**
 * Lints a file already parsed by `parseDockerfile` (and, when given, `toInstructions` of it):
 * the same result as `lint(source)`, without parsing again. Neither input is modified, so the
 * caller can share them with other passes. Without `instructions` they are derived here, and a
 * file `toInstructions` rejects gives the DL1000 finding, as in `lint`.
 */
export function lintDockerfile(dockerfile: Dockerfile, instructions?: Instructions, options: LintOptions = {}): LintResult {
  let findings: Finding[];
  try {
    findings = collectParsed(dockerfile, instructions, dockerfile.source, options);
  } catch (error) {
    if (options.debug) throw error;
    findings = [];
  }
  return toResult(findings, options);
}

function toResult(findings: Finding[], options: LintOptions): LintResult {
  findings.sort(
    (a, b) =>
      a.line - b.line ||
      a.column - b.column ||
      a.range.start.line - b.range.start.line ||
      a.range.start.column - b.range.start.column ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
  const threshold = options.failureThreshold ?? 'info';
  const failed = threshold !== 'none' && findings.some((f) => RANK[f.severity] <= RANK[threshold]);
  return { findings, failed };
}

function collect(source: string, options: LintOptions): Finding[] {
  let dockerfile: Dockerfile;
  try {
    dockerfile = parseDockerfile(source);
  } catch (error) {
    return parseFailure(error, source, options);
  }
  return collectParsed(dockerfile, undefined, source, options);
}

function collectParsed(dockerfile: Dockerfile, instructions: Instructions | undefined, source: string, options: LintOptions): Finding[] {
  let ctx: LintContext;
  try {
    ctx = new LintContext(new SourceText(dockerfile.source), dockerfile, instructions ?? toInstructions(dockerfile), options);
  } catch (error) {
    return parseFailure(error, source, options);
  }
  return collectFrom(ctx, options);
}

/** A DockerfileError while parsing becomes the DL1000 finding; anything else is a crash. */
function parseFailure(error: unknown, source: string, options: LintOptions): Finding[] {
  if (!isDockerfileError(error)) throw error;
  const skip = options.ignore ?? [];
  return skip.includes('DL1000') || skip.includes('ParseError') ? [] : [parseErrorFinding(error, source)];
}

function collectFrom(ctx: LintContext, options: LintOptions): Finding[] {
  const suppressions = readSuppressions(ctx.dockerfile);
  const ignored = new Set(options.ignore ?? []);
  const findings: Finding[] = [];
  // One reporter for the whole table, reading the rule being run: not a closure per rule.
  let rule = lintRules[0] as LintRule;
  let severity: Severity = rule.severity;
  const report = (r: RuleReport): void => {
    if (suppressions.ignores(rule, r.node)) return;
    const range = r.range ?? r.node.keywordRange;
    // line/column name the instruction, as hadolint reports it; range is the exact spot.
    const at = r.node.range.start;
    const finding: Finding = { rule: rule.id, name: rule.name, severity, message: r.message, line: at.line, column: at.column, range };
    if (r.fix) finding.fix = r.fix;
    findings.push(finding);
  };
  for (const next of lintRules) {
    if (ignored.has(next.id) || ignored.has(next.name) || suppressions.ignores(next)) continue;
    rule = next;
    severity = rule.source === 'buildkit' && suppressions.buildkitAsErrors ? 'error' : rule.severity;
    try {
      rule.check(ctx, report);
    } catch (error) {
      // A rule must not take the whole lint down on input nobody anticipated.
      if (options.debug) throw error;
    }
  }
  return findings;
}

function parseErrorFinding(error: DockerfileError, source: string): Finding {
  const text = new SourceText(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
  const line = Math.min(Math.max(error.range?.start.line ?? error.line ?? 1, 1), text.lineCount);
  const range: Range = error.range ?? { start: { line, column: 1 }, end: { line, column: text.lineText(line).length + 1 } };
  return {
    rule: 'DL1000',
    name: 'ParseError',
    severity: 'error',
    message: error.message,
    line: range.start.line,
    column: range.start.column,
    range,
  };
}

/**
 * hadolint's tty output without colours (`Hadolint.Formatter.TTY`): one line per finding,
 * `Dockerfile:3 DL3008 warning: Pin versions in apt get install...`, joined with `\n`
 * (no trailing newline; an empty string when there are no findings).
 */
export function formatFindings(file: string, findings: readonly Finding[]): string {
  return findings.map((f) => `${file}:${f.line} ${f.rule} ${f.severity}: ${f.message}`).join('\n');
}
