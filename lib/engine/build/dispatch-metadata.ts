import type { CommandLine, Instruction } from '@/lib/dockerfile';
import {
  commandArgv,
  createHistoryEntry,
  parseExposePorts,
  updateConfig,
  withAuthor,
  withEnv,
  withExposedPorts,
  withHistory,
  withLabels,
  withOnBuild,
  withVolumes,
  type CommandForm,
  type HealthConfig,
  type HistoryStep,
  type ImageConfig,
} from '../image';
import { classicKeyOf, type StepOutcome } from './layer-step';
import { BuildError, type StageState, type StepContext } from './session';

/**
 * Instructions that only edit the image config (dockerfile2llb `dispatchEnv`, `dispatchLabel`,
 * `dispatchCmd`...). In BuildKit they never change a later step's cache key except through the
 * state later steps read (ENV/ARG → RUN env, USER, SHELL): they are not vertices. The classic
 * builder commits each as an intermediate image and looks it up in its cache (§2a.3).
 */

type Of<K extends Instruction['kind']> = Extract<Instruction, { kind: K }>;

/** Records the history entry and, for the classic builder, the cache lookup of the no-op commit. */
export async function metadataStep(ctx: StepContext, state: StageState, config: ImageConfig, step: HistoryStep, extra: Partial<StageState> = {}): Promise<StepOutcome> {
  const { session } = ctx;
  const shell = step.kind === 'shell' ? state.config.config.Shell : config.config.Shell;
  if (session.mode !== 'classic') {
    // BuildKit: no time of its own; the exporter gives it the time of the layer before it (history-times.ts).
    const entry = createHistoryEntry(step, session.mode, { ...(session.sourceDateEpoch !== null ? { created: session.sourceDateEpoch } : {}), shell, author: config.author });
    return { state: { ...state, ...extra, config: entry === null ? config : withHistory(config, entry) }, cached: false, simulatedSeconds: 0 };
  }
  // Classic: each instruction commits an intermediate image; a cache hit reuses it, time included.
  const probe = createHistoryEntry(step, session.mode, { shell, author: config.author });
  const key = await classicKeyOf(ctx, state, config.config, probe?.created_by ?? step.kind);
  const record = !session.noCache && !state.classicBusted ? await session.io.store.get('buildCache', key) : undefined;
  const cached = record !== undefined;
  const created = record?.created ?? session.wallTime();
  if (!cached) await session.io.store.write((tx) => tx.put('buildCache', key, { result: { diffId: null }, created, lastUsed: created }));
  const entry = createHistoryEntry(step, session.mode, { created: session.sourceDateEpoch ?? created, shell, author: config.author });
  const next = entry === null ? config : withHistory(config, entry);
  return {
    state: { ...state, ...extra, config: next, classicKey: key, classicBusted: state.classicBusted || !cached },
    cached,
    simulatedSeconds: 0,
    classicId: key.slice(7, 19),
  };
}

const expand = (ctx: StepContext, state: StageState, word: string): string => ctx.session.lexer.expandWord(word, state.scope.lookup());

/** `CMD`/`ENTRYPOINT`/`HEALTHCHECK` command lines: shell form runs through the SHELL. */
export function commandForm(command: CommandLine): CommandForm {
  return command.form === 'shell' ? { form: 'shell', text: command.text } : { form: 'exec', args: command.args };
}

export async function dispatchEnv(ctx: StepContext, state: StageState, instr: Of<'env'>): Promise<StepOutcome> {
  // All pairs expand against the environment before the instruction (BuildKit expands the whole command first).
  const pairs = instr.pairs.map((p) => [expand(ctx, state, p.key), expand(ctx, state, p.value)] as const);
  for (const [key, value] of pairs) state.scope.setEnv(key, value);
  return metadataStep(ctx, state, withEnv(state.config, pairs), { kind: 'env', pairs });
}

export async function dispatchLabel(ctx: StepContext, state: StageState, instr: Of<'label'>): Promise<StepOutcome> {
  const pairs = instr.pairs.map((p) => [expand(ctx, state, p.key), expand(ctx, state, p.value)] as const);
  return metadataStep(ctx, state, withLabels(state.config, pairs), { kind: 'label', pairs });
}

export async function dispatchArg(ctx: StepContext, state: StageState, instr: Of<'arg'>): Promise<StepOutcome> {
  const args = instr.args.map((decl) => {
    const resolved = state.scope.declare({ key: decl.key, value: decl.value });
    // Classic history shows the Dockerfile default, BuildKit the effective value.
    const shown = ctx.session.mode === 'classic' ? decl.value : (resolved.value ?? null);
    return { key: decl.key, value: shown };
  });
  return metadataStep(ctx, state, state.config, { kind: 'arg', args });
}

export async function dispatchUser(ctx: StepContext, state: StageState, instr: Of<'user'>): Promise<StepOutcome> {
  const user = expand(ctx, state, instr.user.value);
  return metadataStep(ctx, state, updateConfig(state.config, { User: user }), { kind: 'user', user });
}

export async function dispatchExpose(ctx: StepContext, state: StageState, instr: Of<'expose'>): Promise<StepOutcome> {
  const ports = instr.ports.flatMap((w) => ctx.session.lexer.expandWords(w.value, state.scope.lookup()));
  return metadataStep(ctx, state, withExposedPorts(state.config, parseExposePorts(ports)), { kind: 'expose', ports });
}

export async function dispatchCmd(ctx: StepContext, state: StageState, instr: Of<'cmd'>): Promise<StepOutcome> {
  const command = commandForm(instr.command);
  const argv = commandArgv(command, state.config.config.Shell ?? undefined);
  return metadataStep(ctx, state, updateConfig(state.config, { Cmd: argv }), { kind: 'cmd', command }, { cmdSet: true });
}

export async function dispatchEntrypoint(ctx: StepContext, state: StageState, instr: Of<'entrypoint'>): Promise<StepOutcome> {
  const command = commandForm(instr.command);
  const argv = commandArgv(command, state.config.config.Shell ?? undefined);
  // dispatchEntrypoint: a CMD inherited from the base is reset; one set in this stage is kept.
  const patch = state.cmdSet ? { Entrypoint: argv } : { Entrypoint: argv, Cmd: undefined };
  return metadataStep(ctx, state, updateConfig(state.config, patch), { kind: 'entrypoint', command });
}

export async function dispatchVolume(ctx: StepContext, state: StageState, instr: Of<'volume'>): Promise<StepOutcome> {
  const volumes = instr.volumes.map((w) => expand(ctx, state, w.value));
  if (volumes.some((v) => v.trim() === '')) throw new BuildError('VOLUME specified can not be an empty string', instr.range);
  return metadataStep(ctx, state, withVolumes(state.config, volumes), { kind: 'volume', volumes });
}

export async function dispatchShell(ctx: StepContext, state: StageState, instr: Of<'shell'>): Promise<StepOutcome> {
  return metadataStep(ctx, state, updateConfig(state.config, { Shell: instr.shell }), { kind: 'shell', shell: instr.shell });
}

export async function dispatchStopsignal(ctx: StepContext, state: StageState, instr: Of<'stopsignal'>): Promise<StepOutcome> {
  const signal = expand(ctx, state, instr.signal.value);
  return metadataStep(ctx, state, updateConfig(state.config, { StopSignal: signal }), { kind: 'stopsignal', signal });
}

export async function dispatchHealthcheck(ctx: StepContext, state: StageState, instr: Of<'healthcheck'>): Promise<StepOutcome> {
  const test = instr.test.type === 'none' ? ['NONE'] : instr.test.command.form === 'shell' ? ['CMD-SHELL', instr.test.command.text] : ['CMD', ...instr.test.command.args];
  const healthcheck: HealthConfig = {
    Test: test,
    ...(instr.interval !== null ? { Interval: parseDuration(instr.interval) } : {}),
    ...(instr.timeout !== null ? { Timeout: parseDuration(instr.timeout) } : {}),
    ...(instr.startPeriod !== null ? { StartPeriod: parseDuration(instr.startPeriod) } : {}),
    ...(instr.startInterval !== null ? { StartInterval: parseDuration(instr.startInterval) } : {}),
    ...(instr.retries !== null ? { Retries: instr.retries } : {}),
  };
  return metadataStep(ctx, state, updateConfig(state.config, { Healthcheck: healthcheck }), { kind: 'healthcheck', healthcheck });
}

export async function dispatchMaintainer(ctx: StepContext, state: StageState, instr: Of<'maintainer'>): Promise<StepOutcome> {
  const maintainer = expand(ctx, state, instr.maintainer);
  return metadataStep(ctx, state, withAuthor(state.config, maintainer), { kind: 'maintainer', maintainer });
}

export async function dispatchOnbuild(ctx: StepContext, state: StageState, instr: Of<'onbuild'>): Promise<StepOutcome> {
  return metadataStep(ctx, state, withOnBuild(state.config, instr.expression), { kind: 'onbuild', expression: instr.expression });
}

const DURATION_UNITS: Readonly<Record<string, number>> = { ns: 1, us: 1e3, 'µs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Go `time.ParseDuration` for the already validated HEALTHCHECK flags (`30s`, `1m30s`, `500ms`). */
function parseDuration(text: string): number {
  let total = 0;
  for (const [, number, unit] of text.matchAll(/(\d+(?:\.\d*)?|\.\d+)([a-zµ]+)/g)) total += Number(number) * (DURATION_UNITS[unit ?? ''] ?? 0);
  return Math.round(total);
}
