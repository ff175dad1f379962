import { loadImages } from '@/lib/engine';
import { wasmSha256 } from '@/lib/util';
import { describeReadError, type CliIO } from './io';
import { parseOptions, STATE_OPTION, UsageError } from '../common/options';
import { reportDaemonError, withStore } from './state';

export const LOAD_USAGE = `Usage:  layerlab load [OPTIONS]

Load an image from a tar archive (docker save's formats, current and legacy)

Options:
  -i, --input string    Read from tar archive file
  -q, --quiet           Suppress the load output
      --state string    State directory (default $LAYERLAB_STATE or ./.layerlab)
`;

/** `docker load -i FILE`: verified in full before one store write; prints `Loaded image: …` lines. */
export async function loadCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const options = parseOptions(argv, { ...STATE_OPTION, input: { type: 'string', short: 'i' }, quiet: { type: 'bool', short: 'q' } });
  if (options.bools.has('help')) {
    io.stdout(LOAD_USAGE);
    return 0;
  }
  if (options.positionals.length > 0) throw new UsageError('"layerlab load" accepts no arguments.');
  const input = options.strings.get('input');
  if (input === undefined) throw new UsageError('requested load from stdin, but stdin is empty');
  if (!(await io.exists(input))) {
    io.stderr(`${describeReadError(input, { code: 'ENOENT' })}\n`);
    return 1;
  }
  const source = io.readStream ? io.readStream(input) : [await io.readFile(input)];
  try {
    const result = await withStore(io, options, (store) =>
      loadImages(store, source, { sha256: io.sha256 ?? wasmSha256, ...(io.now ? { now: () => new Date((io.now as () => number)()).toISOString() } : {}) }),
    );
    if (!options.bools.has('quiet')) for (const line of result.lines) io.stdout(`${line}\n`);
    return 0;
  } catch (error) {
    return reportDaemonError(io, error);
  }
}
