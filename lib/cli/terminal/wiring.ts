import { httpRequest, type Registries } from '@/lib/engine';
import { reopenContainerSession } from '../docker/containers';
import { createGitCommand } from '../git';
import type { HttpAnswerer } from './curl';
import type { TerminalOptions } from './session';

/**
 * The services other areas lend the terminal, in one place for both faces (the browser's
 * terminal and `layerlab sh`): `git` (lib/cli/git), `registries` for docker pull/push, the HTTP
 * answers of running containers for `curl`, and reopening `docker run -it` sessions after a
 * reload. Each is optional; the terminal works without it and says so where it matters.
 */
export function terminalWiring(services: { registries?: Registries; now?: () => number } = {}): Pick<TerminalOptions, 'commands' | 'dockerExtras' | 'answerHttp' | 'reopenSession'> {
  const { registries, now } = services;
  return {
    // git dates its commits with the terminal's clock, as docker dates its images.
    commands: () => ({ git: createGitCommand(now !== undefined ? { now } : {}) }),
    ...(registries !== undefined ? { dockerExtras: () => ({ registries }) } : {}),
    answerHttp: answerFromContainers,
    reopenSession: reopenContainerSession,
  };
}

/** `curl localhost:PORT` reaches the running containers that publish PORT on the current host. */
const answerFromContainers: HttpAnswerer = async (request) => {
  const answer = await httpRequest(request.daemon.store, request.port, request.path, {
    now: request.now,
    method: request.method,
    userAgent: request.headers['User-Agent'] ?? 'curl/8.5.0',
  });
  if (answer.kind === 'refused') return undefined;
  if (answer.kind === 'reset') return 'reset';
  return { status: answer.status, statusText: answer.statusText, headers: answer.headers, body: answer.body };
}
