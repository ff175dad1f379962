import { commitContainer, execInContainer, exportContainer, isEngineError, isInteractiveShell } from '@/lib/engine';
import { parseOptions } from '../../common/options';
import { CliError, helpRequested, requireArgs, type DockerCommand } from '../command';
import { openContainerSession } from './container-session';
import { envList } from './support';
import { COMMIT_USAGE, EXEC_USAGE, EXPORT_USAGE } from './usage';

/** `docker exec [-it] C CMD…`, `docker commit`, `docker export` (docker/cli container/*.go). */
export const execCommand: DockerCommand = {
  path: ['exec'],
  aliases: [['container', 'exec']],
  summary: 'Execute a command in a running container',
  usage: EXEC_USAGE,
  async run(argv, ctx) {
    const o = parseOptions(
      argv,
      { help: { type: 'bool' }, interactive: { type: 'bool', short: 'i' }, tty: { type: 'bool', short: 't' }, detach: { type: 'bool', short: 'd' }, env: { type: 'list', short: 'e' }, workdir: { type: 'string', short: 'w' }, user: { type: 'string', short: 'u' } },
      { interspersed: false },
    );
    if (helpRequested(o, this, ctx)) return 0;
    requireArgs(['exec'], o.positionals, { min: 2 });
    const [ref = '', ...command] = o.positionals;
    const interactive = o.bools.has('interactive');
    const tty = o.bools.has('tty');
    if (interactive && tty && !o.bools.has('detach') && ctx.enterSession === undefined) throw new CliError('the input device is not a TTY', 1);
    const store = ctx.daemon.store;
    const workdir = o.strings.get('workdir');
    const user = o.strings.get('user');
    try {
      if (interactive && tty && ctx.enterSession !== undefined && isInteractiveShell(command)) {
        // Fails here, before the terminal switches: container not running, shell not in the image.
        const check = await execInContainer(store, ref, [command[0] ?? 'sh', '-c', 'true'], {}, { now: ctx.now() });
        if (check.error !== undefined) {
          ctx.shell.stdout.write(`${check.error}\n`);
          return check.exitCode;
        }
        ctx.enterSession(await openContainerSession(ctx, ref, command, false));
        return 0;
      }
      const result = await execInContainer(
        store,
        ref,
        command,
        { env: envList(o.lists.get('env') ?? [], ctx.shell.env), ...(workdir !== undefined ? { workdir } : {}), ...(user !== undefined ? { user } : {}) },
        {
          now: ctx.now(),
          ...(interactive ? { stdin: ctx.shell.stdin.text() } : {}),
          onStdout: (t) => ctx.shell.stdout.write(t),
          onStderr: (t) => (tty ? ctx.shell.stdout : ctx.shell.stderr).write(t),
          ...(ctx.shell.signal ? { signal: ctx.shell.signal } : {}),
        },
      );
      // The runtime's refusal reaches the client through the exec's output stream (docker/cli#2025).
      if (result.error !== undefined) ctx.shell.stdout.write(`${result.error}\n`);
      return result.exitCode;
    } catch (error) {
      if (isEngineError(error)) throw new CliError(`Error response from daemon: ${error.message}`);
      throw error;
    }
  },
};

export const commitCommand: DockerCommand = {
  path: ['commit'],
  aliases: [['container', 'commit']],
  summary: "Create a new image from a container's changes",
  usage: COMMIT_USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { help: { type: 'bool' }, author: { type: 'string', short: 'a' }, change: { type: 'list', short: 'c' }, message: { type: 'string', short: 'm' }, pause: { type: 'bool', short: 'p' } });
    if (helpRequested(o, this, ctx)) return 0;
    requireArgs(['commit'], o.positionals, { min: 1, max: 2 });
    const [ref = '', reference] = o.positionals;
    const message = o.strings.get('message');
    const author = o.strings.get('author');
    const id = await commitContainer(ctx.daemon.store, ref, {
      now: ctx.now(),
      sha256: ctx.sha256,
      changes: o.lists.get('change') ?? [],
      ...(reference !== undefined ? { reference } : {}),
      ...(message !== undefined ? { message } : {}),
      ...(author !== undefined ? { author } : {}),
    });
    ctx.shell.stdout.write(`${id}\n`);
    return 0;
  },
};

export const exportCommand: DockerCommand = {
  path: ['export'],
  aliases: [['container', 'export']],
  summary: "Export a container's filesystem as a tar archive",
  usage: EXPORT_USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { help: { type: 'bool' }, output: { type: 'string', short: 'o' } });
    if (helpRequested(o, this, ctx)) return 0;
    requireArgs(['export'], o.positionals, { exactly: 1 });
    const output = o.strings.get('output');
    if (output === undefined && ctx.tty) throw new CliError('cowardly refusing to save to a terminal. Use the -o flag or redirect');
    const chunks = await exportContainer(ctx.daemon.store, o.positionals[0] as string);
    if (output === undefined) {
      for await (const chunk of chunks) ctx.shell.stdout.write(chunk);
      return 0;
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of chunks) {
      parts.push(chunk);
      size += chunk.length;
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    const path = ctx.shell.resolve(output);
    try {
      await ctx.shell.fs.writeFile(path, bytes);
    } catch {
      throw new CliError(`failed to export container: open ${output}: no such file or directory`);
    }
    return 0;
  },
};
