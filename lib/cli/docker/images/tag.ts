import { isEngineError, parseAnyReference, parseNormalizedNamed, referenceString, resolveImage, tagNameOnly } from '@/lib/engine';
import { parseOptions } from '../../common/options';
import { CliError, helpRequested, requireArgs, toDaemonError, type DockerCommand } from '../command';
import { usageText } from './usage';

const USAGE = usageText({
  usage: 'docker image tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  description: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  aliases: 'docker image tag, docker tag',
});

/**
 * `docker tag`: the client checks both names (`error parsing reference: …`, digest targets
 * refused), the daemon resolves the source (ID, prefix, name, digest) and points the target —
 * `:latest` added — at it, moving an existing tag silently. Silent on success.
 */
export const tagCommand: DockerCommand = {
  path: ['image', 'tag'],
  aliases: [['tag']],
  summary: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  usage: USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { help: { type: 'bool', short: 'h' } });
    if (helpRequested(o, tagCommand, ctx)) return 0;
    requireArgs(['image', 'tag'], o.positionals, { exactly: 2 });
    const [source, target] = o.positionals as [string, string];
    const check = <T>(name: string, parse: () => T): T => {
      try {
        return parse();
      } catch (error) {
        if (!isEngineError(error)) throw error;
        throw new CliError(`error parsing reference: "${name}" is not a valid repository/tag: ${error.message}`);
      }
    };
    check(source, () => parseAnyReference(source));
    const named = check(target, () => parseNormalizedNamed(target));
    if (named.digest !== undefined) throw new CliError('refusing to create a tag with a digest reference');
    const key = referenceString(tagNameOnly(named));
    try {
      await ctx.daemon.store.write(async (tx) => {
        const id = await resolveImage(tx, source);
        await tx.put('refs', key, { imageId: id });
        const record = await tx.get('images', id);
        if (record !== undefined) await tx.put('images', id, { ...record, lastTagTime: new Date(ctx.now()).toISOString() });
      });
    } catch (error) {
      throw toDaemonError(error);
    }
    return 0;
  },
};
