/**
 * Public types of the Dockerfile linter. Findings are data (DESIGN.md §5): lint never throws,
 * a Dockerfile that does not parse yields one DL1000 finding.
 */
import type { InstructionNode, Range } from '../ast';
import type { LintContext } from './context';

/** hadolint's severities, most severe first. */
export type Severity = 'error' | 'warning' | 'info' | 'style';

export const LINT_SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'style'];

/** `--failure-threshold`: a severity, or 'none' to never fail. */
export type LintThreshold = Severity | 'none';

/** Where a rule comes from: hadolint's DLxxxx table, BuildKit's build checks, or our own rules. */
export type RuleSource = 'hadolint' | 'buildkit' | 'layerlab';

/** One text edit: replace `range` (end exclusive; start = end for an insertion) with `text`. */
export interface LintFix {
  /** What the edit does, for a quick-fix menu: "Add --no-cache-dir". */
  title: string;
  range: Range;
  text: string;
}

export interface Finding {
  /** Rule id: `DL3008`, `StageNameCasing`, `LL1001`, `DL1000` for a parse error. */
  rule: string;
  /** PascalCase rule name (for BuildKit checks the same as `rule`). */
  name: string;
  severity: Severity;
  message: string;
  /**
   * 1-based line and column where the instruction starts, as hadolint reports findings (its
   * tty and JSON output, and tools that read them, key on the instruction's line).
   */
  line: number;
  column: number;
  /** The exact instruction, flag or argument the finding is about (what the editor underlines). */
  range: Range;
  /** A mechanical fix, when there is one. */
  fix?: LintFix;
}

export interface LintOptions {
  /** Findings at or above this severity make `failed` true; 'none' never fails. Default 'info' (as hadolint). */
  failureThreshold?: LintThreshold;
  /** Rule ids or names to skip (`DL3008`, `UndefinedVar`, `LL1002`). */
  ignore?: readonly string[];
  /**
   * Whether the build context has a .dockerignore. Undefined means "not known": the rule that
   * needs it (LL1004) is then not checked.
   */
  hasDockerignore?: boolean;
  /**
   * The config `Env` (`KEY=value` entries) of a base image, when the caller knows it (e.g. from
   * the hub). Without it only PATH is assumed, as BuildKit always sets it; a variable the base
   * image defines (`$NODE_VERSION`) would then be reported by UndefinedVar.
   */
  baseImageEnv?: (image: string) => readonly string[] | undefined;
  /** Tests only: rethrow an exception from a rule instead of skipping the rule. */
  debug?: boolean;
}

export interface LintResult {
  /** Sorted by line, column, then rule id. */
  findings: Finding[];
  /** True when a finding is at or above `failureThreshold`. */
  failed: boolean;
}

/** What a rule hands to the linter; the linter fills in ids, severity and suppression. */
export interface RuleReport {
  /** The instruction the finding belongs to (inline `# hadolint ignore=` pragmas apply to it). */
  node: InstructionNode;
  /** Defaults to the instruction's keyword. */
  range?: Range;
  message: string;
  fix?: LintFix;
}

export type Reporter = (report: RuleReport) => void;

export interface LintRule {
  id: string;
  name: string;
  severity: Severity;
  /** One line: what the rule asks for. */
  summary: string;
  /** Two to four sentences a student learns from. */
  explanation: string;
  exampleFix: { bad: string; good: string };
  source: RuleSource;
  check(ctx: LintContext, report: Reporter): void;
}
