import type { ContainerRecord } from '../store';

/**
 * What lib/engine/containers keeps in a ContainerRecord's `state` (the store treats it as
 * opaque). Plain data only, so it survives IndexedDB and the directory store. Other areas read it
 * through `readContainerState` (rmi/prune/system df look at `status`).
 */
export type ContainerStatus = 'created' | 'running' | 'paused' | 'exited' | 'dead';

/** `-p 8080:80` → `{ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' }`. */
export interface PortBinding {
  hostIp: string;
  hostPort: number;
  containerPort: number;
  protocol: 'tcp' | 'udp';
}

/** The container's own config (Docker's `Config` + the HostConfig bits we model). */
export interface ContainerConfig {
  /** The image as the user typed it (`nginx`, `alpine:3.19`): what `docker ps` shows. */
  image: string;
  hostname: string;
  env: string[];
  workdir: string;
  user: string;
  /** Effective Entrypoint and Cmd after `--entrypoint` and the argv override. */
  entrypoint: string[] | null;
  cmd: string[] | null;
  exposedPorts: string[];
  ports: PortBinding[];
  labels: Record<string, string>;
  tty: boolean;
  openStdin: boolean;
  autoRemove: boolean;
  stopSignal: string;
}

export interface LogLine {
  stream: 'stdout' | 'stderr';
  text: string;
  /** ISO time the line was written. */
  time: string;
}

/** A process that serves HTTP inside the container (nginx, flask, http.server, node, a Go server). */
export interface ServerInfo {
  kind: 'nginx' | 'flask' | 'http.server' | 'node' | 'go';
  port: number;
  /** The address it binds: `127.0.0.1` is unreachable through a published port. */
  host: string;
  /** Directory served as files (nginx root, http.server's cwd). */
  root?: string;
  /** Routes parsed from the app's source: path → reply. */
  routes?: Record<string, { status: number; contentType: string; body: string }>;
  /** Title of the framework's 404 page. */
  framework?: string;
}

/** What keeps the main process alive once it has started, if anything. */
export type Blocking =
  | { kind: 'server'; server: ServerInfo }
  /** `sleep N`: running until the simulated clock passes `until` (null: `sleep infinity`, `tail -f`). */
  | { kind: 'sleep'; until: string | null }
  /** An interactive shell waiting on its terminal (`-it`, or `-d -it`). */
  | { kind: 'shell' };

/** The interactive shell's state between lines (`cd`, variables), so a reload can resume. */
export interface ShellSessionState {
  cwd: string;
  /** Exported variables (the prompt reads HOME and the user from here). */
  env: Record<string, string>;
  /** lib/shell's `InteractiveSnapshot` (plain data), to reopen the shell for the next line. */
  snapshot: unknown;
}

export interface ContainerState {
  status: ContainerStatus;
  exitCode: number;
  /** Docker's State.Error: why the container could not start. */
  error: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** The process argv (Path + Args). */
  command: string[];
  config: ContainerConfig;
  logs: LogLine[];
  blocking: Blocking | null;
  restartCount: number;
  session: ShellSessionState | null;
  /** Set when a stop was asked for and the process died by signal (exit 137 / 143 / 0). */
  stoppedBySignal?: boolean;
}

/** Go's zero time, as Docker reports times never set. */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

/**
 * The container's state as of `now` (ms): a `sleep N` main process that has run out by then is
 * reported exited (0) at the time it ended. Records without state (written by another tool) read
 * as created.
 */
export function readContainerState(record: ContainerRecord, now?: number): ContainerState {
  const state = (record.state ?? undefined) as ContainerState | undefined;
  if (state === undefined || typeof state !== 'object' || !('status' in state)) {
    return {
      status: 'created',
      exitCode: 0,
      error: '',
      startedAt: null,
      finishedAt: null,
      command: [],
      config: emptyConfig(record),
      logs: [],
      blocking: null,
      restartCount: 0,
      session: null,
    };
  }
  const blocking = state.blocking;
  if (now !== undefined && state.status === 'running' && blocking?.kind === 'sleep' && blocking.until !== null && Date.parse(blocking.until) <= now) {
    return { ...state, status: 'exited', exitCode: 0, finishedAt: blocking.until, blocking: null };
  }
  return state;
}

/** True while the container counts as running for `rm`, `rmi` and `ps` (paused included). */
export function isRunning(state: ContainerState): boolean {
  return state.status === 'running' || state.status === 'paused';
}

function emptyConfig(record: ContainerRecord): ContainerConfig {
  return {
    image: record.imageId,
    hostname: record.id.slice(0, 12),
    env: [],
    workdir: '/',
    user: '',
    entrypoint: null,
    cmd: null,
    exposedPorts: [],
    ports: [],
    labels: {},
    tty: false,
    openStdin: false,
    autoRemove: false,
    stopSignal: 'SIGTERM',
  };
}
