import { parseImageConfig, resolveImage } from '@/lib/engine';
import { humanDuration, humanSize } from '../../common/human-units';
import { parseOptions } from '../../common/options';
import { helpRequested, requireArgs, toDaemonError, type DockerCommand } from '../command';
import type { DockerContext } from '../context';
import { formatRows, type FormatSpec } from './format';
import { truncateId } from './image-data';
import { rfc3339 } from './time-format';
import { FORMAT_TABLE_HELP, usageText } from './usage';

const USAGE = usageText({
  usage: 'docker image history [OPTIONS] IMAGE',
  description: 'Show the history of an image',
  aliases: 'docker image history, docker history',
  options: [
    ['    --format string', FORMAT_TABLE_HELP],
    ['-H, --human', 'Print sizes and dates in human readable format (default true)'],
    ['    --no-trunc', "Don't truncate output"],
    ['-q, --quiet', 'Only show image IDs'],
  ],
});

const OPTIONS = {
  format: { type: 'string' },
  human: { type: 'bool', short: 'H' },
  'no-trunc': { type: 'bool' },
  quiet: { type: 'bool', short: 'q' },
  help: { type: 'bool', short: 'h' },
} as const;

const HEADERS = { ID: 'IMAGE', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT' };

/** One history row (docker/cli historyContext); keys sorted for `{{json .}}`. */
export interface HistoryRow {
  readonly Comment: string;
  readonly CreatedAt: string;
  readonly CreatedBy: string;
  readonly CreatedSince: string;
  readonly ID: string;
  readonly Size: string;
}

/** The daemon's `HistoryResponseItem`. */
export interface HistoryItem {
  readonly id: string;
  /** ms since the epoch; 0 when the entry has no time. */
  readonly created: number;
  readonly createdBy: string;
  readonly comment: string;
  readonly size: number;
}

export const historyCommand: DockerCommand = {
  path: ['image', 'history'],
  aliases: [['history']],
  summary: 'Show the history of an image',
  usage: USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { ...OPTIONS });
    if (helpRequested(o, historyCommand, ctx)) return 0;
    requireArgs(['image', 'history'], o.positionals, { exactly: 1 });
    // -H defaults to true; `-H=false` / `--human=false` turns it off.
    const human = o.bools.has('human') || !argv.some((a) => /^(-H|--human)=false$/.test(a));
    const noTrunc = o.bools.has('no-trunc');
    const items = await imageHistory(ctx, o.positionals[0] as string);
    const rows = items.map((item) => historyRow(item, { human, trunc: !noTrunc, now: ctx.now() }));
    const format = o.strings.get('format');
    if (o.bools.has('quiet') && (format === undefined || format === 'table')) {
      ctx.shell.stdout.write(rows.map((r) => `${r.ID}\n`).join(''));
      return 0;
    }
    const created = human ? 'CreatedSince' : 'CreatedAt';
    const spec: FormatSpec = { defaultFormat: `table {{.ID}}\t{{.${created}}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}`, headers: HEADERS, typeName: '*formatter.historyContext' };
    const table = () => [
      ['IMAGE', human ? 'CREATED' : 'CREATED AT', 'CREATED BY', 'SIZE', 'COMMENT'],
      ...rows.map((r) => [r.ID, human ? r.CreatedSince : r.CreatedAt, r.CreatedBy, r.Size, r.Comment]),
    ];
    ctx.shell.stdout.write(formatRows(format, rows, spec, table));
    return 0;
  },
};

/**
 * moby `ImageHistory`: one item per config history entry, newest first; a non-empty entry gets
 * the size of its layer. The top item carries the image ID, the rest `<missing>` — BuildKit and
 * pulled images have no local parent chain to name them.
 */
export async function imageHistory(ctx: DockerContext, name: string): Promise<HistoryItem[]> {
  try {
    return await ctx.daemon.store.read(async (tx) => {
      const id = await resolveImage(tx, name);
      const record = await tx.get('images', id);
      const bytes = record && (await tx.get('blobs', record.configDigest));
      if (!record || !bytes) throw new Error(`image ${id} is incomplete in the store`);
      const config = parseImageConfig(bytes);
      const items: HistoryItem[] = [];
      let layer = 0;
      for (const entry of config.history ?? []) {
        let size = 0;
        if (entry.empty_layer !== true) {
          const diffId = config.rootfs.diff_ids[layer++];
          size = diffId === undefined ? 0 : (await tx.get('layers', diffId))?.size ?? 0;
        }
        const created = entry.created === undefined ? 0 : Date.parse(entry.created);
        items.unshift({ id: '<missing>', created: Number.isNaN(created) ? 0 : created, createdBy: entry.created_by ?? '', comment: entry.comment ?? '', size });
      }
      if (items[0] !== undefined) items[0] = { ...items[0], id };
      return items;
    });
  } catch (error) {
    throw toDaemonError(error);
  }
}

/** Created times up to this one print `N/A` (docker/cli history formatter's `epoch`). */
const EPOCH_2000 = Date.parse('2000-01-01T00:00:00Z');

export function historyRow(item: HistoryItem, options: { human: boolean; trunc: boolean; now: number }): HistoryRow {
  const createdAt = rfc3339(item.created);
  const createdBy = item.createdBy.replaceAll('\t', ' ');
  return {
    Comment: item.comment,
    CreatedAt: createdAt,
    CreatedBy: options.trunc ? ellipsis(createdBy, 45) : createdBy,
    CreatedSince: !options.human ? createdAt : item.created <= EPOCH_2000 ? 'N/A' : `${humanDuration(options.now - item.created)} ago`,
    ID: options.trunc && item.id !== '<missing>' ? truncateId(item.id) : item.id,
    Size: options.human ? humanSize(item.size) : String(item.size),
  };
}

/** East Asian wide characters take two cells (go-runewidth, as docker/cli's Ellipsis counts). */
function cellWidth(codePoint: number): number {
  return (codePoint >= 0x1100 && codePoint <= 0x115f) || (codePoint >= 0x2e80 && codePoint <= 0xa4cf) || (codePoint >= 0xac00 && codePoint <= 0xd7a3) || (codePoint >= 0xf900 && codePoint <= 0xfaff) || (codePoint >= 0xfe30 && codePoint <= 0xfe4f) || (codePoint >= 0xff00 && codePoint <= 0xff60) || (codePoint >= 0xffe0 && codePoint <= 0xffe6) || (codePoint >= 0x1f300 && codePoint <= 0x1faff) || (codePoint >= 0x20000 && codePoint <= 0x3fffd) ? 2 : 1;
}

/** docker/cli `formatter.Ellipsis`: at most `max` display cells, the last one `…` when cut. */
export function ellipsis(text: string, max: number): string {
  const runes = [...text];
  let width = 0;
  for (const [i, rune] of runes.entries()) {
    width += cellWidth(rune.codePointAt(0) as number);
    if (width > max - 1) {
      const total = runes.slice(i).reduce((w, r) => w + cellWidth(r.codePointAt(0) as number), width - cellWidth(rune.codePointAt(0) as number));
      return total <= max ? text : `${runes.slice(0, i).join('')}…`;
    }
  }
  return text;
}
