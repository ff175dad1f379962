import { loadImages } from '@/lib/engine';
import { parseOptions } from '../../common/options';
import { CliError, helpRequested, requireArgs, toDaemonError, type DockerCommand } from '../command';
import { readWorkspaceFile } from './archive-io';
import { usageText } from './usage';

const USAGE = usageText({
  usage: 'docker image load [OPTIONS]',
  description: 'Load an image from a tar archive or STDIN',
  aliases: 'docker image load, docker load',
  options: [
    ['-i, --input string', 'Read from tar archive file, instead of STDIN'],
    ['-q, --quiet', 'Suppress the load output'],
  ],
});

/**
 * `docker load` (docker/cli `image/load.go` + moby `tarexport/load.go`): from `-i FILE` in the
 * workspace or from stdin. The engine verifies every digest and refuses hostile or corrupt
 * archives before its single store write, so a refused archive changes nothing. `Loaded image:`
 * lines are the daemon's messages, printed with or without `-q` (which only hides progress).
 */
export const loadCommand: DockerCommand = {
  path: ['image', 'load'],
  aliases: [['load']],
  summary: 'Load an image from a tar archive or STDIN',
  usage: USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { input: { type: 'string', short: 'i' }, quiet: { type: 'bool', short: 'q' }, help: { type: 'bool', short: 'h' } });
    if (helpRequested(o, loadCommand, ctx)) return 0;
    requireArgs(['image', 'load'], o.positionals, { max: 0 });
    const input = o.strings.get('input');
    let bytes: Uint8Array;
    if (input !== undefined) bytes = await readWorkspaceFile(ctx, input);
    else {
      bytes = ctx.shell.stdin.bytes();
      // docker refuses a terminal as input; here an empty stdin is what a terminal would give.
      if (bytes.length === 0) throw new CliError('requested load from stdin, but stdin is empty');
    }
    try {
      const result = await loadImages(ctx.daemon.store, [bytes], { sha256: ctx.sha256, now: () => new Date(ctx.now()).toISOString() });
      ctx.shell.stdout.write(result.lines.map((line) => `${line}\n`).join(''));
      return 0;
    } catch (error) {
      throw toDaemonError(error);
    }
  },
};
