import type { DockerCommand } from '../command';

/** docker run, ps, stop, start, rm, logs, exec, commit, export (container ls/rm/… aliases). */
export const CONTAINER_COMMANDS: readonly DockerCommand[] = [];
