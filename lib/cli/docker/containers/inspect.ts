import { findContainer, goIndent, isEngineError, readContainerState, ZERO_TIME, type ContainerRecord, type ContainerState } from '@/lib/engine';
import { executeTemplate, TemplateError } from '../../go-template';
import { parseOptions } from '../../common/options';
import { CliError, helpRequested, requireArgs, type DockerCommand } from '../command';
import type { DockerContext } from '../context';
import { INSPECT_USAGE } from './usage';

/**
 * `docker container inspect`: the API's ContainerJSON, basic fields, in Docker's key order,
 * as a JSON array indented with 4 spaces; `-f` through the Go-template engine.
 */
export function containerInspect(record: ContainerRecord, state: ContainerState): Record<string, unknown> {
  const c = state.config;
  const [path = '', ...args] = state.command;
  const portBindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of c.ports) (portBindings[`${p.containerPort}/${p.protocol}`] ??= []).push({ HostIp: p.hostIp === '0.0.0.0' ? '' : p.hostIp, HostPort: String(p.hostPort) });
  const running = state.status === 'running' || state.status === 'paused';
  const ports: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  for (const e of c.exposedPorts) {
    const bound = c.ports.filter((p) => `${p.containerPort}/${p.protocol}` === e);
    ports[e] = running && bound.length > 0 ? bound.flatMap((p) => [{ HostIp: p.hostIp, HostPort: String(p.hostPort) }, ...(p.hostIp === '0.0.0.0' ? [{ HostIp: '::', HostPort: String(p.hostPort) }] : [])]) : null;
  }
  return {
    Id: record.id,
    Created: record.created,
    Path: path,
    Args: args,
    State: {
      Status: state.status,
      Running: running,
      Paused: state.status === 'paused',
      Restarting: false,
      OOMKilled: false,
      Dead: state.status === 'dead',
      Pid: running ? 1234 : 0,
      ExitCode: state.exitCode,
      Error: state.error,
      StartedAt: state.startedAt ?? ZERO_TIME,
      FinishedAt: state.finishedAt ?? ZERO_TIME,
    },
    Image: record.imageId,
    ResolvConfPath: `/var/lib/docker/containers/${record.id}/resolv.conf`,
    HostnamePath: `/var/lib/docker/containers/${record.id}/hostname`,
    HostsPath: `/var/lib/docker/containers/${record.id}/hosts`,
    LogPath: `/var/lib/docker/containers/${record.id}/${record.id}-json.log`,
    Name: `/${record.name}`,
    RestartCount: state.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: null,
    HostConfig: { Binds: null, NetworkMode: 'bridge', PortBindings: portBindings, RestartPolicy: { Name: 'no', MaximumRetryCount: 0 }, AutoRemove: c.autoRemove },
    Mounts: [],
    Config: {
      Hostname: c.hostname,
      Domainname: '',
      User: c.user,
      AttachStdin: c.openStdin,
      AttachStdout: true,
      AttachStderr: true,
      ...(c.exposedPorts.length > 0 ? { ExposedPorts: Object.fromEntries(c.exposedPorts.map((p) => [p, {}])) } : {}),
      Tty: c.tty,
      OpenStdin: c.openStdin,
      StdinOnce: c.openStdin,
      Env: c.env,
      Cmd: c.cmd,
      Image: c.image,
      Volumes: null,
      WorkingDir: c.workdir === '/' ? '' : c.workdir,
      Entrypoint: c.entrypoint,
      OnBuild: null,
      Labels: c.labels,
      ...(c.stopSignal !== 'SIGTERM' ? { StopSignal: c.stopSignal } : {}),
    },
    NetworkSettings: {
      Ports: ports,
      IPAddress: running ? '172.17.0.2' : '',
      Networks: { bridge: { IPAddress: running ? '172.17.0.2' : '', Gateway: running ? '172.17.0.1' : '', MacAddress: running ? '02:42:ac:11:00:02' : '' } },
    },
  };
}

/** Inspect objects for `docker inspect` (generic) too: null when `ref` names no container. */
export async function inspectContainer(ctx: DockerContext, ref: string): Promise<Record<string, unknown> | null> {
  try {
    const record = await ctx.daemon.store.read((tx) => findContainer(tx, ref));
    return containerInspect(record, readContainerState(record, ctx.now()));
  } catch (error) {
    if (isEngineError(error, 'not-found')) return null;
    throw error;
  }
}

export const containerInspectCommand: DockerCommand = {
  path: ['container', 'inspect'],
  summary: 'Display detailed information on one or more containers',
  usage: INSPECT_USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { help: { type: 'bool' }, format: { type: 'string', short: 'f' }, size: { type: 'bool', short: 's' } });
    if (helpRequested(o, this, ctx)) return 0;
    requireArgs(['container', 'inspect'], o.positionals, { min: 1 });
    const found: Record<string, unknown>[] = [];
    const errors: string[] = [];
    for (const ref of o.positionals) {
      const info = await inspectContainer(ctx, ref);
      if (info === null) errors.push(`Error response from daemon: No such container: ${ref}`);
      else found.push(info);
    }
    const format = o.strings.get('format');
    if (format !== undefined && format !== '' && format !== 'json') {
      try {
        for (const info of found) ctx.shell.stdout.write(executeTemplate(format, info, '*types.ContainerJSON'));
      } catch (error) {
        if (error instanceof TemplateError) throw new CliError(`template parsing error: ${error.message}`);
        throw error;
      }
    } else {
      ctx.shell.stdout.write(`${goIndent(JSON.stringify(found), '    ')}\n`);
    }
    if (errors.length > 0) throw new CliError(errors.join('\n'));
    return 0;
  },
};
