import { goMap, goStruct } from '../../go-template';
import { parseOptions } from '../../common/options';
import { helpRequested, requireArgs, type DockerCommand } from '../command';
import { formatInspect } from './format';
import { FORMAT_INSPECT_HELP, usageText } from './usage';

/**
 * `docker version` of the modeled engine: Docker Engine 27.5.1 on linux/amd64 (the build the
 * dispatcher's `docker --version` names). The layout is docker/cli's version template through
 * a tabwriter with minwidth 20 and padding 1: every label padded to 20 columns.
 */
export const ENGINE = {
  version: '27.5.1',
  apiVersion: '1.47',
  minApiVersion: '1.24',
  goVersion: 'go1.22.11',
  clientCommit: '9f9e405',
  serverCommit: '4c9b3b0',
  built: 'Wed Jan 22 13:41:48 2025',
  buildTime: '2025-01-22T13:41:48.000000000+00:00',
  containerd: { version: '1.7.25', commit: 'bcc810d6b9066471b0b6fa75f557a15a1cbf31bb' },
  runc: { version: '1.2.4', commit: 'v1.2.4-0-g6c52b3f' },
  init: { version: '0.19.0', commit: 'de40ad0' },
  kernel: '6.8.0-51-generic',
} as const;

const USAGE = usageText({
  usage: 'docker version [OPTIONS]',
  description: 'Show the Docker version information',
  options: [['-f, --format string', FORMAT_INSPECT_HELP]],
});

const row = (indent: string, label: string, value: string) => `${`${indent}${label}:`.padEnd(20)}${value}\n`;

function versionText(): string {
  const e = ENGINE;
  return (
    'Client: Docker Engine - Community\n' +
    row(' ', 'Version', e.version) +
    row(' ', 'API version', e.apiVersion) +
    row(' ', 'Go version', e.goVersion) +
    row(' ', 'Git commit', e.clientCommit) +
    row(' ', 'Built', e.built) +
    row(' ', 'OS/Arch', 'linux/amd64') +
    row(' ', 'Context', 'default') +
    '\nServer: Docker Engine - Community\n Engine:\n' +
    row('  ', 'Version', e.version) +
    row('  ', 'API version', `${e.apiVersion} (minimum version ${e.minApiVersion})`) +
    row('  ', 'Go version', e.goVersion) +
    row('  ', 'Git commit', e.serverCommit) +
    row('  ', 'Built', e.built) +
    row('  ', 'OS/Arch', 'linux/amd64') +
    row('  ', 'Experimental', 'false') +
    ' containerd:\n' +
    row('  ', 'Version', e.containerd.version) +
    row('  ', 'GitCommit', e.containerd.commit) +
    ' runc:\n' +
    row('  ', 'Version', e.runc.version) +
    row('  ', 'GitCommit', e.runc.commit) +
    ' docker-init:\n' +
    row('  ', 'Version', e.init.version) +
    row('  ', 'GitCommit', e.init.commit)
  );
}

/** docker/cli `versionInfo`: `.Client` and `.Server` as `docker version --format` sees them. */
function versionData(): object {
  const e = ENGINE;
  const component = (Name: string, Version: string, Details: Record<string, string>) => ({ Name, Version, Details: goMap(Details) });
  return goStruct(
    {
      Client: goStruct(
        { Platform: { Name: 'Docker Engine - Community' }, Version: e.version, APIVersion: e.apiVersion, DefaultAPIVersion: e.apiVersion, GitCommit: e.clientCommit, GoVersion: e.goVersion, Os: 'linux', Arch: 'amd64', BuildTime: e.built, Context: 'default' },
        '*command.clientVersion',
      ),
      Server: goStruct(
        {
          Platform: { Name: 'Docker Engine - Community' },
          Components: [
            component('Engine', e.version, { ApiVersion: e.apiVersion, Arch: 'amd64', BuildTime: e.buildTime, Experimental: 'false', GitCommit: e.serverCommit, GoVersion: e.goVersion, KernelVersion: e.kernel, MinAPIVersion: e.minApiVersion, Os: 'linux' }),
            component('containerd', e.containerd.version, { GitCommit: e.containerd.commit }),
            component('runc', e.runc.version, { GitCommit: e.runc.commit }),
            component('docker-init', e.init.version, { GitCommit: e.init.commit }),
          ],
          Version: e.version,
          APIVersion: e.apiVersion,
          MinAPIVersion: e.minApiVersion,
          GitCommit: e.serverCommit,
          GoVersion: e.goVersion,
          Os: 'linux',
          Arch: 'amd64',
          KernelVersion: e.kernel,
          BuildTime: e.buildTime,
        },
        '*types.Version',
      ),
    },
    'command.versionInfo',
  );
}

export const versionCommand: DockerCommand = {
  path: ['version'],
  summary: 'Show the Docker version information',
  usage: USAGE,
  async run(argv, ctx) {
    const o = parseOptions(argv, { format: { type: 'string', short: 'f' }, help: { type: 'bool', short: 'h' } });
    if (helpRequested(o, versionCommand, ctx)) return 0;
    requireArgs(['version'], o.positionals, { max: 0 });
    const format = o.strings.get('format');
    if (format === undefined || format === '') ctx.shell.stdout.write(versionText());
    else ctx.shell.stdout.write(formatInspect(format === 'json' ? '{{json .}}' : format, versionData(), 'command.versionInfo'));
    return 0;
  },
};
