/**
 * Dockerfile linting: hadolint's DL rules, BuildKit's build checks and Layerlab's own LL rules,
 * as one table of data (`lintRules`) run by `lint(source, options)`, or by
 * `lintDockerfile(dockerfile, instructions, options)` for a file already parsed.
 */
export { formatFindings, lint, lintDockerfile } from './lint';
export { lintRules } from './rules';
export { LINT_SEVERITIES } from './types';
export type { Finding, LintFix, LintOptions, LintResult, LintRule, LintThreshold, RuleSource, Severity } from './types';
