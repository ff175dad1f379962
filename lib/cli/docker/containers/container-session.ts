import { endSession, isEngineError, isRunning, readContainerState, runSessionLine, shellFlavor, findContainer, type ShellSessionState } from '@/lib/engine';
import type { DockerContext, DockerDaemon, SessionIo, ShellSession } from '../context';

/**
 * The modeled shell inside a container, as the terminal shows it: `root@3f2a1b4c5d6e:/# ` for
 * bash, `/ # ` for busybox's ash (alpine), `# ` for dash. Each line runs in the engine over the
 * container's filesystem; the container's own shell (`docker run -it`) stops the container when
 * it exits, an exec'd one (`docker exec -it`) leaves it running.
 */
export async function openContainerSession(ctx: Pick<DockerContext, 'daemon' | 'now'>, containerId: string, command: readonly string[], main: boolean): Promise<ShellSession> {
  const store = ctx.daemon.store;
  const shell = command[0] ?? 'sh';
  const flavor = await shellFlavor(store, containerId, shell);
  const record = await store.read((tx) => findContainer(tx, containerId));
  const initial = readContainerState(record, ctx.now());
  let session: ShellSessionState | null = main ? initial.session : null;
  let lastStatus = 0;
  const hostname = initial.config.hostname;
  const prompt = (): string => {
    const cwd = session?.cwd ?? initial.config.workdir;
    const env = session?.env ?? {};
    const home = env.HOME ?? '/root';
    const user = env.USER ?? (initial.config.user === '' || initial.config.user === 'root' || initial.config.user === '0' ? 'root' : initial.config.user.split(':')[0]);
    const root = user === 'root';
    const short = cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
    if (flavor === 'bash') return `${user}@${hostname}:${short}${root ? '#' : '$'} `;
    if (flavor === 'busybox') return `${short} ${root ? '#' : '$'} `;
    return root ? '# ' : '$ ';
  };
  return {
    prompt,
    async runLine(line: string, io: SessionIo) {
      const result = await runSessionLine(store, containerId, line, {
        now: ctx.now(),
        session,
        shell,
        main,
        onStdout: (t) => io.stdout(t),
        onStderr: (t) => io.stderr(t),
        ...(io.signal ? { signal: io.signal } : {}),
      });
      session = result.session;
      lastStatus = result.exitCode;
      // bash prints `exit` when its `exit` builtin ends an interactive shell.
      if (result.exited && flavor === 'bash') io.stdout('exit\n');
      return { exitCode: result.exitCode, exited: result.exited };
    },
    async close() {
      if (main) await endSession(store, containerId, { now: ctx.now(), exitCode: lastStatus });
    },
    descriptor: { kind: 'container', containerId, host: ctx.daemon.host, command: [...command] },
  };
}

/**
 * The session a reloaded terminal (or the next `layerlab sh -c` call) had open inside a
 * container, from its persisted descriptor: undefined when the container is gone or no longer
 * running. It is the container's own shell (`docker run -it`) when that shell is still what keeps
 * the container running, else a `docker exec -it` shell beside the main process.
 */
export async function reopenContainerSession(
  descriptor: ShellSession['descriptor'],
  daemon: DockerDaemon,
  now: () => number,
): Promise<ShellSession | undefined> {
  if (descriptor.kind !== 'container') return undefined;
  let state;
  try {
    state = readContainerState(await daemon.store.read((tx) => findContainer(tx, descriptor.containerId)), now());
  } catch (error) {
    if (isEngineError(error)) return undefined;
    throw error;
  }
  if (!isRunning(state)) return undefined;
  const main = state.blocking?.kind === 'shell' && state.command.join('\0') === descriptor.command.join('\0');
  return openContainerSession({ daemon, now }, descriptor.containerId, descriptor.command, main);
}
