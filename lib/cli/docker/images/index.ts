import type { DockerCommand } from '../command';

/** docker images, history, inspect, tag, rmi, image prune, save, load, import, system df, info, version. */
export const IMAGE_COMMANDS: readonly DockerCommand[] = [];
