import { createContainer, findContainer, isEngineError, isInteractiveShell, readContainerState, startContainer, type CreateContainerRequest } from '@/lib/engine';
import { parseOptions, type OptionSpec, type ParsedOptions } from '../../common/options';
import { CliError, DaemonError, helpRequested, requireArgs, type DockerCommand } from '../command';
import type { DockerContext } from '../context';
import { openContainerSession } from './container-session';
import { ensureImage } from './pull-missing';
import { envList, nextRandom, parsePorts, runDaemonError, runError } from './support';
import { CREATE_USAGE, RUN_USAGE } from './usage';

/**
 * `docker run` / `docker create` (docker/cli `run.go`, `create.go`): flags stop at the image
 * (pflag SetInterspersed(false)), a missing image is pulled, and `-it IMAGE sh` hands the
 * terminal a shell inside the container. Foreground runs print the process's output and exit
 * with its code; `-d` prints the ID.
 */
const CREATE_SPEC: Readonly<Record<string, OptionSpec>> = {
  help: { type: 'bool' },
  interactive: { type: 'bool', short: 'i' },
  tty: { type: 'bool', short: 't' },
  rm: { type: 'bool' },
  name: { type: 'string' },
  publish: { type: 'list', short: 'p' },
  env: { type: 'list', short: 'e' },
  workdir: { type: 'string', short: 'w' },
  user: { type: 'string', short: 'u' },
  entrypoint: { type: 'string' },
  label: { type: 'list', short: 'l' },
  platform: { type: 'string' },
  pull: { type: 'string' },
  quiet: { type: 'bool', short: 'q' },
};
const RUN_SPEC: Readonly<Record<string, OptionSpec>> = { ...CREATE_SPEC, detach: { type: 'bool', short: 'd' } };

async function buildRequest(o: ParsedOptions, ctx: DockerContext, command: string): Promise<CreateContainerRequest> {
  const [image = '', ...args] = o.positionals;
  let ephemeral = 32768;
  const ports = parsePorts(o.lists.get('publish') ?? [], () => ephemeral++, command);
  const labels = Object.fromEntries((o.lists.get('label') ?? []).map((l) => [l.split('=')[0] ?? l, l.includes('=') ? l.slice(l.indexOf('=') + 1) : '']));
  const entrypoint = o.strings.get('entrypoint');
  const workdir = o.strings.get('workdir');
  const user = o.strings.get('user');
  const name = o.strings.get('name');
  // The daemon refuses it at create time: reported with the usage hint.
  if (workdir !== undefined && !workdir.startsWith('/')) throw runError(`Error response from daemon: the working directory '${workdir}' is invalid, it needs to be an absolute path`, command);
  return {
    image,
    args,
    ports,
    labels,
    env: envList(o.lists.get('env') ?? [], ctx.shell.env),
    tty: o.bools.has('tty'),
    openStdin: o.bools.has('interactive'),
    autoRemove: o.bools.has('rm'),
    ...(entrypoint !== undefined ? { entrypoint } : {}),
    ...(workdir !== undefined ? { workdir } : {}),
    ...(user !== undefined ? { user } : {}),
    ...(name !== undefined ? { name } : {}),
  };
}

async function create(request: CreateContainerRequest, ctx: DockerContext, command: string): Promise<{ id: string }> {
  try {
    if (command === 'run' || command === 'create') await ensureImage(ctx, request.image);
    return await createContainer(ctx.daemon.store, request, { now: ctx.now(), random: await nextRandom(ctx) });
  } catch (error) {
    // `docker create` returns the daemon's error as it is (`Error response from daemon: …`, exit 1).
    if (command === 'create' && isEngineError(error)) throw new DaemonError(error.message);
    throw runDaemonError(error, command);
  }
}

export const runCommand: DockerCommand = {
  path: ['run'],
  aliases: [['container', 'run']],
  summary: 'Create and run a new container from an image',
  usage: RUN_USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, RUN_SPEC, { interspersed: false });
    if (helpRequested(o, this, ctx)) return 0;
    requireArgs(['run'], o.positionals, { min: 1 });
    const detach = o.bools.has('detach');
    const interactive = o.bools.has('interactive');
    const tty = o.bools.has('tty');
    // docker/cli CheckTty: attaching stdin to a TTY needs a terminal on this side.
    if (!detach && interactive && tty && ctx.enterSession === undefined) throw new CliError('the input device is not a TTY', 1);
    const request = await buildRequest(o, ctx, 'run');
    const { id } = await create(request, ctx, 'run');
    const store = ctx.daemon.store;
    if (detach) {
      ctx.shell.stdout.write(`${id}\n`);
      try {
        await startContainer(store, id, { now: ctx.now() });
      } catch (error) {
        throw runDaemonError(error, 'run', false);
      }
      return 0;
    }
    const stdin = interactive ? ctx.shell.stdin.text() : undefined;
    let result;
    try {
      result = await startContainer(store, id, {
        now: ctx.now(),
        ...(stdin !== undefined ? { stdin } : {}),
        onStdout: (t) => ctx.shell.stdout.write(t),
        onStderr: (t) => (tty ? ctx.shell.stdout : ctx.shell.stderr).write(t),
        ...(ctx.shell.signal ? { signal: ctx.shell.signal } : {}),
      });
    } catch (error) {
      throw runDaemonError(error, 'run', false);
    }
    if (result.status === 'running' && interactive && tty && ctx.enterSession !== undefined) {
      const command = await commandOf(ctx, id);
      if (isInteractiveShell(command)) {
        ctx.enterSession(await openContainerSession(ctx, id, command, true));
        return 0;
      }
    }
    return result.status === 'exited' ? result.exitCode : 0;
  },
};

async function commandOf(ctx: DockerContext, id: string): Promise<string[]> {
  const record = await ctx.daemon.store.read((tx) => findContainer(tx, id));
  return readContainerState(record).command;
}

export const createCommand: DockerCommand = {
  path: ['create'],
  aliases: [['container', 'create']],
  summary: 'Create a new container',
  usage: CREATE_USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, CREATE_SPEC, { interspersed: false });
    if (helpRequested(o, this, ctx)) return 0;
    requireArgs(['create'], o.positionals, { min: 1 });
    const { id } = await create(await buildRequest(o, ctx, 'create'), ctx, 'create');
    ctx.shell.stdout.write(`${id}\n`);
    return 0;
  },
};
