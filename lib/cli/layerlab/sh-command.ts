import { createRegistries, type Store } from '@/lib/engine';
import { createHubImages } from '../docker/registry';
import { wasmSha256 } from '@/lib/util';
import { parseOptions, STATE_OPTION, UsageError } from '../common/options';
import { createTerminalSession, type TerminalSnapshot } from '../terminal/session';
import { WORKSTATION } from '../terminal/hosts';
import { terminalWiring } from '../terminal/wiring';
import { decodeUtf8, type CliIO } from './io';
import { requireCapability, stateDirOf } from './state';

export const SH_USAGE = `Usage:  layerlab sh [OPTIONS] -c COMMANDS

Run commands in the terminal's shell, headless: docker, ssh, jq, tar, git and the coreutils,
as the browser's terminal runs them. Images, containers, other hosts and the command history
live in the state directory, so consecutive calls continue like one terminal.

Options:
  -c, --command string   The commands, as typed at the prompt (several lines allowed)
      --workdir string   The workspace directory, shown as /workspace (default: the current directory)
      --state string     State directory (default $LAYERLAB_STATE or ./.layerlab)
`;

/** The key of the registries' store among the opened stores (not a host name ssh accepts). */
const REGISTRIES = '#registries';

/** Where the terminal keeps its history, session stack and shell variables between calls. */
const TERMINAL_FILE = 'terminal.json';

/**
 * `layerlab sh [--workdir DIR] -c 'COMMANDS'`: the terminal session over the state directory
 * (the workstation's daemon is the state store `layerlab build` uses; other hosts live under
 * `<state>/hosts/<name>/`) and the workspace DIR. Prints what the terminal shows, without
 * colours (it is not a TTY), and exits with the last command's status.
 */
export async function shCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const options = parseOptions(argv, { ...STATE_OPTION, command: { type: 'string', short: 'c' }, workdir: { type: 'string' } });
  if (options.bools.has('help')) {
    io.stdout(SH_USAGE);
    return 0;
  }
  if (options.positionals.length > 0) throw new UsageError(`"layerlab sh" accepts no arguments; give the commands with -c`);
  let text = options.strings.get('command');
  if (text === undefined) text = decodeUtf8(await io.readFile('-').catch(() => new Uint8Array()));
  const openStore = requireCapability(io, 'openStore', 'an image store');
  const openWorkspace = requireCapability(io, 'openWorkspace', 'a workspace directory');
  const state = stateDirOf(io, options).replace(/\/+$/, '');
  const workdir = absolute(options.strings.get('workdir') ?? io.cwd ?? '.', io.cwd);
  const stores = new Map<string, Promise<Store>>();
  const hostDir = (host: string) => `${state}/hosts/${host}`;
  const store = (host: string): Promise<Store> => {
    let opened = stores.get(host);
    const dir = host === WORKSTATION ? state : host === REGISTRIES ? `${state}/registries` : `${hostDir(host)}/store`;
    if (opened === undefined) stores.set(host, (opened = openStore(dir)));
    return opened;
  };
  try {
    // The workstation's store first: it creates the state directory the terminal file lives in.
    await store(WORKSTATION);
    const restore = await readSnapshot(io, `${state}/${TERMINAL_FILE}`);
    const sha256 = io.sha256 ?? wasmSha256;
    // Registries are shared by every host: one store under <state>/registries.
    const registries = createRegistries({
      store: await store(REGISTRIES),
      sha256,
      builtin: createHubImages(sha256),
      fetch: globalThis.fetch.bind(globalThis),
    });
    const session = await createTerminalSession({
      ...terminalWiring({ registries, ...(io.now !== undefined ? { now: io.now } : {}) }),
      hostIo: {
        store,
        fs: (host) => (host === WORKSTATION ? openWorkspace(workdir, '/workspace') : openWorkspace(`${hostDir(host)}/files`, '/')),
      },
      sha256,
      ...(io.now !== undefined ? { now: io.now } : {}),
      tty: false,
      ...(restore !== undefined ? { restore } : {}),
    });
    const out = { stdout: io.stdout, stderr: io.stderr };
    await session.runInput(text, out);
    const result = await session.endInput(out);
    await writeSnapshot(io, `${state}/${TERMINAL_FILE}`, session.snapshot());
    return result.exitCode;
  } finally {
    for (const opened of stores.values()) await (await opened).close();
  }
}

function absolute(dir: string, cwd: string | undefined): string {
  if (dir.startsWith('/') || cwd === undefined) return dir;
  return `${cwd.replace(/\/+$/, '')}/${dir}`;
}

async function readSnapshot(io: CliIO, path: string): Promise<TerminalSnapshot | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(decodeUtf8(bytes)) as TerminalSnapshot;
    // A file from another version (or a torn one) starts a fresh terminal rather than failing.
    return parsed.version === 1 && Array.isArray(parsed.history) && Array.isArray(parsed.stack) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

async function writeSnapshot(io: CliIO, path: string, snapshot: TerminalSnapshot): Promise<void> {
  const write = requireCapability(io, 'writeFile', 'writing the terminal state');
  const bytes = new TextEncoder().encode(`${JSON.stringify(snapshot)}\n`);
  await write(
    path,
    (async function* () {
      yield bytes;
    })(),
  );
}
