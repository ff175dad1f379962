import { familiarRef, type ImageRecord } from '@/lib/engine';
import { shortId } from '@/lib/util';
import { humanDuration, humanSize, tabulate } from '../common/human-units';
import type { CliIO } from './io';
import { parseOptions, STATE_OPTION, UsageError } from '../common/options';
import { withStore } from './state';

export const IMAGES_USAGE = `Usage:  layerlab images [OPTIONS]

List images (the classic docker images table)

Options:
  -q, --quiet           Only show image IDs
      --no-trunc        Don't truncate output
      --state string    State directory (default $LAYERLAB_STATE or ./.layerlab)
`;

interface Row {
  repository: string;
  tag: string;
  image: ImageRecord;
}

/** Go's zero time (and anything before 1970 here): CreatedSince prints `N/A`. */
const isZeroTime = (iso: string) => iso.startsWith('0001-');

/**
 * `docker images` in the classic format (docker-semantics §2g): one row per tag, `<none>` rows
 * for untagged images (as CLI ≤ 28 shows them), newest first, Go tabwriter spacing.
 */
export async function imagesCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const options = parseOptions(argv, { ...STATE_OPTION, quiet: { type: 'bool', short: 'q' }, 'no-trunc': { type: 'bool' } });
  if (options.bools.has('help')) {
    io.stdout(IMAGES_USAGE);
    return 0;
  }
  if (options.positionals.length > 0) throw new UsageError('"layerlab images" accepts no arguments here (filters are not modeled yet).');
  const { images, refs } = await withStore(io, options, (store) =>
    store.read(async (tx) => ({ images: await tx.list('images'), refs: await tx.list('refs') })),
  );
  const rows: Row[] = [];
  const tagged = new Set<string>();
  for (const [key, ref] of refs) {
    const image = images.find(([id]) => id === ref.imageId)?.[1];
    if (image === undefined || key.includes('@')) continue;
    const name = familiarRef(key);
    const colon = name.lastIndexOf(':');
    rows.push({ repository: name.slice(0, colon), tag: name.slice(colon + 1), image });
    tagged.add(image.id);
  }
  for (const [id, image] of images) if (!tagged.has(id)) rows.push({ repository: '<none>', tag: '<none>', image });
  rows.sort((a, b) => (a.image.created < b.image.created ? 1 : a.image.created > b.image.created ? -1 : `${a.repository}:${a.tag}` < `${b.repository}:${b.tag}` ? -1 : 1));
  const noTrunc = options.bools.has('no-trunc');
  const idOf = (image: ImageRecord) => (noTrunc ? image.id : shortId(image.id));
  if (options.bools.has('quiet')) {
    io.stdout(rows.map((r) => `${idOf(r.image)}\n`).join(''));
    return 0;
  }
  const now = io.now?.() ?? Date.now();
  const created = (iso: string) => (isZeroTime(iso) ? 'N/A' : `${humanDuration(now - Date.parse(iso))} ago`);
  io.stdout(tabulate([
    ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
    ...rows.map((r) => [r.repository, r.tag, idOf(r.image), created(r.image.created), humanSize(r.image.size)]),
  ]));
  return 0;
}
