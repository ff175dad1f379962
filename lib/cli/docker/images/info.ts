import { goStruct } from '../../go-template';
import { parseOptions } from '../../common/options';
import { helpRequested, requireArgs, type DockerCommand } from '../command';
import type { DockerContext } from '../context';
import { formatInspect } from './format';
import { readContainers } from './image-data';
import { FORMAT_INSPECT_HELP, usageText } from './usage';
import { ENGINE } from './version';

const USAGE = usageText({
  usage: 'docker info [OPTIONS]',
  description: 'Display system-wide information',
  aliases: 'docker system info, docker info',
  options: [['-f, --format string', FORMAT_INSPECT_HELP]],
});

interface Counts {
  containers: number;
  running: number;
  paused: number;
  stopped: number;
  images: number;
}

/** moby `SystemInfo` counts: every image; containers by state (paused ones are not running). */
async function counts(ctx: DockerContext): Promise<Counts> {
  return ctx.daemon.store.read(async (tx) => {
    const containers = await readContainers(tx, ctx.now());
    const paused = containers.filter((c) => c.status === 'paused').length;
    const running = containers.filter((c) => c.status === 'running' || c.status === 'restarting').length;
    return { containers: containers.length, running, paused, stopped: containers.length - running - paused, images: (await tx.keys('images')).length };
  });
}

/** A stable daemon ID per host, in Docker's `XXXX:XXXX:…` form (12 groups of 4). */
function daemonId(host: string): string {
  let h = 2166136261;
  let out = '';
  for (let group = 0; group < 12; group++) {
    let part = '';
    for (let i = 0; i < 4; i++) {
      for (const ch of `${host}/${group}/${i}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
      part += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[h % 32];
    }
    out += group === 0 ? part : `:${part}`;
  }
  return out;
}

function infoText(c: Counts, host: string): string {
  return `Client: Docker Engine - Community
 Version:    ${ENGINE.version}
 Context:    default
 Debug Mode: false
 Plugins:
  buildx: Docker Buildx (Docker Inc.)
    Version:  v0.20.0
    Path:     /usr/libexec/docker/cli-plugins/docker-buildx
  compose: Docker Compose (Docker Inc.)
    Version:  v2.32.4
    Path:     /usr/libexec/docker/cli-plugins/docker-compose

Server:
 Containers: ${c.containers}
  Running: ${c.running}
  Paused: ${c.paused}
  Stopped: ${c.stopped}
 Images: ${c.images}
 Server Version: ${ENGINE.version}
 Storage Driver: overlay2
  Backing Filesystem: extfs
  Supports d_type: true
  Using metacopy: false
  Native Overlay Diff: true
  userxattr: false
 Logging Driver: json-file
 Cgroup Driver: systemd
 Cgroup Version: 2
 Plugins:
  Volume: local
  Network: bridge host ipvlan macvlan null overlay
  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog
 Swarm: inactive
 Runtimes: io.containerd.runc.v2 runc
 Default Runtime: runc
 Init Binary: docker-init
 containerd version: ${ENGINE.containerd.commit}
 runc version: ${ENGINE.runc.commit}
 init version: ${ENGINE.init.commit}
 Security Options:
  apparmor
  seccomp
   Profile: builtin
  cgroupns
 Kernel Version: ${ENGINE.kernel}
 Operating System: Ubuntu 24.04.1 LTS
 OSType: linux
 Architecture: x86_64
 CPUs: 4
 Total Memory: 7.751GiB
 Name: ${host}
 ID: ${daemonId(host)}
 Docker Root Dir: /var/lib/docker
 Debug Mode: false
 Experimental: false
 Insecure Registries:
  127.0.0.0/8
 Live Restore Enabled: false

`;
}

/** The fields `docker info --format` reads most (moby `system.Info`, docker/cli `info` struct). */
function infoData(c: Counts, host: string): object {
  return goStruct(
    {
      ID: daemonId(host),
      Containers: c.containers,
      ContainersRunning: c.running,
      ContainersPaused: c.paused,
      ContainersStopped: c.stopped,
      Images: c.images,
      Driver: 'overlay2',
      DriverStatus: [['Backing Filesystem', 'extfs'], ['Supports d_type', 'true'], ['Using metacopy', 'false'], ['Native Overlay Diff', 'true'], ['userxattr', 'false']],
      LoggingDriver: 'json-file',
      CgroupDriver: 'systemd',
      CgroupVersion: '2',
      KernelVersion: ENGINE.kernel,
      OperatingSystem: 'Ubuntu 24.04.1 LTS',
      OSVersion: '24.04',
      OSType: 'linux',
      Architecture: 'x86_64',
      NCPU: 4,
      MemTotal: 8322547712,
      DockerRootDir: '/var/lib/docker',
      Name: host,
      ServerVersion: ENGINE.version,
      DefaultRuntime: 'runc',
      InitBinary: 'docker-init',
      SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
      ClientInfo: { Debug: false, Version: ENGINE.version, Context: 'default' },
    },
    'info',
  );
}

export const infoCommand: DockerCommand = {
  path: ['system', 'info'],
  aliases: [['info']],
  summary: 'Display system-wide information',
  usage: USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { format: { type: 'string', short: 'f' }, help: { type: 'bool', short: 'h' } });
    if (helpRequested(o, infoCommand, ctx)) return 0;
    requireArgs(['system', 'info'], o.positionals, { max: 0 });
    const c = await counts(ctx);
    const format = o.strings.get('format');
    if (format === undefined || format === '') ctx.shell.stdout.write(infoText(c, ctx.daemon.host));
    else ctx.shell.stdout.write(formatInspect(format === 'json' ? '{{json .}}' : format, infoData(c, ctx.daemon.host), 'info'));
    return 0;
  },
};
