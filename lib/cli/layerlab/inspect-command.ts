import { formatImageInspect, isEngineError, repoTagsOf, resolveImage, toImageInspect, parseImageConfig, type ImageInspect } from '@/lib/engine';
import type { CliIO } from './io';
import { parseOptions, STATE_OPTION, UsageError } from '../common/options';
import { withStore } from './state';

export const INSPECT_USAGE = `Usage:  layerlab inspect IMAGE [IMAGE...]

Display detailed information on one or more images (docker image inspect)

Options:
      --state string    State directory (default $LAYERLAB_STATE or ./.layerlab)
`;

/**
 * `docker image inspect`: the found images as one JSON array on stdout; each missing one as
 * `Error response from daemon: No such image: …` on stderr and exit 1 (docker-semantics §2g).
 */
export async function inspectCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const options = parseOptions(argv, STATE_OPTION);
  if (options.bools.has('help')) {
    io.stdout(INSPECT_USAGE);
    return 0;
  }
  if (options.positionals.length === 0) throw new UsageError('"layerlab inspect" requires at least 1 argument.');
  const errors: string[] = [];
  const found = await withStore(io, options, (store) =>
    store.read(async (tx) => {
      const out: ImageInspect[] = [];
      for (const name of options.positionals) {
        try {
          const id = await resolveImage(tx, name);
          const record = await tx.get('images', id);
          const config = record && (await tx.get('blobs', record.configDigest));
          if (!record || !config) throw new Error(`image ${id} is incomplete in the store`);
          out.push(toImageInspect({ id, config: parseImageConfig(config), repoTags: await repoTagsOf(tx, id), size: record.size, ...(record.lastTagTime ? { lastTagTime: record.lastTagTime } : {}) }));
        } catch (error) {
          if (!isEngineError(error)) throw error;
          errors.push(error.message);
        }
      }
      return out;
    }),
  );
  io.stdout(formatImageInspect(found));
  for (const message of errors) io.stderr(`Error response from daemon: ${message}\n`);
  return errors.length > 0 ? 1 : 0;
}
