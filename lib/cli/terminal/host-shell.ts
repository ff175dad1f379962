import { createCoreutils, createInteractiveShell, tree, type Command, type CommandContext, type CommandTable, type InteractiveShell, type InteractiveSnapshot } from '@/lib/shell';
import type { Sha256Factory } from '@/lib/util';
import type { DockerCommand } from '../docker/command';
import type { DockerContext, DockerDaemon, SessionIo, ShellSession } from '../docker/context';
import { runDocker } from '../docker/program';
import { createCurlCommand, type HttpAnswerer } from './curl';
import type { HostIo, HostSpec } from './hosts';
import { createJqCommand } from './jq';
import { offlineRegistries } from './offline';
import { createScpCommand } from './scp';
import { createSshCommand } from './ssh';

/** What a host's shell needs from the terminal it runs in. */
export interface TerminalServices {
  readonly hosts: readonly HostSpec[];
  readonly hostIo: HostIo;
  /** The terminal is a TTY (the browser's xterm): colours, `-it`, `clear`. */
  readonly tty: boolean;
  readonly sha256: Sha256Factory;
  now(): number;
  /** The terminal's width in columns, once the screen has told it (`resize`). */
  columns?(): number | undefined;
  /** The terminal's height in rows, once the screen has told it. */
  rows?(): number | undefined;
  /** The history, oldest first, the running line included (bash adds it before running it). */
  history(): readonly string[];
  clearHistory(): void;
  /** Puts a session on top of the terminal once the current line has finished. */
  enterSession(session: ShellSession): void;
  /** Asks the user (`docker image prune`'s `[y/N]`); absent: docker reads the answer from stdin. */
  ask?(question: string): Promise<string | undefined>;
  /** Extra services for docker commands as areas add them (e.g. `registries`). */
  dockerExtras?(): Partial<Omit<DockerContext, 'shell' | 'daemon'>>;
  /** The docker subcommands (default: every registered one). */
  readonly dockerCommands?: readonly DockerCommand[];
  readonly answerHttp?: HttpAnswerer;
  /** More commands for a host's shell (`git` on the workstation). */
  extraCommands?(host: HostSpec): CommandTable;
}

/**
 * A login shell on one host: the lib/shell language over the host's files, with the host's
 * docker daemon behind `docker`. The terminal keeps one at the bottom of its stack (the
 * workstation) and pushes another for each `ssh HOST`.
 */
export class HostShellSession implements ShellSession {
  readonly descriptor: { kind: 'host'; host: string };

  private constructor(
    readonly spec: HostSpec,
    readonly shell: InteractiveShell,
    private readonly login: boolean,
  ) {
    this.descriptor = { kind: 'host', host: spec.name };
  }

  /** Opens a shell on `spec`; `login` marks an ssh session (its `exit` prints `logout`). */
  static async open(spec: HostSpec, services: TerminalServices, options: { login: boolean; restore?: InteractiveSnapshot }): Promise<HostShellSession> {
    const fs = await services.hostIo.fs(spec.name);
    if (!(await fs.exists(spec.home))) await fs.mkdir(spec.home, { recursive: true });
    let restore = options.restore;
    // The directory the shell was in may be gone (another --workdir, a deleted folder): start at home.
    if (restore !== undefined && !(await fs.stat(restore.cwd).then((s) => s.type === 'dir', () => false))) {
      restore = { ...restore, cwd: spec.home, vars: { ...restore.vars, PWD: { value: spec.home, exported: true } } };
    }
    const holder: { shell?: InteractiveShell } = {};
    const commands = hostCommands(spec, services, () => holder.shell as InteractiveShell);
    const shell = createInteractiveShell({
      fs,
      commands,
      user: { name: spec.user, uid: 1000, gid: 1000, home: spec.home },
      env: loginEnvironment(spec, services.tty),
      cwd: spec.home,
      argv0: 'bash',
      dialect: 'bash',
      // The host's clock is the terminal's: date, ls -l and touch read it.
      now: () => services.now(),
      ...(restore !== undefined ? { restore } : {}),
    });
    holder.shell = shell;
    return new HostShellSession(spec, shell, options.login);
  }

  prompt(): string {
    return `${this.spec.user}@${this.spec.name}:${tildePath(this.shell.cwd, this.spec.home)}$ `;
  }

  /**
   * Sets `$?` as the command that entered a session (`docker run -it`, `ssh HOST`) finally exits:
   * with the status the session ended with, as the shell sees its child's exit status.
   */
  async setLastStatus(code: number): Promise<void> {
    const quiet = () => undefined;
    await this.shell.run(`(exit ${Math.max(0, Math.min(255, Math.trunc(code)))})`, { stdout: quiet, stderr: quiet });
  }

  async runLine(line: string, io: SessionIo): Promise<{ exitCode: number; exited: boolean }> {
    const result = await this.shell.run(line, { stdout: io.stdout, stderr: io.stderr, ...(io.signal !== undefined ? { signal: io.signal } : {}) });
    if (result.exited && this.login) io.stderr(`logout\nConnection to ${this.spec.name} closed.\n`);
    return { exitCode: result.exitCode, exited: result.exited };
  }
}

/** The environment a login on `spec` starts with. */
function loginEnvironment(spec: HostSpec, tty: boolean): Record<string, string> {
  return {
    HOME: spec.home,
    HOSTNAME: spec.name,
    LANG: 'C.UTF-8',
    LOGNAME: spec.user,
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    SHELL: '/bin/bash',
    TERM: tty ? 'xterm-256color' : 'dumb',
    USER: spec.user,
  };
}

/** `/workspace/myapp` → `~/myapp` when HOME is /workspace, as bash's `\w` shows it. */
export function tildePath(cwd: string, home: string): string {
  if (cwd === home) return '~';
  if (home !== '/' && cwd.startsWith(`${home}/`)) return `~${cwd.slice(home.length)}`;
  return cwd;
}

function hostCommands(spec: HostSpec, services: TerminalServices, shell: () => InteractiveShell): CommandTable {
  const onTerminal = (ctx: CommandContext) => services.tty && shell().isTerminal(ctx.stdout);
  const daemon = async (): Promise<DockerDaemon> => ({ host: spec.name, store: await services.hostIo.store(spec.name) });
  const docker: Command = async (ctx) => {
    const context: DockerContext = {
      ...services.dockerExtras?.(),
      ...(spec.offline === true ? { registries: offlineRegistries() } : {}),
      shell: ctx,
      daemon: await daemon(),
      now: () => services.now(),
      sha256: services.sha256,
      tty: onTerminal(ctx),
      ...(services.columns?.() !== undefined ? { columns: services.columns() as number } : {}),
      ...(services.rows?.() !== undefined ? { rows: services.rows() as number } : {}),
      ...(services.ask !== undefined ? { prompt: services.ask } : {}),
      enterSession: (session) => services.enterSession(session),
    };
    return services.dockerCommands === undefined ? runDocker(ctx.args, context) : runDocker(ctx.args, context, services.dockerCommands);
  };
  const coreutils = createCoreutils();
  return {
    ...coreutils,
    tree,
    clear: async (ctx) => {
      // clear(1) writes the terminal's clear-screen sequence; without a terminal there is none.
      if (onTerminal(ctx)) ctx.stdout.write('\x1b[H\x1b[2J\x1b[3J');
      return 0;
    },
    history: (ctx) => historyCommand(ctx, services),
    docker,
    jq: createJqCommand({ isTerminal: onTerminal }),
    curl: createCurlCommand({ daemon, now: () => services.now(), ...(services.answerHttp !== undefined ? { answer: services.answerHttp } : {}) }),
    ssh: createSshCommand(services.hosts, {
      open: (target) => HostShellSession.open(target, services, { login: true }),
      enter: (session) => services.enterSession(session),
    }),
    scp: createScpCommand({ hosts: services.hosts, hostIo: services.hostIo, local: spec, isTerminal: onTerminal, ...(services.columns !== undefined ? { columns: services.columns } : {}) }),
    ...services.extraCommands?.(spec),
  };
}

/** bash's `history [-c] [N]`: numbered entries, `%5d  %s`. */
async function historyCommand(ctx: CommandContext, services: TerminalServices): Promise<number> {
  const [first] = ctx.args;
  if (first === '-c') {
    services.clearHistory();
    return 0;
  }
  const entries = services.history();
  let count = entries.length;
  if (first !== undefined) {
    if (!/^\d+$/.test(first)) {
      ctx.stderr.write(`bash: history: ${first}: numeric argument required\n`);
      return 1;
    }
    count = Math.min(Number(first), entries.length);
  }
  const start = entries.length - count;
  ctx.stdout.write(entries.slice(start).map((line, i) => `${String(start + i + 1).padStart(5)}  ${line}\n`).join(''));
  return 0;
}
