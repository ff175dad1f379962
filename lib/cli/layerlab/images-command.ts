import { imagesCommand as dockerImagesCommand } from '../docker/images/images';
import { runDockerCommand } from './docker-bridge';
import type { CliIO } from './io';

/** `layerlab images`: `docker images` over the state store, with docker's output and errors (docker-bridge.ts). */
export function imagesCommand(argv: readonly string[], io: CliIO): Promise<number> {
  return runDockerCommand(dockerImagesCommand, argv, io);
}
