import { saveCommand as dockerSaveCommand } from '../docker/images/save';
import { runDockerCommand } from './docker-bridge';
import type { CliIO } from './io';

/** `layerlab save`: `docker save` over the state store, with docker's output and errors (docker-bridge.ts). */
export function saveCommand(argv: readonly string[], io: CliIO): Promise<number> {
  return runDockerCommand(dockerSaveCommand, argv, io);
}
