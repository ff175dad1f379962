import { saveImages } from '@/lib/engine';
import { parseOptions } from '../../common/options';
import { CliError, helpRequested, requireArgs, toDaemonError, type DockerCommand } from '../command';
import { validateOutputPath, writeStreamToFile } from './archive-io';
import { usageText } from './usage';

const USAGE = usageText({
  usage: 'docker image save [OPTIONS] IMAGE [IMAGE...]',
  description: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
  aliases: 'docker image save, docker save',
  options: [['-o, --output string', 'Write to a file, instead of STDOUT']],
});

/**
 * `docker save` (docker/cli `image/save.go`): the engine's archive (OCI layout + manifest.json),
 * streamed into a workspace file with `-o` — written beside it and renamed when complete — or to
 * stdout when that is not a terminal. Names resolve before the first byte is written, so a
 * missing image leaves no file.
 */
export const saveCommand: DockerCommand = {
  path: ['image', 'save'],
  aliases: [['save']],
  summary: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
  usage: USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { output: { type: 'string', short: 'o' }, help: { type: 'bool', short: 'h' } });
    if (helpRequested(o, saveCommand, ctx)) return 0;
    requireArgs(['image', 'save'], o.positionals, { min: 1 });
    const output = o.strings.get('output');
    if (output === undefined && ctx.tty) throw new CliError('cowardly refusing to save to a terminal. Use the -o flag or redirect');
    if (output !== undefined) await validateOutputPath(ctx, output);
    let chunks: AsyncIterable<Uint8Array>;
    try {
      chunks = await saveImages(ctx.daemon.store, o.positionals, { sha256: ctx.sha256 });
    } catch (error) {
      throw toDaemonError(error);
    }
    if (output === undefined) {
      for await (const chunk of chunks) ctx.shell.stdout.write(chunk);
      return 0;
    }
    await writeStreamToFile(ctx.shell.fs, ctx.shell.resolve(output), chunks);
    return 0;
  },
};
