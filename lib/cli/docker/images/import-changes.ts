import { isDockerfileError, parseDockerfile, toInstructions, type CommandLine, type Instruction } from '@/lib/dockerfile';
import { isEngineError, parseExposePorts, updateConfig, withExposedPorts, withLabels, withOnBuild, withVolumes, type ImageConfig } from '@/lib/engine';
import { DaemonError } from '../command';

/**
 * `--change` lines for `docker import` / `docker commit` (moby `dockerfile.BuildFromConfig`):
 * parsed as Dockerfile instructions, only the config-changing ones allowed (`RUN is not a valid
 * change command`), applied in order with the classic builder's rules to the config.
 */
const VALID = ['cmd', 'entrypoint', 'healthcheck', 'env', 'expose', 'label', 'onbuild', 'stopsignal', 'user', 'volume', 'workdir'];

export function applyChanges(image: ImageConfig, changes: readonly string[]): ImageConfig {
  if (changes.length === 0) return image;
  const text = changes.join('\n');
  let instructions: Instruction[];
  try {
    for (const node of parseDockerfile(text).instructions) {
      if (!VALID.includes(node.keyword)) throw new DaemonError(`${node.rawKeyword} is not a valid change command`);
    }
    instructions = toInstructions(parseDockerfile(`FROM scratch\n${text}`)).stages[0]?.commands ?? [];
  } catch (error) {
    // moby reports the instruction's own error; the line prefix is BuildKit's frontend's.
    if (isDockerfileError(error)) throw new DaemonError(error.message.replace(/^dockerfile parse error on line \d+: /, ''));
    throw error;
  }
  let config = image;
  let cmdSet = false;
  for (const instruction of instructions) {
    try {
      ({ config, cmdSet } = apply(config, instruction, cmdSet));
    } catch (error) {
      if (isEngineError(error)) throw new DaemonError(error.message);
      throw error;
    }
  }
  return config;
}

const commandArgs = (command: CommandLine): string[] => (command.form === 'exec' ? [...command.args] : ['/bin/sh', '-c', command.text]);

/** Go duration text (`30s`, `1m30s`) in nanoseconds, as HealthConfig stores them. */
function nanos(text: string | null): number | undefined {
  if (text === null) return undefined;
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1]) * ({ ns: 1, us: 1e3, 'µs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 } as Record<string, number>)[m[2] as string]!;
  return total;
}

function apply(config: ImageConfig, i: Instruction, cmdSet: boolean): { config: ImageConfig; cmdSet: boolean } {
  switch (i.kind) {
    case 'cmd':
      return { config: updateConfig(config, { Cmd: commandArgs(i.command) }), cmdSet: true };
    case 'entrypoint':
      // The classic builder drops an inherited CMD when ENTRYPOINT comes first.
      return { config: updateConfig(config, { Entrypoint: commandArgs(i.command), ...(cmdSet ? {} : { Cmd: undefined }) }), cmdSet };
    case 'env': {
      let env = [...(config.config.Env ?? [])];
      for (const pair of i.pairs) {
        env = env.filter((e) => e.slice(0, e.indexOf('=') < 0 ? e.length : e.indexOf('=')) !== pair.key);
        env.push(`${pair.key}=${pair.value}`);
      }
      return { config: updateConfig(config, { Env: env }), cmdSet };
    }
    case 'expose':
      return { config: withExposedPorts(config, parseExposePorts(i.ports.map((p) => p.value))), cmdSet };
    case 'label':
      return { config: withLabels(config, i.pairs.map((p) => [p.key, p.value] as const)), cmdSet };
    case 'volume':
      return { config: withVolumes(config, i.volumes.map((v) => v.value)), cmdSet };
    case 'workdir': {
      const path = i.path.value;
      const base = config.config.WorkingDir ?? '/';
      const joined = path.startsWith('/') ? path : `${base.replace(/\/+$/, '')}/${path}`;
      return { config: updateConfig(config, { WorkingDir: joined.replace(/\/+/g, '/') }), cmdSet };
    }
    case 'user':
      return { config: updateConfig(config, { User: i.user.value }), cmdSet };
    case 'stopsignal':
      return { config: updateConfig(config, { StopSignal: i.signal.value }), cmdSet };
    case 'onbuild':
      return { config: withOnBuild(config, i.expression), cmdSet };
    case 'healthcheck': {
      if (i.test.type === 'none') return { config: updateConfig(config, { Healthcheck: { Test: ['NONE'] } }), cmdSet };
      const test = i.test.command.form === 'exec' ? ['CMD', ...i.test.command.args] : ['CMD-SHELL', i.test.command.text];
      const health = { Test: test, Interval: nanos(i.interval), Timeout: nanos(i.timeout), StartPeriod: nanos(i.startPeriod), StartInterval: nanos(i.startInterval), Retries: i.retries ?? undefined };
      return { config: updateConfig(config, { Healthcheck: Object.fromEntries(Object.entries(health).filter(([, v]) => v !== undefined)) }), cmdSet };
    }
    default:
      throw new DaemonError(`${i.node.rawKeyword} is not a valid change command`);
  }
}
