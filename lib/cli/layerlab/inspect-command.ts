import { imageInspectCommand as dockerImageInspectCommand } from '../docker/images/inspect';
import { runDockerCommand } from './docker-bridge';
import type { CliIO } from './io';

/** `layerlab inspect`: `docker image inspect` over the state store, with docker's output and errors (docker-bridge.ts). */
export function inspectCommand(argv: readonly string[], io: CliIO): Promise<number> {
  return runDockerCommand(dockerImageInspectCommand, argv, io);
}
