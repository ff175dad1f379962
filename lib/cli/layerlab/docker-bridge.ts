import { InputStream, resolvePath, ROOT_USER, type CommandContext } from '@/lib/shell';
import { wasmSha256 } from '@/lib/util';
import type { DockerCommand } from '../docker/command';
import type { DockerContext } from '../docker/context';
import { runDocker } from '../docker/program';
import type { CliIO } from './io';
import { requireCapability, withStore } from './state';
import type { ParsedOptions } from '../common/options';

/**
 * `layerlab images|inspect|save|load` are the docker CLI's commands over the state store: one
 * implementation, docker's output and errors. The host filesystem is the workspace (mounted at
 * `/`, paths relative to the working directory), and stdout counts as a terminal — `CliIO`
 * carries text, so `layerlab save` needs `-o` as before.
 */
export async function runDockerCommand(command: DockerCommand, argv: readonly string[], io: CliIO): Promise<number> {
  const { rest, state } = takeStateOption(argv);
  const options: ParsedOptions = { bools: new Set(), strings: new Map(state !== undefined ? [['state', state]] : []), lists: new Map(), positionals: [] };
  // `--help` needs no store.
  if (rest.includes('--help') || rest.includes('-h')) return runDocker([...command.path, ...rest], contextFor(io, undefined), [command]);
  return withStore(io, options, async (store) => {
    const fs = await requireCapability(io, 'openWorkspace', 'a workspace directory')('/', '/');
    return runDocker([...command.path, ...rest], contextFor(io, { store, fs }), [command]);
  });
}

/** `--state DIR` / `--state=DIR` anywhere in argv (layerlab's option, not docker's). */
function takeStateOption(argv: readonly string[]): { rest: string[]; state: string | undefined } {
  const rest: string[] = [];
  let state: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--state') state = argv[++i];
    else if (arg.startsWith('--state=')) state = arg.slice('--state='.length);
    else rest.push(arg);
  }
  return { rest, state };
}

function contextFor(io: CliIO, daemon: { store: DockerContext['daemon']['store']; fs: CommandContext['fs'] } | undefined): DockerContext {
  const cwd = io.cwd ?? '/';
  const unavailable = async (): Promise<never> => {
    throw new Error('not available in layerlab');
  };
  const shell: CommandContext = {
    name: 'docker',
    args: [],
    env: {},
    cwd,
    fs: daemon?.fs as CommandContext['fs'],
    stdin: new InputStream(),
    stdout: { write: (data) => io.stdout(typeof data === 'string' ? data : new TextDecoder().decode(data)) },
    stderr: { write: (data) => io.stderr(typeof data === 'string' ? data : new TextDecoder().decode(data)) },
    user: ROOT_USER,
    signal: undefined,
    shellName: 'layerlab',
    resolve: (path) => resolvePath(cwd, path),
    addSimulatedSeconds: () => undefined,
    exec: unavailable,
    runScript: unavailable,
  };
  return {
    shell,
    daemon: { host: 'workstation', store: daemon?.store as DockerContext['daemon']['store'] },
    now: io.now ?? (() => Date.now()),
    sha256: io.sha256 ?? wasmSha256,
    tty: true,
  };
}
