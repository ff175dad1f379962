import { isEngineError, seededRandom, type PortBinding, type RandomSource } from '@/lib/engine';
import { CliError } from '../command';
import type { DockerContext } from '../context';

/**
 * Pieces the container commands share: Docker 27's `docker: …` error lines with their exit
 * codes, `-p` parsing, the random source for IDs and names.
 */

/**
 * docker/cli 27 `reportError` + `runStartContainerErr`: `docker: <message>.`, followed by
 * `See 'docker run --help'.` when the flags or the create step failed (`withHelp`), alone when
 * the container failed to start; exit 127 for a command not found, 126 for permission denied,
 * else 125.
 */
export function runError(message: string, command: string, withHelp = true): CliError {
  const full = `docker: ${message.replace(/\.$/, '')}.${withHelp ? `\nSee 'docker ${command} --help'.` : ''}`;
  if (/executable file not found|no such file or directory|system cannot find the file specified/.test(message)) return new CliError(full, 127);
  if (/permission denied|is a directory/.test(message)) return new CliError(full, 126);
  return new CliError(full, 125);
}

/** Engine errors from create (`withHelp`) or start (without) as `docker run` prints them, with the daemon's prefix. */
export function runDaemonError(error: unknown, command: string, withHelp = true): unknown {
  if (!isEngineError(error)) return error;
  return runError(`Error response from daemon: ${error.message}`, command, withHelp);
}

/** `-p [ip:][hostPort:]containerPort[/proto]` (nat.ParsePortSpec); a bare container port gets an ephemeral host port. */
export function parsePorts(specs: readonly string[], ephemeral: () => number, command = 'run'): PortBinding[] {
  const out: PortBinding[] = [];
  for (const spec of specs) {
    const [body = '', proto = 'tcp'] = spec.split('/');
    if (proto !== 'tcp' && proto !== 'udp') throw runError(`invalid proto: ${proto}`, command);
    const parts = body.split(':');
    const containerPort = parts.pop() ?? '';
    const hostPort = parts.pop();
    const hostIp = parts.join(':') || '0.0.0.0';
    if (!/^\d+$/.test(containerPort) || Number(containerPort) > 65535) throw runError(`invalid containerPort: ${containerPort}`, command);
    if (hostPort !== undefined && hostPort !== '' && (!/^\d+$/.test(hostPort) || Number(hostPort) > 65535)) throw runError(`invalid hostPort: ${hostPort}`, command);
    out.push({ hostIp, hostPort: hostPort === undefined || hostPort === '' ? ephemeral() : Number(hostPort), containerPort: Number(containerPort), protocol: proto });
  }
  return out;
}

const SEQUENCE_KEY = 'containers.sequence';

/**
 * IDs and names are random in Docker; here they are drawn from a source seeded by the host, the
 * clock and a per-daemon counter, so a replayed session gets the same IDs.
 */
export async function nextRandom(ctx: DockerContext): Promise<RandomSource> {
  const n = await ctx.daemon.store.write(async (tx) => {
    const current = await tx.get('meta', SEQUENCE_KEY);
    const next = (typeof current === 'number' ? current : 0) + 1;
    await tx.put('meta', SEQUENCE_KEY, next);
    return next;
  });
  return seededRandom(`${ctx.daemon.host}|${ctx.now()}|${n}`);
}

/** Docker's `KEY` (no `=`) takes the value from the client's environment, or is dropped. */
export function envList(values: readonly string[], clientEnv: Readonly<Record<string, string>>): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (v.includes('=')) out.push(v);
    else if (clientEnv[v] !== undefined) out.push(`${v}=${clientEnv[v]}`);
  }
  return out;
}

/** `0.0.0.0:8080->80/tcp, [::]:8080->80/tcp, 443/tcp` (docker/cli DisplayablePorts). */
export function displayPorts(ports: readonly PortBinding[], exposed: readonly string[]): string {
  const parts: string[] = [];
  for (const p of ports) {
    parts.push(`${p.hostIp}:${p.hostPort}->${p.containerPort}/${p.protocol}`);
    if (p.hostIp === '0.0.0.0') parts.push(`[::]:${p.hostPort}->${p.containerPort}/${p.protocol}`);
  }
  for (const e of exposed) if (!ports.some((p) => `${p.containerPort}/${p.protocol}` === e)) parts.push(e);
  return parts.join(', ');
}
