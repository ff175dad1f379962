import type { ReadTx } from '@/lib/engine';
import { humanSize } from '../../common/human-units';
import { parseOptions } from '../../common/options';
import { helpRequested, requireArgs, toDaemonError, type DockerCommand } from '../command';
import type { DockerContext } from '../context';
import { formatRows, type FormatSpec } from './format';
import { familiar, readImages, splitFamiliar, truncateId, type ImageEntry } from './image-data';
import { danglingFilter, inWindow, matchLabels, matchReference, parseFilters, timeWindow, validateFilters } from './image-filters';
import { createdSince, goTimeString, isZeroTime } from './time-format';
import { FORMAT_TABLE_HELP, usageText } from './usage';

const USAGE = usageText({
  usage: 'docker image ls [OPTIONS] [REPOSITORY[:TAG]]',
  description: 'List images',
  aliases: 'docker image ls, docker image list, docker images',
  options: [
    ['-a, --all', 'Show all images (default hides intermediate images)'],
    ['    --digests', 'Show digests'],
    ['-f, --filter filter', 'Filter output based on conditions provided'],
    ['    --format string', FORMAT_TABLE_HELP],
    ['    --no-trunc', "Don't truncate output"],
    ['-q, --quiet', 'Only show image IDs'],
  ],
});

const OPTIONS = {
  all: { type: 'bool', short: 'a' },
  digests: { type: 'bool' },
  filter: { type: 'list', short: 'f' },
  format: { type: 'string' },
  'no-trunc': { type: 'bool' },
  quiet: { type: 'bool', short: 'q' },
  help: { type: 'bool', short: 'h' },
} as const;

export const IMAGE_HEADERS: Readonly<Record<string, string>> = {
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  ID: 'IMAGE ID',
  Digest: 'DIGEST',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Containers: 'CONTAINERS',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
};

const SPEC: FormatSpec = {
  defaultFormat: 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}',
  headers: IMAGE_HEADERS,
  typeName: '*formatter.imageContext',
};

/** One row of `docker images`: docker/cli's imageContext, every field a string (keys sorted for `{{json .}}`). */
export interface ImageRow {
  readonly Containers: string;
  readonly CreatedAt: string;
  readonly CreatedSince: string;
  readonly Digest: string;
  readonly ID: string;
  readonly Repository: string;
  readonly SharedSize: string;
  readonly Size: string;
  readonly Tag: string;
  readonly UniqueSize: string;
}

export const imagesCommand: DockerCommand = {
  path: ['image', 'ls'],
  aliases: [['images'], ['image', 'list']],
  summary: 'List images',
  usage: USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, OPTIONS);
    if (helpRequested(o, imagesCommand, ctx)) return 0;
    requireArgs(['image', 'ls'], o.positionals, { max: 1 });
    const filters = parseFilters(o.lists.get('filter') ?? []);
    // `docker images nginx` is `--filter reference=nginx`.
    if (o.positionals[0] !== undefined) filters.set('reference', [...(filters.get('reference') ?? []), o.positionals[0]]);
    const images = await listImages(ctx, filters);
    const noTrunc = o.bools.has('no-trunc');
    const digests = o.bools.has('digests');
    const rows = images.flatMap((image) => imageRows(image, { digests, noTrunc, now: ctx.now() }));
    const format = o.strings.get('format');
    if (o.bools.has('quiet') && (format === undefined || format === 'table')) {
      ctx.shell.stdout.write(rows.map((r) => `${r.ID}\n`).join(''));
      return 0;
    }
    const spec = digests ? { ...SPEC, defaultFormat: SPEC.defaultFormat.replace('{{.Tag}}\t', '{{.Tag}}\t{{.Digest}}\t') } : SPEC;
    const table = () => [
      ['REPOSITORY', 'TAG', ...(digests ? ['DIGEST'] : []), 'IMAGE ID', 'CREATED', 'SIZE'],
      ...rows.map((r) => [r.Repository, r.Tag, ...(digests ? [r.Digest] : []), r.ID, r.CreatedSince || 'N/A', r.Size]),
    ];
    ctx.shell.stdout.write(formatRows(format, rows, spec, table));
    return 0;
  },
};

/** A listed image: the refs the filters kept (familiar forms). */
export interface ListedImage {
  readonly entry: ImageEntry;
  readonly repoTags: readonly string[];
  readonly repoDigests: readonly string[];
}

const ACCEPTED = ['dangling', 'label', 'before', 'since', 'reference', 'until'];

/**
 * The daemon's image list (moby `daemon/images/image_list.go`), newest first. Untagged images
 * are listed (`<none>` rows) as CLI ≤ 28 does and as the material shows — CLI 29 hides them
 * unless `-a`; intermediate images with children do not exist here (BuildKit keeps no parent
 * chain), so `-a` changes nothing.
 */
export async function listImages(ctx: DockerContext, filters: Map<string, string[]>): Promise<ListedImage[]> {
  try {
    return await ctx.daemon.store.read(async (tx) => {
      validateFilters(filters, ACCEPTED);
      const dangling = danglingFilter(filters);
      const window = await timeWindow(tx, filters, ctx.now());
      const patterns = filters.get('reference');
      const wantLabels = filters.has('label');
      const out: ListedImage[] = [];
      for (const entry of await readImages(tx)) {
        if (!inWindow(window, entry)) continue;
        if (wantLabels && !matchLabels(filters, await labelsOf(tx, entry))) continue;
        const keep = (key: string) => patterns === undefined || matchReference(patterns, key, familiar(key));
        const repoTags = entry.tagKeys.filter(keep).map(familiar);
        const repoDigests = entry.digestKeys.filter(keep).map(familiar);
        if (repoTags.length === 0 && repoDigests.length === 0) {
          if (dangling === false || patterns !== undefined) continue;
        } else if (dangling === true && repoTags.length > 0) continue;
        out.push({ entry, repoTags, repoDigests });
      }
      // Newest first; equal times by ID so the order is stable.
      return out.sort((a, b) => compareCreated(b.entry, a.entry) || (a.entry.id < b.entry.id ? -1 : 1));
    });
  } catch (error) {
    throw toDaemonError(error);
  }
}

function compareCreated(a: ImageEntry, b: ImageEntry): number {
  const ta = isZeroTime(a.record.created) ? -Infinity : Date.parse(a.record.created);
  const tb = isZeroTime(b.record.created) ? -Infinity : Date.parse(b.record.created);
  return ta === tb ? 0 : ta < tb ? -1 : 1;
}

const labelCache = new WeakMap<object, Readonly<Record<string, string>> | undefined>();

async function labelsOf(tx: ReadTx, entry: ImageEntry): Promise<Readonly<Record<string, string>> | undefined> {
  if (labelCache.has(entry.record)) return labelCache.get(entry.record);
  const bytes = await tx.get('blobs', entry.record.configDigest);
  const labels = bytes === undefined ? undefined : (JSON.parse(new TextDecoder().decode(bytes)) as { config?: { Labels?: Record<string, string> } }).config?.Labels ?? undefined;
  labelCache.set(entry.record, labels);
  return labels;
}

/**
 * docker/cli `imageFormatTaggedAndDigest`: a row per tag (per tag and digest with `--digests`),
 * a `repo <none>` row for a repository known only by digest, `<none> <none>` for an untagged
 * image. Repositories in name order (Go's map order is random).
 */
export function imageRows(image: ListedImage, options: { digests: boolean; noTrunc: boolean; now: number }): ImageRow[] {
  const { record } = image.entry;
  const base = {
    Containers: 'N/A',
    CreatedAt: isZeroTime(record.created) ? goTimeString(Date.parse('0001-01-01T00:00:00Z')) : goTimeString(Date.parse(record.created)),
    CreatedSince: createdSince(record.created, options.now),
    ID: options.noTrunc ? image.entry.id : truncateId(image.entry.id),
    SharedSize: 'N/A',
    Size: humanSize(record.size),
    UniqueSize: 'N/A',
  };
  const row = (Repository: string, Tag: string, Digest: string): ImageRow => ({ Containers: base.Containers, CreatedAt: base.CreatedAt, CreatedSince: base.CreatedSince, Digest, ID: base.ID, Repository, SharedSize: base.SharedSize, Size: base.Size, Tag, UniqueSize: base.UniqueSize });
  if (image.repoTags.length === 0 && image.repoDigests.length === 0) return [row('<none>', '<none>', '<none>')];
  const tags = groupByRepo(image.repoTags);
  const digests = groupByRepo(image.repoDigests);
  const rows: ImageRow[] = [];
  for (const [repo, repoTags] of [...tags].sort(byKey)) {
    const repoDigests = options.digests ? digests.get(repo) ?? [] : [];
    digests.delete(repo);
    for (const tag of repoTags) {
      if (repoDigests.length === 0) rows.push(row(repo, tag, '<none>'));
      for (const digest of repoDigests) rows.push(row(repo, tag, digest));
    }
  }
  for (const [repo, repoDigests] of [...digests].sort(byKey)) {
    if (options.digests) for (const digest of repoDigests) rows.push(row(repo, '<none>', digest));
    else rows.push(row(repo, '<none>', ''));
  }
  return rows;
}

const byKey = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

function groupByRepo(refs: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const ref of refs) {
    const [repo, rest] = splitFamiliar(ref);
    out.set(repo, [...(out.get(repo) ?? []), rest]);
  }
  return out;
}
