/**
 * Lint findings (and the DL1000 parse error) as editor markers: Monaco's `IMarkerData` fields,
 * with the severity as a name so this stays free of Monaco values (the adapter maps it).
 */
import { lintRules, type Finding, type LintRule, type Range, type RuleSource, type Severity } from '@/lib/dockerfile';

export type MarkerSeverityName = 'error' | 'warning' | 'info' | 'hint';

export interface EditorMarker {
  severity: MarkerSeverityName;
  message: string;
  /** The rule id (`DL3007`); `href` is where its documentation lives, when the app has a page for it. */
  code: { value: string; href: string | null };
  /** Where the rule comes from and its own severity: `hadolint · warning`. */
  source: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

export interface RuleInfo {
  id: string;
  name: string;
  severity: Severity;
  source: RuleSource | 'dockerfile';
  summary: string;
  explanation: string;
}

const PARSE_ERROR: RuleInfo = {
  id: 'DL1000',
  name: 'ParseError',
  severity: 'error',
  source: 'dockerfile',
  summary: 'The Dockerfile does not parse.',
  explanation:
    'Docker reads the whole Dockerfile before it builds anything, so a syntax error stops the build before the first step. The message is the one `docker build` prints; fix the line it names.',
};

let byId: Map<string, LintRule> | null = null;

/** The rule table entry for a finding's rule id, with DL1000 (parse errors) included. */
export function ruleInfo(id: string): RuleInfo | undefined {
  if (id === PARSE_ERROR.id) return PARSE_ERROR;
  byId ??= new Map(lintRules.map((rule) => [rule.id, rule]));
  const rule = byId.get(id);
  return rule && { id: rule.id, name: rule.name, severity: rule.severity, source: rule.source, summary: rule.summary, explanation: rule.explanation };
}

/**
 * hadolint's four severities onto Monaco's: `style` findings (formatting, casing) are hints, drawn
 * faintly, so they do not compete with what breaks or bloats an image.
 */
export const SEVERITY_TO_MARKER: Readonly<Record<Severity, MarkerSeverityName>> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  style: 'hint',
};

export interface MarkerOptions {
  /** Link target of a rule's documentation (a page of the app); null for none. */
  ruleHref?: (ruleId: string) => string | null;
}

export function toMarkers(text: string, findings: readonly Finding[], options: MarkerOptions = {}): EditorMarker[] {
  const lines = text.split(/\r\n|\r|\n/);
  return findings.map((finding) => {
    const range = visibleRange(lines, finding.range);
    const info = ruleInfo(finding.rule);
    return {
      severity: SEVERITY_TO_MARKER[finding.severity],
      message: finding.message,
      code: { value: finding.rule, href: options.ruleHref?.(finding.rule) ?? null },
      source: `${info?.source ?? 'lint'} · ${finding.severity}`,
      startLineNumber: range.start.line,
      startColumn: range.start.column,
      endLineNumber: range.end.line,
      endColumn: range.end.column,
    };
  });
}

/**
 * An empty range (an insertion point, a parse error at the end of a line) would draw nothing:
 * widen it to the character after it, or before it at the end of a line, or the whole line.
 */
export function visibleRange(lines: readonly string[], range: Range): Range {
  const { start, end } = range;
  if (start.line !== end.line || start.column !== end.column) return range;
  const length = (lines[start.line - 1] ?? '').length;
  if (start.column <= length) return { start, end: { line: start.line, column: start.column + 1 } };
  if (length > 0) return { start: { line: start.line, column: length }, end: { line: start.line, column: length + 1 } };
  return { start: { line: start.line, column: 1 }, end: { line: start.line, column: 1 } };
}
