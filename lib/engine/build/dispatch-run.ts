import type { Instruction } from '@/lib/dockerfile';
import { baseName, createCoreutils, pathResolver, runShell, type CommandTable } from '@/lib/shell';
import { lookup, type FsTree } from '../fs';
import { createPackageCommands, DEFAULT_BANDWIDTH } from '../packages';
import { commandArgv, DEFAULT_SHELL, type BuildArgValue } from '../image';
import { runLayerStep, type StepOutcome } from './layer-step';
import { BuildError, type StageState, type StepContext } from './session';
import { resolveUser } from './user-ids';
import { createTreeShellFs } from './tree-shell-fs';

/**
 * RUN (dispatchRun): shell form through the stage's SHELL, exec form as argv; env = the stage's
 * ENV and ARGs (proxy build-args too, but outside the cache key), cwd = WORKDIR, user = USER.
 * The command runs in lib/shell over the step's tree; its output streams as vertex logs; a
 * non-zero exit fails the build with BuildKit's text and nothing of the step is kept.
 */

type RunInstruction = Extract<Instruction, { kind: 'run' }>;

/** Container start-up cost of a RUN step, in simulated seconds. */
const RUN_BASE_SECONDS = 0.2;
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash']);
/** Coreutils + every package ecosystem, built once per bandwidth (the simulated clock's input). */
const commandTables = new Map<number, CommandTable>();
function runCommands(bandwidth: number): CommandTable {
  let table = commandTables.get(bandwidth);
  if (table === undefined) {
    table = { ...createCoreutils(), ...createPackageCommands({ bandwidthBytesPerSecond: bandwidth }) };
    commandTables.set(bandwidth, table);
  }
  return table;
}

/** What the command is: `[...SHELL, text]` for shell form; heredoc-only RUN runs its body. */
function runArgv(instr: RunInstruction, shell: readonly string[]): { argv: string[]; script: string | null } {
  const command = instr.command;
  if (command.form === 'exec') return { argv: [...command.args], script: null };
  let text = command.text;
  const only = /^<<-?["']?([A-Za-z0-9_]+)["']?$/.exec(text.trim());
  const first = instr.heredocs[0];
  if (only !== null && first !== undefined && instr.heredocs.length === 1) text = first.content;
  else for (const doc of instr.heredocs) text += `\n${doc.content}${doc.name}`;
  return { argv: commandArgv({ form: 'shell', text }, shell), script: text };
}

const shQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export async function dispatchRun(ctx: StepContext, state: StageState, instr: RunInstruction): Promise<StepOutcome> {
  const { session } = ctx;
  const shell = state.config.config.Shell ?? DEFAULT_SHELL;
  const { argv } = runArgv(instr, shell);
  const env = state.scope.env();
  const declared = state.scope.declaredArgs();
  const lookupEnv = new Map(env);
  const buildArgs: BuildArgValue[] = declared.filter((a) => a.value !== undefined).map((a) => ({ key: a.key, value: lookupEnv.get(a.key) ?? a.value ?? '' }));
  const cwd = state.config.config.WorkingDir ?? '/';
  const userSpec = state.config.config.User ?? '';
  // BuildKit names the process by its argv joined with spaces, for both forms.
  const display = argv.join(' ');

  const run = async (tree: FsTree) => {
    const user = userSpec === '' ? { name: 'root', uid: 0, gid: 0, home: '/root' } : resolveUser(tree, userSpec, ctx.range);
    const entry = argv[0] ?? '';
    if (entry.startsWith('/') && lookupSafe(tree, entry) === undefined) {
      throw new BuildError(`process "${display}" did not complete successfully: runc run failed: unable to start container process: error during container init: exec: "${entry}": stat ${entry}: no such file or directory`, ctx.range);
    }
    const fs = createTreeShellFs(tree, user);
    const commands = runCommands(session.io.clock?.bandwidthBytesPerSecond ?? DEFAULT_BANDWIDTH);
    let clock = 0;
    let pending = '';
    const log = (stream: 'stdout' | 'stderr') => (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const text of lines) session.emit({ type: 'vertex-log', vertex: ctx.vertex, stream, text, simulatedSeconds: RUN_BASE_SECONDS + clock });
    };
    const runEnv = Object.fromEntries([...state.scope.proxyEnv(), ...env]);
    const viaShell = SHELLS.has(baseName(entry)) && argv.includes('-c') && instr.command.form === 'shell';
    const setArgs = viaShell ? argv.slice(1, argv.indexOf('-c')).filter((a) => a !== '-c') : [];
    const script = viaShell ? (argv[argv.indexOf('-c') + 1] ?? '') : argv.map(shQuote).join(' ');
    const result = await runShell(script, {
      fs,
      commands,
      env: runEnv,
      cwd,
      user,
      argv0: viaShell ? entry : '/bin/sh',
      setArgs,
      dialect: baseName(entry) === 'bash' ? 'bash' : 'dash',
      resolveCommand: pathResolver(commands),
      signal: session.io.signal,
      onStdout: log('stdout'),
      onStderr: log('stderr'),
    });
    clock = result.simulatedSeconds;
    if (pending !== '') session.emit({ type: 'vertex-log', vertex: ctx.vertex, stream: 'stdout', text: pending, simulatedSeconds: RUN_BASE_SECONDS + clock });
    session.checkCancelled();
    if (result.exitCode !== 0) {
      throw new BuildError(
        session.mode === 'classic'
          ? `The command '${display}' returned a non-zero code: ${result.exitCode}`
          : `process "${display}" did not complete successfully: exit code: ${result.exitCode}`,
        ctx.range,
      );
    }
    return { tree: fs.tree, simulatedSeconds: RUN_BASE_SECONDS + result.simulatedSeconds };
  };

  return runLayerStep(ctx, state, {
    op: {
      kind: 'exec',
      argv,
      // ExecOp env: the stage's ENV and declared ARGs; proxy args are left out of the key (ProxyEnv).
      env: env.map(([k, v]) => `${k}=${v}`),
      cwd,
      user: userSpec,
      network: instr.network ?? 'default',
      security: instr.security ?? 'sandbox',
      mounts: instr.mounts,
    },
    classicProbe: { argv, buildArgs: buildArgs.map((a) => `${a.key}=${a.value}`).sort() },
    history: { kind: 'run', command: instr.command.form === 'exec' ? { form: 'exec', args: argv } : { form: 'shell', text: argv[argv.length - 1] ?? '' }, buildArgs },
    run,
  });
}

function lookupSafe(tree: FsTree, path: string) {
  try {
    return lookup(tree, path);
  } catch {
    return undefined;
  }
}
