import type { EnvLookup } from './env-lookup';
import { EnvSnapshots } from './env-snapshots';
import { PLATFORM_ARG_NAMES, PROXY_ARG_NAMES, parsePlatform, predefinedArgs } from './platform-args';
import { createShellLexer, type EscapeToken, type ShellLexer } from './shell-lexer';

/**
 * Where ARG and ENV values live while a Dockerfile is dispatched, as BuildKit's
 * dockerfile2llb does it (`defaultArgs`, `buildMetaArgs`, `dispatchArg`,
 * `dispatchEnv`; docker-semantics §2c). Pure data: callers feed declarations in
 * Dockerfile order and ask for the environment a word is expanded against.
 *
 * - Meta ARGs (before the first FROM) see only the predefined platform args and
 *   earlier meta ARGs, and are visible only to FROM lines and meta defaults.
 * - In a stage, a name exists from its ARG (or ENV) line on. `ARG X` takes the
 *   build-arg, else the global (meta) value; `ARG X=d` takes the build-arg, else
 *   `d` expanded against the stage's current environment.
 * - ARG and ENV share one environment, the last assignment wins: an ENV after an
 *   ARG of the same name overrides it (BuildKit adds both to the LLB state env;
 *   the classic builder instead lets ENV win even over a later ARG).
 */

/** An `ARG key` (value null) or `ARG key=value` (value unexpanded). */
export interface ArgDeclaration {
  readonly key: string;
  readonly value: string | null;
}

/** Where a declared ARG got its value from. */
export type ArgValueSource = 'build-arg' | 'default' | 'global' | 'none';

export interface ResolvedArg {
  readonly key: string;
  /** The value in effect, or undefined when the ARG has none (it stays unset). */
  readonly value: string | undefined;
  readonly source: ArgValueSource;
  /** Names the default referenced that were set / unset (empty unless source is 'default'). */
  readonly matched: ReadonlySet<string>;
  readonly unmatched: ReadonlySet<string>;
}

export interface ArgScopeOptions {
  /** `--build-arg` values. */
  readonly buildArgs?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** Target platform (TARGETPLATFORM ...); defaults to the build platform. */
  readonly platform?: string;
  /** The builder's platform (BUILDPLATFORM ...); Layerlab models a linux/amd64 host. */
  readonly buildPlatform?: string;
  /** TARGETSTAGE: the `--target` stage, or the last stage's name. */
  readonly targetStage?: string;
  /** The Dockerfile's escape character, for expanding ARG defaults. */
  readonly escapeToken?: EscapeToken;
}

/** A stage that starts from an image: its config `Env` (`KEY=VALUE` entries). */
export interface ImageBase {
  readonly kind: 'image';
  readonly env: readonly string[];
}

export interface StageScope {
  readonly kind: 'stage';
  /** An ARG line inside the stage. Throws DockerfileError if the default fails to expand. */
  declare(declaration: ArgDeclaration): ResolvedArg;
  /** An ENV assignment (already expanded). */
  setEnv(key: string, value: string): void;
  /** The environment words of the next instruction expand against (a snapshot: later lines do not change it). */
  lookup(): EnvLookup;
  /** The same environment as ordered entries (ARG values included: RUN sees them). */
  env(): Array<[string, string]>;
  /** ARGs declared in this stage or inherited from a parent stage, in declaration order. */
  declaredArgs(): Array<{ key: string; value: string | undefined }>;
  /** Proxy build-args not declared by an ARG: RUN gets them, history and cache do not. */
  proxyEnv(): Array<[string, string]>;
}

export interface ArgScope {
  /** An ARG before the first FROM. Throws DockerfileError if the default fails to expand. */
  declareMeta(declaration: ArgDeclaration): ResolvedArg;
  /** What FROM lines (image, `--platform`) expand against: predefined and meta args. */
  metaEnv(): EnvLookup;
  /** A new stage, from an image or continuing a previous stage (`FROM <stage>`). */
  startStage(base?: StageScope | ImageBase): StageScope;
  /** Build-args no ARG declared (sorted), for `[Warning] One or more build-args [X] were not consumed`. */
  unusedBuildArgs(): string[];
}

/** Consumed without an ARG: proxies, the predefined platform args, SOURCE_DATE_EPOCH. */
const IMPLICITLY_CONSUMED = new Set([...PROXY_ARG_NAMES, ...PLATFORM_ARG_NAMES, 'SOURCE_DATE_EPOCH']);
const PROXY_NAMES = new Set(PROXY_ARG_NAMES);
const NO_NAMES: ReadonlySet<string> = new Set();

interface Shared {
  readonly buildArgs: ReadonlyMap<string, string>;
  readonly meta: EnvSnapshots;
  readonly consumed: Set<string>;
  readonly lexer: ShellLexer;
}

function toMap(args: ArgScopeOptions['buildArgs']): Map<string, string> {
  if (args === undefined) return new Map();
  if (args instanceof Map) return new Map(args);
  return new Map(Object.entries(args as Readonly<Record<string, string>>));
}

/** Resolves one declaration: build-arg first, then the expanded default, else `fallback`. */
function resolve(shared: Shared, declaration: ArgDeclaration, env: EnvLookup, fallback: string | undefined): ResolvedArg {
  const { key, value } = declaration;
  shared.consumed.add(key);
  const buildArg = shared.buildArgs.get(key);
  if (buildArg !== undefined) return { key, value: buildArg, source: 'build-arg', matched: NO_NAMES, unmatched: NO_NAMES };
  if (value !== null) {
    const expanded = shared.lexer.expand(value, env);
    return { key, value: expanded.result, source: 'default', matched: expanded.matched, unmatched: expanded.unmatched };
  }
  const source = fallback === undefined ? 'none' : 'global';
  return { key, value: fallback, source, matched: NO_NAMES, unmatched: NO_NAMES };
}

export function createArgScope(options: ArgScopeOptions = {}): ArgScope {
  const buildArgs = toMap(options.buildArgs);
  const build = parsePlatform(options.buildPlatform ?? 'linux/amd64');
  const target = options.platform === undefined ? build : parsePlatform(options.platform);
  const shared: Shared = {
    buildArgs,
    meta: new EnvSnapshots(predefinedArgs(build, target, options.targetStage ?? '', buildArgs)),
    consumed: new Set(),
    lexer: createShellLexer(options.escapeToken ?? '\\'),
  };
  return {
    declareMeta(declaration) {
      // buildMetaArgs: a meta ARG without value and build-arg adds nothing.
      // The live environment, not a snapshot: nothing changes it while the default expands.
      const resolved = resolve(shared, declaration, shared.meta, undefined);
      if (resolved.value !== undefined) shared.meta.set(resolved.key, resolved.value);
      return resolved;
    },
    metaEnv: () => shared.meta.snapshot(),
    startStage: (base) => new Stage(shared, base),
    unusedBuildArgs: () =>
      [...buildArgs.keys()].filter((key) => !shared.consumed.has(key) && !IMPLICITLY_CONSUMED.has(key)).sort(),
  };
}

class Stage implements StageScope {
  readonly kind = 'stage';
  private readonly envMap = new EnvSnapshots();
  private readonly args = new Map<string, string | undefined>();

  constructor(
    private readonly shared: Shared,
    base: StageScope | ImageBase | undefined,
  ) {
    if (base?.kind === 'stage') {
      // FROM <stage>: the stage's state env and its build args carry over.
      for (const [key, value] of base.env()) this.envMap.set(key, value);
      for (const { key, value } of base.declaredArgs()) this.args.set(key, value);
    } else if (base?.kind === 'image') {
      for (const entry of base.env) {
        const eq = entry.indexOf('=');
        this.envMap.set(eq < 0 ? entry : entry.slice(0, eq), eq < 0 ? '' : entry.slice(eq + 1));
      }
    }
  }

  declare(declaration: ArgDeclaration): ResolvedArg {
    // dispatchArg: only `ARG X` with neither default nor build-arg inherits the meta value.
    // The live environment, not a snapshot: nothing changes it while the default expands.
    const resolved = resolve(this.shared, declaration, this.envMap, this.shared.meta.get(declaration.key));
    if (resolved.value !== undefined) this.envMap.set(resolved.key, resolved.value);
    this.args.set(resolved.key, resolved.value);
    return resolved;
  }

  setEnv(key: string, value: string): void {
    this.envMap.set(key, value);
  }

  lookup(): EnvLookup {
    return this.envMap.snapshot();
  }

  env(): Array<[string, string]> {
    return [...this.envMap.entries()];
  }

  declaredArgs(): Array<{ key: string; value: string | undefined }> {
    return [...this.args].map(([key, value]) => ({ key, value }));
  }

  proxyEnv(): Array<[string, string]> {
    return [...this.shared.buildArgs].filter(([key]) => PROXY_NAMES.has(key) && !this.args.has(key));
  }
}
