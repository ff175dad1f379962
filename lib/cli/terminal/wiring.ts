import type { TerminalOptions } from './session';

/**
 * The services other areas lend the terminal, in one place for both faces (the browser's
 * terminal and `layerlab sh`): `git` (lib/cli/git), `registries` for docker pull/push, the HTTP
 * answers of running containers for `curl`, and reopening `docker run -it` sessions after a
 * reload. Each is optional; the terminal works without it and says so where it matters.
 */
export function terminalWiring(): Pick<TerminalOptions, 'commands' | 'dockerExtras' | 'answerHttp' | 'reopenSession'> {
  return {};
}
