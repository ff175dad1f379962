// Public surface of lib/dockerfile (see README.md). Other areas import only from here.
export type * from './ast';
export { DockerfileError, isDockerfileError, type DockerfileErrorCode } from './errors';
export { formatErrorSnippet } from './error-snippet';
export { parseDockerfile, dumpDockerfile } from './parse';
export { toInstructions, INSTRUCTION_NAMES, INSTRUCTION_FLAGS, suggest, withSuggestion } from './instructions';
export type * from './instructions/types';
// expand's ArgDeclaration is a subset of the instructions' one ({ key, value }), so only the latter is exported.
export {
  createShellLexer,
  expansionReason,
  EMPTY_ENV,
  envFromList,
  envFromRecord,
  createArgScope,
  PLATFORM_ARG_NAMES,
  PROXY_ARG_NAMES,
  formatPlatform,
  parsePlatform,
} from './expand';
export type {
  EscapeToken,
  ExpandResult,
  ShellLexer,
  ShellLexOptions,
  EnvLookup,
  ArgScope,
  ArgScopeOptions,
  ArgValueSource,
  ImageBase,
  ResolvedArg,
  StageScope,
  PlatformSpec,
} from './expand';
export { lint, lintDockerfile, lintRules, formatFindings, LINT_SEVERITIES } from './lint';
export type { Finding, LintFix, LintOptions, LintResult, LintRule, LintThreshold, RuleSource, Severity } from './lint';
export {
  parseIgnore,
  isIgnored,
  explainIgnored,
  createContextFilter,
  ILLEGAL_EXCLUSION,
  BAD_PATTERN,
  type IgnoreFile,
  type IgnorePattern,
  type ContextFilter,
  type ContextFilterOptions,
  type CompiledPattern,
  type PatternMatchKind,
} from './ignore';
