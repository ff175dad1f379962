import type { DockerCommand } from '../command';

/** docker build, buildx create/use/inspect/build. */
export const BUILD_COMMANDS: readonly DockerCommand[] = [];
