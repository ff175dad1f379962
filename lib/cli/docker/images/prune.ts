import { isEngineError, parseImageConfig, type ReadTx } from '@/lib/engine';
import { parseOptions } from '../../common/options';
import { DaemonError, helpRequested, requireArgs, toDaemonError, type DockerCommand } from '../command';
import type { DockerContext } from '../context';
import { readContainers, readImages } from './image-data';
import { collectGarbageForContainers, deleteImage, type DeleteItem } from './image-delete';
import { matchLabels, parseFilters, validateFilters } from './image-filters';
import { humanSize4 } from '@/lib/util';
import { isZeroTime, parseTimestamp } from './time-format';
import { usageText } from './usage';

const USAGE = usageText({
  usage: 'docker image prune [OPTIONS]',
  description: 'Remove unused images',
  options: [
    ['-a, --all', 'Remove all unused images, not just dangling ones'],
    ['    --filter filter', 'Provide filter values (e.g. "until=<timestamp>")'],
    ['-f, --force', 'Do not prompt for confirmation'],
  ],
});

const DANGLING_WARNING = 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ';
const ALL_WARNING = 'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue? [y/N] ';

export const imagePruneCommand: DockerCommand = {
  path: ['image', 'prune'],
  summary: 'Remove unused images',
  usage: USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { all: { type: 'bool', short: 'a' }, filter: { type: 'list' }, force: { type: 'bool', short: 'f' }, help: { type: 'bool', short: 'h' } });
    if (helpRequested(o, imagePruneCommand, ctx)) return 0;
    requireArgs(['image', 'prune'], o.positionals, { max: 0 });
    const all = o.bools.has('all');
    const filters = parseFilters(o.lists.get('filter') ?? []);
    if (!o.bools.has('force') && !(await confirm(ctx, all ? ALL_WARNING : DANGLING_WARNING))) {
      // docker/cli: "image prune has been cancelled" is a Cancelled error, which exits 0 silently.
      return 0;
    }
    const report = await pruneImages(ctx, filters, all);
    if (report.items.length > 0) {
      ctx.shell.stdout.write(`Deleted Images:\n${report.items.map((i) => (i.deleted !== undefined ? `deleted: ${i.deleted}\n` : `untagged: ${i.untagged}\n`)).join('')}\n`);
    }
    ctx.shell.stdout.write(`Total reclaimed space: ${humanSize4(report.items.length > 0 ? report.reclaimed : 0)}\n`);
    return 0;
  },
};

/**
 * docker/cli `prompt.Confirm`: the question, then one line; only `y` / `Y` is yes. The terminal
 * asks through `ctx.prompt` (it shows the question); piped, the question goes to stdout and the
 * answer comes from stdin, as docker does without a TTY.
 */
export async function confirm(ctx: DockerContext, question: string): Promise<boolean> {
  let answer: string | undefined;
  if (ctx.prompt !== undefined) answer = await ctx.prompt(question);
  else {
    ctx.shell.stdout.write(question);
    answer = ctx.shell.stdin.readLine()?.line;
  }
  return (answer ?? '').trim().toLowerCase() === 'y';
}

export interface PruneReport {
  readonly items: DeleteItem[];
  readonly reclaimed: number;
}

/**
 * moby `ImagesPrune` (graphdriver): dangling (no tag; digest refs do not count) or, with `-a`,
 * every image; `until=` and `label=` / `label!=` narrow it. Each ref is deleted without force,
 * so images containers use are skipped quietly. One store write for the lot.
 */
export async function pruneImages(ctx: DockerContext, filters: Map<string, string[]>, all: boolean): Promise<PruneReport> {
  try {
    return await ctx.daemon.store.write(async (tx) => {
      validateFilters(filters, ['dangling', 'label', 'label!', 'until']);
      const danglingOnly = danglingDefault(filters, !all);
      const until = untilOf(filters, ctx.now());
      const containers = await readContainers(tx, ctx.now());
      const items: DeleteItem[] = [];
      let reclaimed = 0;
      const images = (await readImages(tx)).sort((a, b) => (a.id < b.id ? -1 : 1));
      for (const image of images) {
        if (danglingOnly && image.tagKeys.length > 0) continue;
        if (until !== undefined && (isZeroTime(image.record.created) || Date.parse(image.record.created) > until)) continue;
        if ((filters.has('label') || filters.has('label!')) && !matchLabels(filters, await labelsOf(tx, image.record.configDigest))) continue;
        const refs = [...image.tagKeys, ...image.digestKeys].sort();
        for (const ref of refs.length > 0 ? refs : [image.id.slice('sha256:'.length)]) {
          try {
            const result = await deleteImage(tx, ref, { force: false, prune: true, sha256: ctx.sha256, containers });
            items.push(...result.items);
            reclaimed += result.reclaimed;
          } catch (error) {
            // moby `imageDeleteFailed`: conflicts and vanished images are skipped, not reported.
            if (!(error instanceof DaemonError) && !isEngineError(error)) throw error;
          }
        }
      }
      await collectGarbageForContainers(tx, containers);
      return { items, reclaimed };
    });
  } catch (error) {
    throw toDaemonError(error);
  }
}

/** `filters.GetBoolOrDefault("dangling", def)`. */
function danglingDefault(filters: ReadonlyMap<string, readonly string[]>, fallback: boolean): boolean {
  const values = filters.get('dangling');
  if (values === undefined || values.length === 0) return fallback;
  const value = values[values.length - 1] as string;
  if (['1', 't', 'true', 'TRUE', 'True'].includes(value)) return true;
  if (['0', 'f', 'false', 'FALSE', 'False'].includes(value)) return false;
  throw new DaemonError(`invalid filter 'dangling=${value}'`);
}

/** `getUntilFromPruneFilters`: one `until` at most, as a timestamp or a duration back from now. */
function untilOf(filters: ReadonlyMap<string, readonly string[]>, now: number): number | undefined {
  const values = filters.get('until') ?? [];
  if (values.length === 0) return undefined;
  if (values.length > 1) throw new DaemonError('more than one until filter specified');
  try {
    return parseTimestamp(values[0] as string, now);
  } catch (error) {
    throw new DaemonError((error as Error).message);
  }
}

async function labelsOf(tx: ReadTx, configDigest: string): Promise<Readonly<Record<string, string>> | undefined> {
  const bytes = await tx.get('blobs', configDigest);
  return bytes === undefined ? undefined : parseImageConfig(bytes).config.Labels;
}
