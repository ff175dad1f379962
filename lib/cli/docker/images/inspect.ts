import { goIndent, isEngineError, parseImageConfig, repoTagsOf, resolveImage, serializeImageInspect, toImageInspect, type ImageInspect, type ReadTx } from '@/lib/engine';
import type { Sha256Factory } from '@/lib/util';
import { goMap, goNilMap, goNilSlice, goOmitEmpty, goStruct } from '../../go-template';
import { parseOptions } from '../../common/options';
import { CliError, helpRequested, requireArgs, type DockerCommand } from '../command';
import { inspectContainer } from '../containers';
import { layerCacheIds } from '../var-lib-docker';
import type { DockerContext } from '../context';
import { formatInspect } from './format';
import { familiar } from './image-data';
import { FORMAT_INSPECT_HELP, usageText } from './usage';

/**
 * `docker image inspect` and `docker inspect`. The JSON is the engine's (`formatImageInspect`:
 * Docker's field order, 4-space indent); `-f` runs a Go template over the same object with Go's
 * zero values filled in (so `{{.Config.Entrypoint}}` prints `[]` and `{{.Config.ExposedPorts}}`
 * `map[80/tcp:{}]`).
 */
const IMAGE_USAGE = usageText({
  usage: 'docker image inspect [OPTIONS] IMAGE [IMAGE...]',
  description: 'Display detailed information on one or more images',
  options: [['-f, --format string', FORMAT_INSPECT_HELP]],
});

const INSPECT_USAGE = usageText({
  usage: 'docker inspect [OPTIONS] NAME|ID [NAME|ID...]',
  description: 'Return low-level information on Docker objects',
  options: [
    ['-f, --format string', FORMAT_INSPECT_HELP],
    ['-s, --size', 'Display total file sizes if the type is container'],
    ['    --type string', 'Return JSON for specified type'],
  ],
});

/** One inspected object: its JSON (compact, Docker's field order) and its template data. */
export interface Inspected {
  readonly json: string;
  readonly data: object;
  readonly typeName: string;
}

/**
 * An object kind `docker inspect` looks through, in Docker's order (container first, then image).
 * Another kind (network, volume) is one more resolver in INSPECT_RESOLVERS.
 */
export interface InspectResolver {
  readonly type: string;
  /** The object, or undefined when no object of this kind has that name. */
  find(ctx: DockerContext, name: string): Promise<Inspected | undefined>;
}

/** An image by name, or the daemon's not-found message (`No such image: foo:latest`). */
export async function findImage(ctx: DockerContext, name: string): Promise<Inspected | string> {
  return ctx.daemon.store.read(async (tx) => {
    let id;
    try {
      id = await resolveImage(tx, name);
    } catch (error) {
      if (isEngineError(error)) return error.message;
      throw error;
    }
    return toInspected(await inspectImage(tx, id, ctx.sha256));
  });
}

export const imageResolver: InspectResolver = {
  type: 'image',
  async find(ctx, name) {
    const found = await findImage(ctx, name);
    return typeof found === 'string' ? undefined : found;
  },
};

/**
 * The inspect object of one stored image. GraphDriver's directories are the layers' overlay2
 * cache IDs, the same names the read-only `/var/lib/docker` view lists.
 */
export async function inspectImage(tx: ReadTx, id: `sha256:${string}`, sha256?: Sha256Factory): Promise<ImageInspect> {
  const record = await tx.get('images', id);
  const config = record && (await tx.get('blobs', record.configDigest));
  if (!record || !config) throw new Error(`image ${id} is incomplete in the store`);
  const digests = (await tx.list('refs')).filter(([key, ref]) => ref.imageId === id && key.includes('@')).map(([key]) => familiar(key));
  const parsed = parseImageConfig(config);
  return toImageInspect({
    id,
    config: parsed,
    repoTags: await repoTagsOf(tx, id),
    repoDigests: digests,
    size: record.size,
    layerDirs: await layerCacheIds(parsed.rootfs.diff_ids, sha256),
    ...(record.lastTagTime ? { lastTagTime: record.lastTagTime } : {}),
  });
}

export function toInspected(image: ImageInspect): Inspected {
  return { json: serializeImageInspect(image), data: imageTemplateData(image), typeName: 'image.InspectResponse' };
}

const slice = (v: readonly string[] | undefined) => (v === undefined ? goNilSlice() : [...v]);
const map = (v: Readonly<Record<string, unknown>> | undefined, type: string) => (v === undefined ? goNilMap(type) : goMap({ ...v }, type));

/** The inspect object as Go's `image.InspectResponse` (Docker 27: `Config` is a `container.Config`). */
export function imageTemplateData(i: ImageInspect): object {
  const c = i.Config;
  const fields = {
    Hostname: '',
    Domainname: '',
    User: c.User ?? '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    ExposedPorts: map(c.ExposedPorts, 'nat.PortSet'),
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: slice(c.Env),
    Cmd: slice(c.Cmd),
    Healthcheck: c.Healthcheck === undefined ? null : { ...c.Healthcheck },
    ArgsEscaped: c.ArgsEscaped ?? false,
    Image: '',
    Volumes: map(c.Volumes, 'map[string]struct {}'),
    WorkingDir: c.WorkingDir ?? '',
    Entrypoint: slice(c.Entrypoint),
    NetworkDisabled: false,
    MacAddress: '',
    OnBuild: slice(c.OnBuild),
    Labels: map(c.Labels, 'map[string]string'),
    StopSignal: c.StopSignal ?? '',
    StopTimeout: null,
    Shell: slice(c.Shell),
  };
  // Fields tagged `json:",omitempty"` in moby's container.Config, so `{{json .Config}}` is Docker's.
  const config = goStruct(
    goOmitEmpty(fields, ['ExposedPorts', 'Healthcheck', 'ArgsEscaped', 'NetworkDisabled', 'MacAddress', 'StopSignal', 'StopTimeout', 'Shell']),
    '*container.Config',
  );
  return goStruct(
    {
      Id: i.Id,
      RepoTags: [...i.RepoTags],
      RepoDigests: [...i.RepoDigests],
      Parent: i.Parent ?? '',
      Comment: i.Comment ?? '',
      Created: i.Created ?? '',
      DockerVersion: i.DockerVersion ?? '',
      Author: i.Author ?? '',
      Config: config,
      Architecture: i.Architecture,
      Variant: i.Variant ?? '',
      Os: i.Os,
      OsVersion: i.OsVersion ?? '',
      Size: i.Size,
      GraphDriver: { Data: map(i.GraphDriver?.Data ?? undefined, 'map[string]string'), Name: i.GraphDriver?.Name ?? '' },
      RootFS: { Type: i.RootFS.Type ?? '', Layers: slice(i.RootFS.Layers) },
      Metadata: { LastTagTime: i.Metadata.LastTagTime },
    },
    'image.InspectResponse',
  );
}

/** Runs the inspection: JSON array (or one template line per object), errors after it, exit 1 if any. */
async function inspectAll(ctx: DockerContext, names: readonly string[], format: string | undefined, find: (name: string) => Promise<Inspected | string>): Promise<number> {
  const found: Inspected[] = [];
  const errors: string[] = [];
  for (const name of names) {
    const object = await find(name);
    if (typeof object === 'string') errors.push(object);
    else found.push(object);
  }
  let out = '';
  if (format === undefined || format === '') {
    out = found.length === 0 ? '[]\n' : `${goIndent(`[${found.map((f) => f.json).join(',')}]`, '    ')}\n`;
  } else if (format === 'json') {
    out = `[${found.map((f) => f.json).join(',')}]\n`;
  } else {
    for (const object of found) out += formatInspect(format, object.data, object.typeName);
  }
  ctx.shell.stdout.write(out);
  if (errors.length > 0) throw new CliError(errors.join('\n'));
  return 0;
}

export const imageInspectCommand: DockerCommand = {
  path: ['image', 'inspect'],
  summary: 'Display detailed information on one or more images',
  usage: IMAGE_USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { format: { type: 'string', short: 'f' }, help: { type: 'bool', short: 'h' } });
    if (helpRequested(o, imageInspectCommand, ctx)) return 0;
    requireArgs(['image', 'inspect'], o.positionals, { min: 1 });
    return inspectAll(ctx, o.positionals, o.strings.get('format'), async (name) => {
      const found = await findImage(ctx, name);
      return typeof found === 'string' ? `Error response from daemon: ${found}` : found;
    });
  },
};

/** Containers through the container area's `inspectContainer` (docker/cli tries them first). */
export const containerResolver: InspectResolver = {
  type: 'container',
  async find(ctx, name) {
    const info = await inspectContainer(ctx, name);
    if (info === null) return undefined;
    return { json: JSON.stringify(info), data: info, typeName: 'container.InspectResponse' };
  },
};

/** Every kind `docker inspect` searches, in Docker's order (networks, volumes… are not modeled). */
export const INSPECT_RESOLVERS: InspectResolver[] = [containerResolver, imageResolver];

export const inspectCommand: DockerCommand = {
  path: ['inspect'],
  summary: 'Return low-level information on Docker objects',
  usage: INSPECT_USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { format: { type: 'string', short: 'f' }, size: { type: 'bool', short: 's' }, type: { type: 'string' }, help: { type: 'bool', short: 'h' } });
    if (helpRequested(o, inspectCommand, ctx)) return 0;
    requireArgs(['inspect'], o.positionals, { min: 1 });
    const type = o.strings.get('type');
    const known = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];
    if (type !== undefined && type !== '' && !known.includes(type)) throw new CliError(`"${type}" is not a valid value for --type`);
    const resolvers = INSPECT_RESOLVERS.filter((r) => type === undefined || type === '' || r.type === type);
    const find = async (name: string): Promise<Inspected | string> => {
      if (type === 'image') {
        const found = await findImage(ctx, name);
        return typeof found === 'string' ? `Error response from daemon: ${found}` : found;
      }
      for (const resolver of resolvers) {
        const object = await resolver.find(ctx, name);
        if (object !== undefined) return object;
      }
      // Docker 27's words (docker/cli `cli/command/system/inspect.go`).
      return `Error: No such object: ${name}`;
    };
    return inspectAll(ctx, o.positionals, o.strings.get('format'), find);
  },
};
