/**
 * Dockerfile word expansion (`$VAR`, `${VAR:-x}`, quotes, escapes) exactly as
 * BuildKit's `frontend/dockerfile/shell` lexer, and the ARG/ENV scoping rules
 * of `dockerfile2llb` that decide what a word is expanded against.
 *
 * Typical use while dispatching a Dockerfile:
 *
 *   const lexer = createShellLexer(escapeToken);
 *   const scope = createArgScope({ buildArgs, platform, escapeToken });
 *   scope.declareMeta({ key: 'BASE', value: 'alpine:${VERSION:-3.20}' });
 *   const image = lexer.expandWord('$BASE', scope.metaEnv());          // FROM
 *   const stage = scope.startStage({ kind: 'image', env: config.Env });
 *   stage.declare({ key: 'APP', value: null });                        // ARG APP
 *   const { result, unmatched } = lexer.expand('/srv/$APP', stage.lookup());
 *
 * Every failure is a DockerfileError with code 'expansion' and BuildKit's text.
 */

export {
  createShellLexer,
  expansionReason,
  type EscapeToken,
  type ExpandResult,
  type ShellLexer,
  type ShellLexOptions,
} from './shell-lexer';
export { EMPTY_ENV, envFromList, envFromRecord, type EnvLookup } from './env-lookup';
export {
  createArgScope,
  type ArgDeclaration,
  type ArgScope,
  type ArgScopeOptions,
  type ArgValueSource,
  type ImageBase,
  type ResolvedArg,
  type StageScope,
} from './arg-scope';
export {
  PLATFORM_ARG_NAMES,
  PROXY_ARG_NAMES,
  formatPlatform,
  parsePlatform,
  type PlatformSpec,
} from './platform-args';
