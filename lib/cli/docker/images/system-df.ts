import { goStruct } from '../../go-template';
import { humanDuration, humanSize, tabulate } from '../../common/human-units';
import { parseOptions } from '../../common/options';
import { helpRequested, requireArgs, type DockerCommand } from '../command';
import { containerCommand, containerImage, containerStatusText } from './container-view';
import { readDiskUsage, summaryRows, type DiskUsage } from './disk-usage';
import { ellipsis } from './history';
import { formatInspect, formatRows } from './format';
import { familiar, splitFamiliar, truncateId } from './image-data';
import { humanSize4 } from '@/lib/util';
import { createdSince } from './time-format';
import { FORMAT_TABLE_HELP, usageText } from './usage';

const USAGE = usageText({
  usage: 'docker system df [OPTIONS]',
  description: 'Show docker disk usage',
  options: [
    ['    --format string', FORMAT_TABLE_HELP],
    ['-v, --verbose', 'Show detailed information on space usage'],
  ],
});

const SUMMARY_HEADERS = { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' };

export const systemDfCommand: DockerCommand = {
  path: ['system', 'df'],
  summary: 'Show docker disk usage',
  usage: USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { format: { type: 'string' }, verbose: { type: 'bool', short: 'v' }, help: { type: 'bool', short: 'h' } });
    if (helpRequested(o, systemDfCommand, ctx)) return 0;
    requireArgs(['system', 'df'], o.positionals, { max: 0 });
    const du = await ctx.daemon.store.read((tx) => readDiskUsage(tx, ctx.daemon.store, ctx.now()));
    const format = o.strings.get('format');
    const now = ctx.now();
    if (!o.bools.has('verbose')) {
      const rows = summaryRows(du, humanSize4);
      const spec = { defaultFormat: 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}', headers: SUMMARY_HEADERS, typeName: '*formatter.diskUsageImagesContext' };
      ctx.shell.stdout.write(formatRows(format, rows, spec, () => [['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'], ...rows.map((r) => [r.Type, r.TotalCount, r.Active, r.Size, r.Reclaimable])]));
      return 0;
    }
    const tables = verboseTables(du, now);
    if (format !== undefined && format !== '' && format !== 'table') {
      const data = goStruct({ Images: tables.images.map((r) => goStruct(r, '*formatter.imageContext')), Containers: tables.containers, Volumes: [], BuildCache: tables.cache }, '*formatter.diskUsageContext');
      ctx.shell.stdout.write(formatInspect(format === 'json' ? '{{json .}}' : format, data, '*formatter.diskUsageContext'));
      return 0;
    }
    const table = (header: readonly string[], rows: readonly (readonly string[])[]) => tabulate([header, ...rows]);
    ctx.shell.stdout.write(
      'Images space usage:\n\n' +
        table(['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE', 'SHARED SIZE', 'UNIQUE SIZE', 'CONTAINERS'], tables.images.map((r) => [r.Repository, r.Tag, r.ID, r.CreatedSince, r.Size, r.SharedSize, r.UniqueSize, r.Containers])) +
        '\nContainers space usage:\n\n' +
        table(['CONTAINER ID', 'IMAGE', 'COMMAND', 'LOCAL VOLUMES', 'SIZE', 'CREATED', 'STATUS', 'NAMES'], tables.containers.map((c) => [c.ID, c.Image, c.Command, c.LocalVolumes, c.Size, c.RunningFor, c.Status, c.Names])) +
        '\nLocal Volumes space usage:\n\n' +
        table(['VOLUME NAME', 'LINKS', 'SIZE'], []) +
        `\nBuild cache usage: ${humanSize4(du.buildCache.filter((b) => !b.shared).reduce((n, b) => n + b.size, 0))}\n\n` +
        table(['CACHE ID', 'CACHE TYPE', 'SIZE', 'CREATED', 'LAST USED', 'USAGE', 'SHARED'], tables.cache.map((b) => [b.ID, b.CacheType, b.Size, b.CreatedSince, b.LastUsedSince, b.UsageCount, b.Shared])),
    );
    return 0;
  },
};

/** The rows of `docker system df -v`, field names as docker/cli's contexts name them. */
function verboseTables(du: DiskUsage, now: number) {
  const images = [...du.images]
    .sort((a, b) => (a.entry.record.created < b.entry.record.created ? 1 : a.entry.record.created > b.entry.record.created ? -1 : 0))
    .map(({ entry, sharedSize, containers }) => {
      // Only the first tag is shown; an untagged image is `<none> <none>`.
      const first = entry.tagKeys[0];
      const [repo, tag] = first === undefined ? ['<none>', '<none>'] : splitFamiliar(familiar(first));
      return {
        Containers: String(containers),
        CreatedAt: entry.record.created,
        CreatedSince: createdSince(entry.record.created, now),
        Digest: '',
        ID: truncateId(entry.id),
        Repository: repo,
        SharedSize: humanSize4(sharedSize),
        Size: humanSize(entry.record.size),
        Tag: tag,
        UniqueSize: humanSize4(entry.record.size - sharedSize),
      };
    });
  const containers = [...du.containers]
    .sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0))
    .map((c) =>
      goStruct(
        {
          Command: JSON.stringify(ellipsis(containerCommand(c), 20)),
          ID: truncateId(c.id),
          Image: containerImage(c),
          LocalVolumes: '0',
          Names: c.name.replace(/^\//, ''),
          RunningFor: `${humanDuration(now - Date.parse(c.created))} ago`,
          Size: humanSize(c.sizeRw),
          Status: containerStatusText(c, now),
        },
        '*formatter.ContainerContext',
      ),
    );
  const cache = [...du.buildCache]
    .sort((a, b) => (a.lastUsed < b.lastUsed ? 1 : a.lastUsed > b.lastUsed ? -1 : 0))
    .map((b) =>
      goStruct(
        {
          CacheType: 'regular',
          CreatedSince: `${humanDuration(now - Date.parse(b.created))} ago`,
          Description: '',
          ID: b.id.slice(0, 12),
          LastUsedSince: `${humanDuration(now - Date.parse(b.lastUsed))} ago`,
          Shared: String(b.shared),
          Size: humanSize4(b.size),
          UsageCount: String(b.usageCount),
        },
        '*formatter.buildCacheContext',
      ),
    );
  return { images, containers, cache };
}
