/**
 * For the terminal's tests only: a headless xterm (the same parser and buffer as the browser's)
 * as the screen, and a TerminalApi over a real terminal session on memory stores, as the worker
 * will serve it.
 */
import xtermHeadless from '@xterm/headless';
import { complete, createTerminalSession, DOCKER_COMMANDS, memoryHostIo, type TerminalSession } from '@/lib/cli';
import { createMemoryFs, type MemoryFsSeed, type ShellFs } from '@/lib/shell';
import { wasmSha256 } from '@/lib/util';
import type { TerminalApi } from '@/app/_lib/engine/api';
import type { TerminalScreen } from './controller';

export interface HeadlessScreen extends TerminalScreen {
  terminal: InstanceType<typeof xtermHeadless.Terminal>;
  /** The screen's rows (viewport and scrollback), trailing blanks and trailing empty rows removed. */
  text(): Promise<string>;
  /** Cursor as [column, row of the whole buffer]. */
  cursor(): Promise<[number, number]>;
  /** Everything written, raw. */
  written: string[];
}

export function headlessScreen(columns = 60, rows = 12): HeadlessScreen {
  const terminal = new xtermHeadless.Terminal({ cols: columns, rows, scrollback: 1000, allowProposedApi: true });
  const written: string[] = [];
  const flush = () => new Promise<void>((resolve) => terminal.write('', resolve));
  return {
    terminal,
    written,
    write: (data) => {
      written.push(data);
      terminal.write(data);
    },
    flush,
    columns: () => terminal.cols,
    cursorColumn: () => terminal.buffer.active.cursorX,
    async text() {
      await flush();
      const buffer = terminal.buffer.active;
      const lines: string[] = [];
      for (let y = 0; y < buffer.length; y++) lines.push(buffer.getLine(y)?.translateToString(true) ?? '');
      while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
      return lines.join('\n');
    },
    async cursor() {
      await flush();
      return [terminal.buffer.active.cursorX, terminal.buffer.active.baseY + terminal.buffer.active.cursorY];
    },
  };
}

export interface SessionApi extends TerminalApi {
  session: TerminalSession;
  files: ShellFs;
  /** Texts `run` was given, in order. */
  runs: string[];
  cancels: number;
}

/** A TerminalApi over a real session (workstation files seeded under /workspace), tty on. */
export async function sessionApi(seed: MemoryFsSeed = {}): Promise<SessionApi> {
  const hostIo = memoryHostIo({ stores: new Map(), files: new Map([['workstation', createMemoryFs(seed)]]) });
  const session = await createTerminalSession({
    hostIo,
    sha256: wasmSha256,
    tty: true,
  });
  let running: AbortController | undefined;
  const api: SessionApi = {
    session,
    files: hostIo.files.get('workstation') as ShellFs,
    runs: [],
    cancels: 0,
    prompt: async () => session.prompt(),
    history: async () => [...session.history],
    async run(text, output) {
      api.runs.push(text);
      running = new AbortController();
      try {
        const result = await session.runInput(text, { stdout: (t) => output('stdout', t), stderr: (t) => output('stderr', t), signal: running.signal });
        return { ...result, prompt: session.prompt() };
      } finally {
        running = undefined;
      }
    },
    cancel() {
      api.cancels++;
      if (running !== undefined) running.abort();
      else session.cancelPending();
    },
    async complete(line, cursor) {
      const fs = hostIo.files.get('workstation') as ShellFs;
      return complete(line, cursor, {
        commands: ['cat', 'cd', 'clear', 'docker', 'echo', 'ls', 'pwd', 'sleep'],
        dockerCommands: DOCKER_COMMANDS,
        images: async () => ['alpine:3.19', 'app:1.0'],
        containers: async () => [],
        listDir: async (path) => {
          try {
            const names = await fs.readdir(path);
            return Promise.all(names.map(async (name) => ({ name, dir: (await fs.stat(`${path}/${name}`)).type === 'dir' })));
          } catch {
            return undefined;
          }
        },
        cwd: '/workspace',
        home: '/workspace',
      });
    },
  };
  return api;
}
