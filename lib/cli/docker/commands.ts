import type { DockerCommand } from './command';
import { BUILD_COMMANDS } from './build';
import { CONTAINER_COMMANDS } from './containers';
import { IMAGE_COMMANDS } from './images';
import { REGISTRY_COMMANDS } from './registry';

/** Every docker subcommand Layerlab models, by area. */
export const DOCKER_COMMANDS: readonly DockerCommand[] = [...IMAGE_COMMANDS, ...CONTAINER_COMMANDS, ...REGISTRY_COMMANDS, ...BUILD_COMMANDS];
