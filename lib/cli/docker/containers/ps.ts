import { isRunning, listContainers, readContainerState, writableLayerSize, type ContainerRecord, type ContainerState } from '@/lib/engine';
import { renderFormat, TemplateError } from '../../go-template';
import { humanDuration, humanSize, tabulate } from '../../common/human-units';
import { parseOptions } from '../../common/options';
import { CliError, DockerUsageError, helpRequested, requireArgs, type DockerCommand } from '../command';
import { displayPorts } from './support';
import { PS_USAGE } from './usage';

/**
 * `docker ps` / `docker container ls` (docker/cli `formatter/container.go`): running containers
 * by default, `-a` all, newest first; the default table, `-q`, `--no-trunc`, `-s`, and
 * `--format` through the Go-template engine with the ContainerContext fields.
 */
const HEADERS: Readonly<Record<string, string>> = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Names: 'NAMES',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  Networks: 'NETWORKS',
  LocalVolumes: 'LOCAL VOLUMES',
  Platform: 'PLATFORM',
};
const DEFAULT_FORMAT = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

/** Go's `time.Time.String()` in UTC: `2026-11-28 12:00:00 +0000 UTC`. */
function goTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}

/** docker/cli `formatter.Ellipsis`: at most n display cells, the last one `…`. */
function ellipsis(text: string, n: number): string {
  const chars = [...text];
  return chars.length <= n ? text : `${chars.slice(0, n - 1).join('')}…`;
}

/** `Up 2 minutes`, `Exited (0) 5 seconds ago`, `Created` (moby `State.String`). */
export function statusText(state: ContainerState, now: number): string {
  switch (state.status) {
    case 'running':
      return `Up ${humanDuration(now - Date.parse(state.startedAt ?? ''))}`;
    case 'paused':
      return `Up ${humanDuration(now - Date.parse(state.startedAt ?? ''))} (Paused)`;
    case 'exited':
      return `Exited (${state.exitCode}) ${humanDuration(now - Date.parse(state.finishedAt ?? ''))} ago`;
    case 'dead':
      return 'Dead';
    default:
      return 'Created';
  }
}

export interface ContainerRow {
  ID: string;
  Image: string;
  Command: string;
  CreatedAt: string;
  RunningFor: string;
  Ports: string;
  State: string;
  Status: string;
  Size: string;
  Names: string;
  Labels: string;
  Mounts: string;
  Networks: string;
  LocalVolumes: string;
  Platform: string;
}

function toRow(record: ContainerRecord, state: ContainerState, now: number, trunc: boolean, imageSize: number): ContainerRow {
  const command = state.command.join(' ');
  const size = writableLayerSize(record);
  return {
    ID: trunc ? record.id.slice(0, 12) : record.id,
    Image: state.config.image,
    // strconv.Quote: the command is quoted and escaped after truncation.
    Command: JSON.stringify(trunc ? ellipsis(command, 20) : command),
    CreatedAt: goTime(record.created),
    RunningFor: `${humanDuration(now - Date.parse(record.created))} ago`,
    // moby fills NetworkSettings.Ports when the container starts and releases them when it stops:
    // a created or exited container shows none.
    Ports: isRunning(state) ? displayPorts(state.config.ports, state.config.exposedPorts) : '',
    State: state.status,
    Status: statusText(state, now),
    Size: `${humanSize(size)} (virtual ${humanSize(size + imageSize)})`,
    Names: record.name,
    Labels: Object.entries(state.config.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
    Mounts: '',
    Networks: 'bridge',
    LocalVolumes: '0',
    Platform: 'linux/amd64',
  };
}

export const psCommand: DockerCommand = {
  path: ['ps'],
  aliases: [['container', 'ls'], ['container', 'list'], ['container', 'ps']],
  summary: 'List containers',
  usage: PS_USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, {
      help: { type: 'bool' },
      all: { type: 'bool', short: 'a' },
      quiet: { type: 'bool', short: 'q' },
      'no-trunc': { type: 'bool' },
      size: { type: 'bool', short: 's' },
      latest: { type: 'bool', short: 'l' },
      last: { type: 'string', short: 'n' },
      format: { type: 'string' },
      filter: { type: 'list', short: 'f' },
    });
    if (helpRequested(o, this, ctx)) return 0;
    requireArgs(['ps'], o.positionals, { max: 0 });
    const now = ctx.now();
    const last = o.strings.get('last');
    if (last !== undefined && !/^-?\d+$/.test(last)) throw new DockerUsageError(`invalid argument "${last}" for "-n, --last" flag: strconv.ParseInt: parsing "${last}": invalid syntax`);
    const { rows, sizes } = await ctx.daemon.store.read(async (tx) => {
      let records = await listContainers(tx);
      const limit = o.bools.has('latest') ? 1 : last !== undefined ? Number(last) : -1;
      const all = o.bools.has('all') || limit >= 0;
      if (limit >= 0) records = records.slice(0, limit);
      const out: { record: ContainerRecord; state: ContainerState }[] = [];
      for (const record of records) {
        const state = readContainerState(record, now);
        if (!all && state.status !== 'running' && state.status !== 'paused') continue;
        if (!matchesFilters(record, state, o.lists.get('filter') ?? [])) continue;
        out.push({ record, state });
      }
      const imageSizes = new Map<string, number>();
      for (const { record } of out) imageSizes.set(record.imageId, (await tx.get('images', record.imageId))?.size ?? 0);
      return { rows: out, sizes: imageSizes };
    });
    const trunc = !o.bools.has('no-trunc');
    const table = rows.map(({ record, state }) => toRow(record, state, now, trunc, sizes.get(record.imageId) ?? 0));
    if (o.bools.has('quiet')) {
      ctx.shell.stdout.write(table.map((r) => `${r.ID}\n`).join(''));
      return 0;
    }
    const format = o.strings.get('format');
    if (format === undefined || format === '' || format === 'table') {
      const size = o.bools.has('size');
      const head = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES', ...(size ? ['SIZE'] : [])];
      ctx.shell.stdout.write(tabulate([head, ...table.map((r) => [r.ID, r.Image, r.Command, r.RunningFor, r.Status, r.Ports, r.Names, ...(size ? [r.Size] : [])])]));
      return 0;
    }
    try {
      ctx.shell.stdout.write(renderFormat(format, table, { defaultFormat: DEFAULT_FORMAT, headers: HEADERS, typeName: '*formatter.ContainerContext' }));
    } catch (error) {
      if (error instanceof TemplateError) throw new CliError(`template parsing error: ${error.message}`);
      throw error;
    }
    return 0;
  },
};

/** `--filter status=exited|name=web|id=…|ancestor=…|label=k[=v]` (the common ones). */
function matchesFilters(record: ContainerRecord, state: ContainerState, filters: readonly string[]): boolean {
  for (const filter of filters) {
    const eq = filter.indexOf('=');
    if (eq < 0) throw new CliError(`Error response from daemon: invalid filter '${filter}'`);
    const key = filter.slice(0, eq);
    const value = filter.slice(eq + 1);
    switch (key) {
      case 'status':
        if (state.status !== value) return false;
        break;
      case 'name':
        if (!record.name.includes(value)) return false;
        break;
      case 'id':
        if (!record.id.startsWith(value)) return false;
        break;
      case 'ancestor':
        if (state.config.image !== value && !record.imageId.includes(value)) return false;
        break;
      case 'label': {
        const [k = '', v] = value.split('=');
        if (!(k in state.config.labels) || (v !== undefined && state.config.labels[k] !== v)) return false;
        break;
      }
      case 'exited':
        if (state.status !== 'exited' || String(state.exitCode) !== value) return false;
        break;
      default:
        throw new CliError(`Error response from daemon: invalid filter '${key}'`);
    }
  }
  return true;
}
