import type { InteractiveSnapshot } from '@/lib/shell';
import type { Sha256Factory } from '@/lib/util';
import type { DockerCommand } from '../docker/command';
import type { DockerContext, DockerDaemon, ShellSession } from '../docker/context';
import type { HttpAnswerer } from './curl';
import { withHostFiles } from './host-files';
import { HOSTS, WORKSTATION, cachedHostIo, findHost, withDockerRoot, type HostIo, type HostSpec } from './hosts';
import { HostShellSession, type TerminalServices } from './host-shell';
import { InputAccumulator } from './input';
import type { CommandTable } from '@/lib/shell';

/**
 * The student's terminal without its screen: typed or pasted text goes in, output comes out.
 * Text is cut into complete commands the way an interactive shell reads lines; each goes to the
 * session on top of a stack — the workstation's shell at the bottom, above it whatever was
 * entered (`ssh staging-server`, `docker run -it alpine sh`) until its `exit`. History, the
 * stack and each shell's variables and directory survive `snapshot()` / `restore`, so a
 * reloaded page or the next `layerlab sh` call carries on like the same terminal.
 */
export interface TerminalOptions {
  readonly hostIo: HostIo;
  readonly hosts?: readonly HostSpec[];
  readonly sha256: Sha256Factory;
  readonly now?: () => number;
  /** The output is a terminal (the browser's xterm) rather than a pipe (`layerlab sh`). */
  readonly tty?: boolean;
  /** `git` and other commands for a host's shell (the lead wires lib/cli/git here). */
  readonly commands?: (host: HostSpec) => CommandTable;
  readonly dockerCommands?: readonly DockerCommand[];
  /** Services docker commands may use as they land, e.g. `{ registries }`. */
  readonly dockerExtras?: () => Partial<Omit<DockerContext, 'shell' | 'daemon'>>;
  readonly ask?: (question: string) => Promise<string | undefined>;
  readonly answerHttp?: HttpAnswerer;
  /**
   * Reopens a container session from its descriptor after a reload (or in the next `layerlab sh`
   * call), over the daemon of the descriptor's host; undefined if it is gone.
   */
  readonly reopenSession?: (descriptor: ShellSession['descriptor'], daemon: DockerDaemon, now: () => number) => Promise<ShellSession | undefined>;
  readonly restore?: TerminalSnapshot;
  /** Entries kept (bash's HISTSIZE); default 1000. */
  readonly historySize?: number;
}

export interface TerminalIo {
  stdout(text: string): void;
  stderr(text: string): void;
  signal?: AbortSignal;
}

export interface TerminalRunResult {
  /** Status of the last command run ($?), or of the previous input when nothing ran. */
  exitCode: number;
  /** A command is still open (`if …` without `fi`): the prompt is `> `. */
  pending: boolean;
  /** The workstation's shell exited; the terminal starts a fresh one for the next input. */
  closed: boolean;
  /** Ctrl+C stopped the input. */
  cancelled: boolean;
}

export type SessionSnapshot = { kind: 'host'; host: string; login: boolean; shell: InteractiveSnapshot } | { kind: 'other'; descriptor: ShellSession['descriptor'] };

export interface TerminalSnapshot {
  readonly version: 1;
  readonly history: readonly string[];
  readonly stack: readonly SessionSnapshot[];
  readonly exitCode: number;
}

export interface TerminalSession {
  runInput(text: string, io: TerminalIo): Promise<TerminalRunResult>;
  /** `student@workstation:~/myapp$ `, or `> ` while a command is open. */
  prompt(): string;
  readonly history: readonly string[];
  /** The session on top: its host and, for a host shell, its shell. */
  top(): ShellSession;
  /** Ctrl+C at the prompt: drops a half-typed multi-line command. */
  cancelPending(): void;
  /**
   * End of input (a script's end, `layerlab sh -c` done): a command still open runs as it is,
   * so its syntax error is reported, as `bash -c 'if true'` reports it.
   */
  endInput(io: TerminalIo): Promise<TerminalRunResult>;
  snapshot(): TerminalSnapshot;
  /** Closes every session on the stack (containers stop their `-it` shell). */
  close(): Promise<void>;
  /** The screen changed size: docker's tty output (BuildKit's frame) fits the new width. */
  resize(columns: number, rows: number): void;
}

export async function createTerminalSession(options: TerminalOptions): Promise<TerminalSession> {
  const hosts = options.hosts ?? HOSTS;
  const now = options.now ?? (() => Date.now());
  const hostIo = cachedHostIo(withHostFiles(withDockerRoot(options.hostIo, options.sha256), hosts, now));
  const historySize = options.historySize ?? 1000;
  let history: string[] = [...(options.restore?.history ?? [])];
  let entered: ShellSession[] = [];
  let columns: number | undefined;
  let rows: number | undefined;
  const services: TerminalServices = {
    hosts,
    hostIo,
    tty: options.tty ?? false,
    sha256: options.sha256,
    now,
    columns: () => columns,
    rows: () => rows,
    history: () => history,
    clearHistory: () => {
      history = [];
    },
    enterSession: (session) => entered.push(session),
    ...(options.ask !== undefined ? { ask: options.ask } : {}),
    ...(options.dockerExtras !== undefined ? { dockerExtras: options.dockerExtras } : {}),
    ...(options.dockerCommands !== undefined ? { dockerCommands: options.dockerCommands } : {}),
    ...(options.answerHttp !== undefined ? { answerHttp: options.answerHttp } : {}),
    ...(options.commands !== undefined ? { extraCommands: options.commands } : {}),
  };
  const workstation = findHost(hosts, WORKSTATION) ?? (hosts[0] as HostSpec);
  const stack: ShellSession[] = [];
  for (const saved of options.restore?.stack ?? []) {
    if (saved.kind === 'host') {
      const spec = findHost(hosts, saved.host);
      if (spec !== undefined) stack.push(await HostShellSession.open(spec, services, { login: saved.login, restore: saved.shell }));
    } else {
      const daemon = { host: saved.descriptor.host, store: await hostIo.store(saved.descriptor.host) };
      const reopened = await options.reopenSession?.(saved.descriptor, daemon, services.now);
      if (reopened !== undefined) stack.push(reopened);
    }
  }
  if (!(stack[0] instanceof HostShellSession)) stack.unshift(await HostShellSession.open(workstation, services, { login: false }));
  const input = new InputAccumulator();
  let lastExit = options.restore?.exitCode ?? 0;

  const remember = (command: string) => {
    // Ubuntu's HISTCONTROL=ignoreboth: no lines starting with a space, no repeats in a row.
    if (command.startsWith(' ') || history[history.length - 1] === command) return;
    history.push(command);
    if (history.length > historySize) history = history.slice(history.length - historySize);
  };

  return {
    get history() {
      return history;
    },
    top: () => stack[stack.length - 1] as ShellSession,
    prompt: () => (input.pending ? '> ' : (stack[stack.length - 1] as ShellSession).prompt()),
    cancelPending: () => input.reset(),
    async endInput(io) {
      const open = input.take();
      if (open === undefined) return { exitCode: lastExit, pending: false, closed: false, cancelled: false };
      const result = await (stack[stack.length - 1] as ShellSession).runLine(open, io);
      lastExit = result.exitCode;
      return { exitCode: lastExit, pending: false, closed: false, cancelled: false };
    },
    async runInput(text, io) {
      let closed = false;
      for (const command of input.push(text)) {
        if (io.signal?.aborted) break;
        remember(command);
        const top = stack[stack.length - 1] as ShellSession;
        entered = [];
        const result = await top.runLine(command, io);
        lastExit = result.exitCode;
        if (result.exited) {
          if (stack.length === 1) {
            stack[0] = await HostShellSession.open(workstation, services, { login: false });
            closed = true;
          } else {
            stack.pop();
            await top.close?.();
            // The shell below sees the session's end as its command's exit status.
            const below = stack[stack.length - 1];
            if (below instanceof HostShellSession) await below.setLastStatus(result.exitCode);
          }
        }
        stack.push(...entered);
        entered = [];
        if (io.signal?.aborted) {
          io.stdout('^C\n');
          input.reset();
          return { exitCode: (lastExit = 130), pending: false, closed, cancelled: true };
        }
      }
      return { exitCode: lastExit, pending: input.pending, closed, cancelled: false };
    },
    snapshot: () => ({
      version: 1,
      history: [...history],
      exitCode: lastExit,
      stack: stack.map((session, i): SessionSnapshot =>
        session instanceof HostShellSession ? { kind: 'host', host: session.spec.name, login: i > 0, shell: session.shell.snapshot() } : { kind: 'other', descriptor: session.descriptor },
      ),
    }),
    async close() {
      for (const session of [...stack].reverse()) await session.close?.();
    },
    resize(width: number, height: number) {
      if (Number.isInteger(width) && width > 0) columns = width;
      if (Number.isInteger(height) && height > 0) rows = height;
    },
  };
}
