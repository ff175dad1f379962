import { baseName, type ShellUser } from '@/lib/shell';
import { EngineError } from '../errors';
import { resolveUser } from '../build';
import { diffTrees, editTree, lookup, type FsTree } from '../fs';
import type { ContainerRecord, Store } from '../store';
import { containerTree, imageTree, readContainerImage, type ContainerImage } from './container-image';
import { findContainer } from './lookup';
import { runProcess } from './process';
import { checkStart } from './start-check';
import { isRunning, readContainerState, type ContainerState, type LogLine } from './types';

/**
 * `docker start` (and the start half of `docker run`): runc's checks, then the main process in
 * the modeled shell. It either ends (exited, with its code and output kept as logs), or blocks
 * (a server, a long sleep, an interactive shell) and the container is running until stopped.
 */
export interface StartIo {
  now: number;
  /** What the process reads: `-i` with piped input. */
  stdin?: string;
  onStdout?: (text: string) => void;
  onStderr?: (text: string) => void;
  signal?: AbortSignal;
}

export interface StartResult {
  id: string;
  name: string;
  status: ContainerState['status'];
  exitCode: number;
  /** True when the record was removed after exiting (`--rm`). */
  removed: boolean;
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash']);

/** A shell with no script to run: it waits on its terminal (`-it`) or reads stdin to EOF. */
export function isInteractiveShell(argv: readonly string[]): boolean {
  const [first = '', ...rest] = argv;
  return SHELLS.has(baseName(first)) && !rest.some((a) => a === '-c' || !a.startsWith('-'));
}

export function processUser(tree: FsTree, spec: string): ShellUser {
  if (spec === '') return { name: 'root', uid: 0, gid: 0, home: '/root' };
  try {
    return resolveUser(tree, spec);
  } catch (error) {
    throw new EngineError('invalid-config', error instanceof Error ? error.message : String(error));
  }
}

/** The process environment: Config.Env plus what the runtime adds (HOSTNAME, HOME, TERM). */
export function processEnv(state: ContainerState, user: ShellUser): Record<string, string> {
  const env: Record<string, string> = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: state.config.hostname };
  if (state.config.tty) env.TERM = 'xterm';
  for (const entry of state.config.env) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  env.HOME ??= user.home;
  return env;
}

const shQuote = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export async function startContainer(store: Store, ref: string, io: StartIo): Promise<StartResult> {
  const { record, image } = await store.read(async (tx) => {
    const found = await findContainer(tx, ref);
    return { record: found, image: await readContainerImage(tx, found.imageId) };
  });
  const state = readContainerState(record, io.now);
  if (isRunning(state)) return { id: record.id, name: record.name, status: state.status, exitCode: 0, removed: false };
  try {
    await checkPorts(store, record, state, io.now);
  } catch (error) {
    await removeIfAutoRemove(store, record, state);
    throw error;
  }
  let tree = containerTree(image, record);
  const workdir = state.config.workdir;
  if (lookupSafe(tree, workdir) === undefined) tree = editTree(tree, (d) => d.mkdirp(workdir, { mode: 0o755, uid: 0, gid: 0 }));
  const user = processUser(tree, state.config.user);
  const env = processEnv(state, user);
  const envList = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  const started = new Date(io.now).toISOString();
  const logs: LogLine[] = [];
  const log = (stream: LogLine['stream'], sink?: (text: string) => void) => (text: string) => {
    logs.push({ stream, text, time: started });
    sink?.(text);
  };
  const check = await checkStart(tree, state.command[0] ?? '', envList, workdir);
  if (check.kind === 'create-failed') {
    await save(store, record, image, tree, { ...state, exitCode: check.exitCode, error: check.message });
    await removeIfAutoRemove(store, record, state);
    throw new EngineError('invalid-config', check.message);
  }
  const base: ContainerState = { ...state, startedAt: started, error: '', restartCount: state.startedAt === null ? 0 : state.restartCount + 1 };
  if (check.kind === 'exec-failed') {
    log('stderr', io.onStderr)(`${check.message}\n`);
    return finish(store, record, image, tree, { ...base, status: 'exited', exitCode: 1, finishedAt: started, logs: [...state.logs, ...logs], blocking: null });
  }
  if (state.config.tty && state.config.openStdin && isInteractiveShell(state.command)) {
    const next: ContainerState = { ...base, status: 'running', exitCode: 0, finishedAt: null, blocking: { kind: 'shell' }, session: { cwd: workdir, env, snapshot: null } };
    await save(store, record, image, tree, next);
    return { id: record.id, name: record.name, status: 'running', exitCode: 0, removed: false };
  }
  const argv0 = state.command[0] ?? '';
  const result = await runProcess({
    tree,
    script: state.command.map(shQuote).join(' '),
    argv0: SHELLS.has(baseName(argv0)) ? argv0 : '/bin/sh',
    env,
    cwd: workdir,
    user,
    ...(state.config.openStdin && io.stdin !== undefined ? { stdin: io.stdin } : {}),
    main: true,
    exposedPorts: state.config.exposedPorts,
    now: io.now,
    onStdout: log('stdout', io.onStdout),
    onStderr: log('stderr', io.onStderr),
    ...(io.signal !== undefined ? { signal: io.signal } : {}),
  });
  const next: ContainerState =
    result.blocking !== null
      ? { ...base, status: 'running', exitCode: 0, finishedAt: null, logs: [...state.logs, ...logs], blocking: result.blocking }
      : { ...base, status: 'exited', exitCode: result.exitCode, finishedAt: started, logs: [...state.logs, ...logs], blocking: null };
  return finish(store, record, image, result.tree, next);
}

async function finish(store: Store, record: ContainerRecord, image: ContainerImage, tree: FsTree, state: ContainerState): Promise<StartResult> {
  const removed = state.status === 'exited' && state.config.autoRemove;
  if (removed) await store.write(async (tx) => void (await tx.delete('containers', record.id)));
  else await save(store, record, image, tree, state);
  return { id: record.id, name: record.name, status: state.status, exitCode: state.exitCode, removed };
}

/**
 * moby's `containerStart` cleanup: a start that fails (runc cannot find the command, the port is
 * taken) removes an `--rm` container, so `docker ps -a` does not keep a Created one behind.
 */
async function removeIfAutoRemove(store: Store, record: ContainerRecord, state: ContainerState): Promise<void> {
  if (state.config.autoRemove) await store.write(async (tx) => void (await tx.delete('containers', record.id)));
}

/** Writes the container's new writable layer and state. */
export async function save(store: Store, record: ContainerRecord, image: ContainerImage, tree: FsTree, state: ContainerState): Promise<void> {
  const writableLayer = diffTrees(imageTree(image), tree);
  await store.write(async (tx) => {
    if (!(await tx.has('containers', record.id))) return;
    await tx.put('containers', record.id, { ...record, writableLayer, state });
  });
}

/** `Bind for 0.0.0.0:8080 failed: port is already allocated` when a running container has it. */
async function checkPorts(store: Store, record: ContainerRecord, state: ContainerState, now: number): Promise<void> {
  if (state.config.ports.length === 0) return;
  const others = await store.list('containers');
  for (const [, other] of others) {
    if (other.id === record.id) continue;
    const theirs = readContainerState(other, now);
    if (!isRunning(theirs)) continue;
    const clash = state.config.ports.find((p) => theirs.config.ports.some((q) => q.hostPort === p.hostPort && q.protocol === p.protocol));
    if (clash !== undefined) {
      throw new EngineError(
        'conflict',
        `driver failed programming external connectivity on endpoint ${record.name} (${record.id}): Bind for ${clash.hostIp}:${clash.hostPort} failed: port is already allocated`,
      );
    }
  }
}

function lookupSafe(tree: FsTree, path: string) {
  try {
    return lookup(tree, path);
  } catch {
    return undefined;
  }
}
