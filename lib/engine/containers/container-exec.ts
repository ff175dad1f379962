import { baseName, createInteractiveShell, type InteractiveSnapshot } from '@/lib/shell';
import { EngineError } from '../errors';
import { diffTrees, lookup, type FsTree } from '../fs';
import type { ContainerRecord, Store } from '../store';
import { containerTree, imageTree, readContainerImage, type ContainerImage } from './container-image';
import { findContainer } from './lookup';
import { prepareProcess, runProcess } from './process';
import { checkStart } from './start-check';
import { processEnv, processUser } from './start-container';
import { isRunning, readContainerState, type ContainerState, type ShellSessionState } from './types';

/**
 * Commands inside a running container: `docker exec C CMD` and the lines of an interactive
 * shell (`docker run -it IMAGE sh`, `docker exec -it C bash`). Each runs over the container's
 * current tree and writes its changes back to the writable layer, so `apt-get install` in the
 * session is what `docker commit` and `docker export` see.
 */
export interface ExecIo {
  now: number;
  stdin?: string;
  onStdout?: (text: string) => void;
  onStderr?: (text: string) => void;
  signal?: AbortSignal;
}

async function load(store: Store, ref: string, now: number): Promise<{ record: ContainerRecord; image: ContainerImage; state: ContainerState }> {
  return store.read(async (tx) => {
    const record = await findContainer(tx, ref);
    const state = readContainerState(record, now);
    if (!isRunning(state)) throw new EngineError('conflict', `container ${record.id} is not running`);
    if (state.status === 'paused') throw new EngineError('conflict', `container ${record.id} is paused, unpause the container before exec`);
    return { record, image: await readContainerImage(tx, record.imageId), state };
  });
}

/** Writes a process's changes back: only the writable layer, so a concurrent state change (logs, stop) is kept. */
async function saveLayer(store: Store, id: string, image: ContainerImage, tree: FsTree, patch?: (state: ContainerState) => ContainerState | null): Promise<void> {
  const writableLayer = diffTrees(imageTree(image), tree);
  await store.write(async (tx) => {
    const current = await tx.get('containers', id);
    if (current === undefined) return;
    if (patch === undefined) {
      await tx.put('containers', id, { ...current, writableLayer });
      return;
    }
    const next = patch(readContainerState(current));
    if (next === null) await tx.delete('containers', id);
    else await tx.put('containers', id, { ...current, writableLayer, state: next });
  });
}

export interface ExecOptions {
  env?: readonly string[];
  workdir?: string;
  user?: string;
}

const shQuote = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
const EXEC_PREFIX = 'OCI runtime exec failed: exec failed: unable to start container process: ';

/** `docker exec C CMD...`: the exit code, or the runtime's error text (exit 126/127) when it cannot start. */
export async function execInContainer(store: Store, ref: string, argv: readonly string[], options: ExecOptions, io: ExecIo): Promise<{ exitCode: number; error?: string }> {
  const { record, image, state } = await load(store, ref, io.now);
  const tree = containerTree(image, record);
  const user = processUser(tree, options.user ?? state.config.user);
  const env = processEnv({ ...state, config: { ...state.config, env: [...state.config.env, ...(options.env ?? [])] } }, user);
  const cwd = options.workdir ?? state.config.workdir;
  const check = await checkStart(tree, argv[0] ?? '', Object.entries(env).map(([k, v]) => `${k}=${v}`), cwd);
  if (check.kind === 'create-failed') {
    const detail = check.message.slice(check.message.indexOf('exec: '));
    return { exitCode: check.exitCode, error: `${EXEC_PREFIX}${detail}` };
  }
  if (check.kind === 'exec-failed') {
    io.onStderr?.(`${check.message}\n`);
    return { exitCode: 1 };
  }
  const first = argv[0] ?? '';
  const shell = ['sh', 'bash', 'dash', 'ash'].includes(baseName(first));
  const result = await runProcess({
    tree,
    script: argv.map(shQuote).join(' '),
    argv0: shell ? first : '/bin/sh',
    env,
    cwd,
    user,
    ...(io.stdin !== undefined ? { stdin: io.stdin } : {}),
    main: false,
    exposedPorts: state.config.exposedPorts,
    now: io.now,
    ...(io.onStdout ? { onStdout: io.onStdout } : {}),
    ...(io.onStderr ? { onStderr: io.onStderr } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
  });
  await saveLayer(store, record.id, image, result.tree);
  return { exitCode: result.exitCode };
}

export interface SessionLineOptions extends ExecIo {
  /** The shell's state before the line (null: a fresh shell in the container's workdir). */
  session: ShellSessionState | null;
  /** The shell's argv0 (`bash`, `sh`, `/bin/ash`): its error wording and `$0`. */
  shell: string;
  /** True for the container's own shell (`docker run -it`): its exit stops the container. */
  main: boolean;
  user?: string;
}

export interface SessionLineResult {
  exitCode: number;
  /** The shell ended (`exit`, `set -e` failure). */
  exited: boolean;
  session: ShellSessionState;
}

/**
 * One line typed at an interactive shell in the container: lib/shell's interactive shell over the
 * container's current tree, reopened from the session's snapshot (variables, functions, cwd).
 */
export async function runSessionLine(store: Store, ref: string, line: string, options: SessionLineOptions): Promise<SessionLineResult> {
  const { record, image, state } = await load(store, ref, options.now);
  const tree = containerTree(image, record);
  const user = processUser(tree, options.user ?? state.config.user);
  const p = prepareProcess({ tree, env: {}, cwd: '/', user, main: false, exposedPorts: state.config.exposedPorts, now: options.now, ...(options.signal ? { signal: options.signal } : {}) });
  const env = options.session?.env ?? processEnv(state, user);
  const shell = createInteractiveShell({
    fs: p.fs,
    commands: p.commands,
    resolveCommand: p.resolveCommand,
    user,
    argv0: baseName(options.shell),
    dialect: baseName(options.shell) === 'bash' ? 'bash' : 'dash',
    now: () => options.now,
    env,
    cwd: options.session?.cwd ?? state.config.workdir,
    ...(options.session?.snapshot ? { restore: options.session.snapshot as InteractiveSnapshot } : {}),
  });
  const result = await shell.run(line, {
    stdout: (t) => options.onStdout?.(t),
    stderr: (t) => options.onStderr?.(t),
    stdin: options.stdin ?? '',
    signal: p.signal,
  });
  p.dispose();
  const session: ShellSessionState = { cwd: shell.cwd, env: shell.environment(), snapshot: JSON.parse(JSON.stringify(shell.snapshot())) as unknown };
  const now = new Date(options.now).toISOString();
  const exited = result.exited;
  await saveLayer(store, record.id, image, p.fs.tree, (current) => {
    if (!options.main) return current;
    if (!exited) return { ...current, session };
    if (current.config.autoRemove) return null;
    return { ...current, status: 'exited', exitCode: result.exitCode, finishedAt: now, blocking: null, session: null };
  });
  return { exitCode: result.exitCode, exited, session };
}

/** Ends the container's own shell as Ctrl+D or a closed terminal would (exit status of the last line). */
export async function endSession(store: Store, ref: string, options: { now: number; exitCode?: number }): Promise<void> {
  await store.write(async (tx) => {
    let record: ContainerRecord;
    try {
      record = await findContainer(tx, ref);
    } catch {
      return;
    }
    const state = readContainerState(record, options.now);
    if (state.blocking?.kind !== 'shell' || !isRunning(state)) return;
    if (state.config.autoRemove) {
      await tx.delete('containers', record.id);
      return;
    }
    await tx.put('containers', record.id, { ...record, state: { ...state, status: 'exited', exitCode: options.exitCode ?? 0, finishedAt: new Date(options.now).toISOString(), blocking: null, session: null } });
  });
}


/** Which shell a session talks to, for its prompt: bash, busybox's ash (alpine) or dash. */
export async function shellFlavor(store: Store, ref: string, shell: string): Promise<'bash' | 'busybox' | 'dash'> {
  const { record, image } = await store.read(async (tx) => {
    const found = await findContainer(tx, ref);
    return { record: found, image: await readContainerImage(tx, found.imageId) };
  });
  if (baseName(shell) === 'bash') return 'bash';
  const tree = containerTree(image, record);
  for (const path of shell.includes('/') ? [shell] : [`/bin/${shell}`, `/usr/bin/${shell}`]) {
    try {
      const node = lookup(tree, path, { follow: false });
      if (node === undefined) continue;
      if (node.kind === 'symlink' && baseName(node.target) === 'busybox') return 'busybox';
      if (node.kind === 'hardlink' && baseName(node.target) === 'busybox') return 'busybox';
      return baseName(shell) === 'ash' ? 'busybox' : 'dash';
    } catch {
      continue;
    }
  }
  return 'dash';
}
