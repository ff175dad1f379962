import type { DockerCommand } from '../command';

/** docker pull, push, login, logout. */
export const REGISTRY_COMMANDS: readonly DockerCommand[] = [];
