import { isEngineError } from '@/lib/engine';
import { parseOptions } from '../../common/options';
import { CliError, DaemonError, helpRequested, requireArgs, type DockerCommand } from '../command';
import { readContainers } from './image-data';
import { collectGarbageForContainers, deleteImage } from './image-delete';
import { usageText } from './usage';

const USAGE = usageText({
  usage: 'docker image rm [OPTIONS] IMAGE [IMAGE...]',
  description: 'Remove one or more images',
  aliases: 'docker image rm, docker image remove, docker rmi',
  options: [
    ['-f, --force', 'Force removal of the image'],
    ['    --no-prune', 'Do not delete untagged parents'],
  ],
});

/**
 * `docker rmi` (docker/cli `image/remove.go`): each argument is one daemon call, in order, each
 * its own store write; `Untagged:` / `Deleted:` lines as they come. Errors are collected and
 * printed together at the end (exit 1) — with `-f`, not-found errors alone are printed and the
 * exit code stays 0.
 */
export const rmiCommand: DockerCommand = {
  path: ['image', 'rm'],
  aliases: [['rmi'], ['image', 'remove']],
  summary: 'Remove one or more images',
  usage: USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { force: { type: 'bool', short: 'f' }, 'no-prune': { type: 'bool' }, help: { type: 'bool', short: 'h' } });
    if (helpRequested(o, rmiCommand, ctx)) return 0;
    requireArgs(['image', 'rm'], o.positionals, { min: 1 });
    const force = o.bools.has('force');
    const errors: string[] = [];
    let fatal = false;
    for (const name of o.positionals) {
      try {
        const result = await ctx.daemon.store.write(async (tx) => {
          const containers = await readContainers(tx, ctx.now());
          const deleted = await deleteImage(tx, name, { force, prune: !o.bools.has('no-prune'), sha256: ctx.sha256, containers });
          await collectGarbageForContainers(tx, containers);
          return deleted;
        });
        ctx.shell.stdout.write(result.items.map((item) => (item.deleted !== undefined ? `Deleted: ${item.deleted}\n` : `Untagged: ${item.untagged}\n`)).join(''));
      } catch (error) {
        if (isEngineError(error)) {
          if (error.code !== 'no-such-image') fatal = true;
          errors.push(`Error response from daemon: ${error.message}`);
        } else if (error instanceof DaemonError) {
          fatal = true;
          errors.push(`Error response from daemon: ${error.message}`);
        } else throw error;
      }
    }
    if (errors.length === 0) return 0;
    if (!force || fatal) throw new CliError(errors.join('\n'));
    ctx.shell.stderr.write(`${errors.join('\n')}\n`);
    return 0;
  },
};
