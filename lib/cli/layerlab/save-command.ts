import { saveImages } from '@/lib/engine';
import { wasmSha256 } from '@/lib/util';
import type { CliIO } from './io';
import { parseOptions, STATE_OPTION, UsageError } from '../common/options';
import { reportDaemonError, requireCapability, withStore } from './state';

export const SAVE_USAGE = `Usage:  layerlab save [OPTIONS] IMAGE [IMAGE...]

Save one or more images to a tar archive (docker save: OCI layout + manifest.json)

Options:
  -o, --output string   Write to a file
      --state string    State directory (default $LAYERLAB_STATE or ./.layerlab)
`;

/** `docker save -o FILE IMAGE...`: names resolve as the daemon resolves them; the file appears whole or not at all. */
export async function saveCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const options = parseOptions(argv, { ...STATE_OPTION, output: { type: 'string', short: 'o' } });
  if (options.bools.has('help')) {
    io.stdout(SAVE_USAGE);
    return 0;
  }
  if (options.positionals.length === 0) throw new UsageError('"layerlab save" requires at least 1 argument.');
  const output = options.strings.get('output');
  // Without -o docker writes to stdout unless it is a terminal; the CLI here always needs a file.
  if (output === undefined) throw new UsageError('cowardly refusing to save to a terminal. Use the -o flag or redirect');
  const writeFile = requireCapability(io, 'writeFile', 'writing files');
  try {
    await withStore(io, options, async (store) => {
      const chunks = await saveImages(store, options.positionals, { sha256: io.sha256 ?? wasmSha256 });
      await writeFile(output, chunks);
    });
    return 0;
  } catch (error) {
    return reportDaemonError(io, error);
  }
}
