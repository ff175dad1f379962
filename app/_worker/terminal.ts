import type { OutputSink, TerminalApi } from '@/app/_lib/engine/api';
import { complete, DOCKER_COMMANDS, listDirOf, SHELL_BUILTINS, type Completion, type HostIo, type TerminalSession, type TerminalSnapshot } from '@/lib/cli';
import { familiarRef } from '@/lib/engine';
import { createCoreutils } from '@/lib/shell';
import type { Serialize } from './coordination';

/**
 * The terminal's half in the worker: one session (createTerminalSession) per page, its snapshot
 * kept in the workstation store's meta after every line so a reload carries on like the same
 * terminal (history, `ssh` stack, variables, directory). Each line runs under the operation lock,
 * as a `docker build` or `docker rmi` in it must not interleave with a build from another tab.
 */
export const TERMINAL_KEY = 'layerlab/terminal';

/** Commands the hosts' shells have besides coreutils (lib/cli/terminal/host-shell.ts, wiring.ts). */
const HOST_COMMANDS = ['clear', 'curl', 'docker', 'git', 'history', 'jq', 'ssh', 'tree'];

export interface TerminalHost {
  /** The session, created (and restored from the saved snapshot) on first use. */
  session(): Promise<TerminalSession>;
  hostIo: HostIo;
  saveSnapshot(snapshot: TerminalSnapshot): Promise<void>;
  serialize: Serialize;
  /** Called after each line (the engine then tells the views what changed). */
  afterRun(): Promise<void>;
}

export function createTerminalApi(host: TerminalHost): TerminalApi {
  let running: AbortController | null = null;
  const commands = [...new Set([...Object.keys(createCoreutils()), ...HOST_COMMANDS, ...SHELL_BUILTINS])].sort();

  return {
    async prompt() {
      return (await host.session()).prompt();
    },
    async run(text: string, output: OutputSink) {
      const controller = new AbortController();
      return host.serialize(async () => {
        const session = await host.session();
        running = controller;
        try {
          const result = await session.runInput(text, {
            stdout: (chunk) => output('stdout', chunk),
            stderr: (chunk) => output('stderr', chunk),
            signal: controller.signal,
          });
          await host.saveSnapshot(session.snapshot());
          return { ...result, prompt: session.prompt() };
        } finally {
          if (running === controller) running = null;
          await host.afterRun();
        }
      });
    },
    resize(columns: number, rows: number) {
      void host.session().then((session) => session.resize(columns, rows));
    },
    cancel() {
      if (running !== null) {
        running.abort();
        return;
      }
      // Ctrl+C at the prompt: a half-typed multi-line command is dropped.
      void host.session().then((session) => session.cancelPending());
    },
    async complete(line: string, cursor: number): Promise<Completion> {
      const session = await host.session();
      const snapshot = session.snapshot();
      const top = snapshot.stack[snapshot.stack.length - 1];
      const hostName = top?.kind === 'host' ? top.host : top?.descriptor.host ?? 'workstation';
      const cwd = top?.kind === 'host' ? top.shell.cwd : '/';
      const home = hostName === 'workstation' ? '/workspace' : '/home/student';
      const store = await host.hostIo.store(hostName);
      const fs = await host.hostIo.fs(hostName);
      return complete(line, cursor, {
        commands,
        dockerCommands: DOCKER_COMMANDS,
        images: async () => (await store.list('refs')).filter(([key]) => !key.includes('@')).map(([key]) => familiarRef(key)),
        containers: async () => (await store.list('containers')).map(([, record]) => record.name),
        listDir: listDirOf(fs),
        cwd,
        home,
      });
    },
    async history() {
      return [...(await host.session()).history];
    },
  };
}

export function isTerminalSnapshot(value: unknown): value is TerminalSnapshot {
  const v = value as Partial<TerminalSnapshot> | null;
  return v != null && v.version === 1 && Array.isArray(v.history) && Array.isArray(v.stack);
}
