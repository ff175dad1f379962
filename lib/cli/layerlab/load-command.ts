import { loadCommand as dockerLoadCommand } from '../docker/images/load';
import { runDockerCommand } from './docker-bridge';
import type { CliIO } from './io';

/** `layerlab load`: `docker load` over the state store, with docker's output and errors (docker-bridge.ts). */
export function loadCommand(argv: readonly string[], io: CliIO): Promise<number> {
  return runDockerCommand(dockerLoadCommand, argv, io);
}
