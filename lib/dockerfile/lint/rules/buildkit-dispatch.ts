/**
 * A dry run of BuildKit's dispatch (`dockerfile2llb/convert.go`) that only records the lint
 * events it would raise: which words expand with unset variables, how FROM lines expand against
 * the meta ARGs, relative WORKDIRs, secret-looking ARG/ENV names and EXPOSE formats. It runs
 * once per lint and the variable rules each read their own events.
 */
import type { FlagWord, InstructionNode, Range, Word } from '../../ast';
import { isDockerfileError } from '../../errors';
import {
  createArgScope, createShellLexer, parsePlatform, PLATFORM_ARG_NAMES, type EnvLookup, type ExpandResult, type StageScope,
} from '../../expand';
import type { Instruction, KeyValue } from '../../instructions/types';
import { suggest } from '../../instructions/suggest';
import type { LintContext, StageInfo } from '../context';
import { isValidImageReference } from '../image-ref';

export type DispatchEvent =
  | { kind: 'undefined-var'; node: InstructionNode; range: Range; name: string; suggestion: string | null }
  | { kind: 'undefined-arg-in-from'; node: InstructionNode; range: Range; name: string; suggestion: string | null }
  | { kind: 'invalid-default-arg'; node: InstructionNode; range: Range; baseName: string }
  | { kind: 'redundant-platform'; node: InstructionNode; range: Range; flag: FlagWord; platform: string }
  | { kind: 'const-platform'; node: InstructionNode; range: Range; platform: string }
  | { kind: 'relative-workdir'; node: InstructionNode; range: Range; path: string }
  | { kind: 'secret'; node: InstructionNode; range: Range; instruction: 'ARG' | 'ENV'; key: string }
  | { kind: 'expose'; node: InstructionNode; word: Word; port: string };

// BuildKit always gives a stage a PATH (`system.DefaultPathEnv`) when the image has none.
const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
// ARGs BuildKit consumes itself (convert.go `nonEnvArgs`).
const NON_ENV_ARGS = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

interface DispatchState {
  scope: StageScope;
  workdirSet: boolean;
  /** ARGs declared so far in the stage: their unset uses are not reported. */
  buildArgs: Set<string>;
}

export function dispatchEvents(ctx: LintContext): DispatchEvent[] {
  return ctx.memo('buildkit-dispatch', () => new Dispatcher(ctx).run());
}

/** The range of just the key of an `ARG KEY=value` word, when it is on one line. */
function keyRange(range: Range, key: string): Range {
  return { start: range.start, end: { line: range.start.line, column: range.start.column + key.length } };
}

class Dispatcher {
  private readonly events: DispatchEvent[] = [];
  private readonly lexer;
  private readonly scope;
  private readonly metaKeys: string[] = [];
  private readonly reported = new Map<InstructionNode, Set<string>>();

  constructor(private readonly ctx: LintContext) {
    this.lexer = createShellLexer(ctx.escape);
    this.scope = createArgScope({ escapeToken: ctx.escape, targetStage: ctx.finalStage?.name ?? '' });
  }

  run(): DispatchEvent[] {
    let metaOk = true;
    for (const ins of this.ctx.instructions.metaArgs) {
      for (const decl of ins.args) {
        this.metaKeys.push(decl.key);
        try {
          this.scope.declareMeta({ key: decl.key, value: decl.value });
        } catch (error) {
          if (!isDockerfileError(error)) throw error;
          metaOk = false; // BuildKit abandons the FROM checks when the meta ARGs do not expand
        }
      }
    }
    this.metaKeys.push(...PLATFORM_ARG_NAMES);
    if (metaOk) for (const stage of this.ctx.stages) this.checkFrom(stage);
    const scopes = new Map<StageInfo, DispatchState>();
    for (const stage of this.ctx.stages) {
      const parent = stage.parent ? scopes.get(stage.parent) : undefined;
      const env = this.ctx.options.baseImageEnv?.(stage.stage.from.image.value) ?? [DEFAULT_PATH];
      const scope = this.scope.startStage(parent ? parent.scope : { kind: 'image', env: env.some((e) => e.startsWith('PATH=')) ? env : [...env, DEFAULT_PATH] });
      const state: DispatchState = { scope, workdirSet: parent?.workdirSet ?? false, buildArgs: new Set(scope.declaredArgs().map((a) => a.key)) };
      for (const ins of stage.stage.commands) {
        try {
          this.dispatch(ins, state);
        } catch (error) {
          if (!isDockerfileError(error)) throw error; // an expansion error fails the build there; keep linting
        }
      }
      scopes.set(stage, state);
    }
    return this.events;
  }

  private checkFrom(stage: StageInfo): void {
    const from = stage.stage.from;
    const env = this.scope.metaEnv();
    try {
      const image = this.lexer.expand(from.image.value, env);
      this.undefinedInFrom(from.node, from.image.range, image.unmatched);
      // Without a variable the build itself reports a bad name; the check is about ARG defaults.
      if (from.image.value.includes('$') && !isValidImageReference(image.result)) {
        this.events.push({ kind: 'invalid-default-arg', node: from.node, range: from.image.range, baseName: from.image.value });
      }
    } catch (error) {
      if (!isDockerfileError(error)) throw error;
    }
    const flag = from.node.flags.find((f) => f.name === 'platform');
    if (from.platform === null || !flag) return;
    try {
      const platform = this.lexer.expand(from.platform, env);
      this.undefinedInFrom(from.node, flag.range, platform.unmatched);
      const { matched, unmatched, result } = platform;
      if (matched.size === 1 && matched.has('TARGETPLATFORM') && unmatched.size === 0 && result === env.get('TARGETPLATFORM')) {
        this.events.push({ kind: 'redundant-platform', node: from.node, range: flag.range, flag, platform: from.platform });
      }
      if (matched.size === 0 && unmatched.size === 0) {
        const spec = parsePlatform(result);
        const name = stage.name ?? '';
        if (!name.includes(spec.os) && !name.includes(spec.architecture)) {
          this.events.push({ kind: 'const-platform', node: from.node, range: flag.range, platform: result });
        }
      }
    } catch (error) {
      if (!isDockerfileError(error)) throw error;
    }
  }

  private undefinedInFrom(node: InstructionNode, range: Range, unmatched: ReadonlySet<string>): void {
    for (const name of unmatched) {
      if (this.metaKeys.includes(name)) continue;
      this.events.push({ kind: 'undefined-arg-in-from', node, range, name, suggestion: suggest(name, this.metaKeys, true) });
    }
  }

  /** Expands one word and records its unset variables (reportUnmatchedVariables). */
  private expand(node: InstructionNode, range: Range, text: string, state: DispatchState, env: EnvLookup): ExpandResult | null {
    // Most words are plain: without `$`, quotes or escapes the lexer would return them unchanged
    // (callers then use the text itself; no result object is allocated for them).
    if (!NEEDS_LEXER.test(text)) return null;
    const result = this.lexer.expand(text, env);
    this.unmatched(node, range, result.unmatched, state, null);
    return result;
  }

  /** `expand`, for callers that need the expanded text. */
  private expandText(node: InstructionNode, range: Range, text: string, state: DispatchState, env: EnvLookup): string {
    return this.expand(node, range, text, state, env)?.result ?? text;
  }

  private expandFlag(node: InstructionNode, name: string, state: DispatchState, env: EnvLookup): void {
    for (const f of node.flags) {
      if (f.name !== name) continue;
      if (f.value) this.expand(node, f.range, f.value, state, env);
      return; // the first flag of that name, as `find` would
    }
  }

  /**
   * Records the unset names no ARG declared. `options` are the names to suggest from; null
   * means the stage's current environment, only listed when there is something to report.
   */
  private unmatched(node: InstructionNode, range: Range, names: ReadonlySet<string>, state: DispatchState, options: readonly string[] | null): void {
    if (names.size === 0) return;
    for (const name of names) {
      if (state.buildArgs.has(name) || NON_ENV_ARGS.has(name)) continue;
      // One warning per variable and instruction, even when several words use it.
      const seen = this.reported.get(node) ?? new Set<string>();
      if (seen.has(name)) continue;
      seen.add(name);
      this.reported.set(node, seen);
      options ??= state.scope.env().map(([k]) => k);
      this.events.push({ kind: 'undefined-var', node, range, name, suggestion: suggest(name, options, true) });
    }
  }

  // Loops and methods instead of per-instruction closures and spread copies: this runs for every
  // instruction on every keystroke.
  private dispatch(ins: Instruction, state: DispatchState): void {
    const node = ins.node;
    // Every word of an instruction expands against the environment as it was before it.
    const env = state.scope.lookup();
    switch (ins.kind) {
      case 'copy':
      case 'add':
        this.expandFlag(node, 'chown', state, env);
        this.expandFlag(node, 'chmod', state, env);
        if (ins.kind === 'add') this.expandFlag(node, 'checksum', state, env);
        for (const w of ins.sources) this.expand(node, w.range, w.value, state, env);
        this.expand(node, ins.destination.range, ins.destination.value, state, env);
        return;
      case 'env': {
        // All values are expanded before any is set (dispatchEnv).
        const keys: string[] = [];
        const values: string[] = [];
        for (const p of ins.pairs) {
          keys.push(this.expandText(node, p.keyRange, p.key, state, env));
          values.push(this.expandText(node, p.valueRange, p.value, state, env));
        }
        for (let i = 0; i < keys.length; i++) {
          this.secret(node, (ins.pairs[i] as KeyValue).keyRange, 'ENV', keys[i] as string);
          state.scope.setEnv(keys[i] as string, values[i] as string);
        }
        return;
      }
      case 'label':
        for (const p of ins.pairs) {
          this.expand(node, p.keyRange, p.key, state, env);
          this.expand(node, p.valueRange, p.value, state, env);
        }
        return;
      case 'expose':
        for (const w of ins.ports) {
          const expanded = this.expand(node, w.range, w.value, state, env);
          if (expanded === null) {
            if (w.value !== '') this.events.push({ kind: 'expose', node, word: w, port: w.value });
          } else for (const port of expanded.words) this.events.push({ kind: 'expose', node, word: w, port });
        }
        return;
      case 'user':
        this.expand(node, ins.user.range, ins.user.value, state, env);
        return;
      case 'stopsignal':
        this.expand(node, ins.signal.range, ins.signal.value, state, env);
        return;
      case 'volume':
        for (const w of ins.volumes) this.expand(node, w.range, w.value, state, env);
        return;
      case 'workdir': {
        const path = this.expandText(node, ins.path.range, ins.path.value, state, env);
        // Only the first WORKDIR of a stage (or its parents) is checked: fixing it fixes the rest.
        if (!state.workdirSet && !path.startsWith('/')) this.events.push({ kind: 'relative-workdir', node, range: ins.path.range, path });
        state.workdirSet = true;
        return;
      }
      case 'arg':
        for (const decl of ins.args) {
          this.secret(node, keyRange(decl.range, decl.key), 'ARG', decl.key);
          // Suggestions come from the environment before this ARG is added (dispatchArg).
          const existed = state.scope.lookup().get(decl.key) !== undefined;
          const resolved = state.scope.declare({ key: decl.key, value: decl.value });
          if (resolved.unmatched.size > 0) {
            const before = state.scope.env().map(([k]) => k);
            this.unmatched(node, decl.range, resolved.unmatched, state, existed ? before : before.filter((k) => k !== decl.key));
          }
          state.buildArgs.add(decl.key);
        }
        return;
      default:
    }
  }

  private secret(node: InstructionNode, range: Range, instruction: 'ARG' | 'ENV', key: string): void {
    if (SECRET.test(key) && !ALLOWED.test(key)) this.events.push({ kind: 'secret', node, range, instruction, key });
  }
}

// Characters that make the lexer change a word; without them it expands to itself.
const NEEDS_LEXER = /[$'"\\`]/;

// BuildKit `getSecretsRegex`: a secret-ish token as a whole `_`-separated part of the name,
// unless an allow-listed token (PUBLIC, and since buildkit#6501 FILE and VERSION) is also there.
const SECRET = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOWED = /(?:_|^)(?:public|file|version)(?:_|$)/i;
