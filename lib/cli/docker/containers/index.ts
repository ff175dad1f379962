import type { DockerCommand } from '../command';
import { commitCommand, execCommand, exportCommand } from './exec-commit-export';
import { containerInspectCommand } from './inspect';
import { containerPruneCommand, killCommand, logsCommand, restartCommand, rmCommand, startCommand, stopCommand } from './lifecycle';
import { psCommand } from './ps';
import { createCommand, runCommand } from './run';

/** docker run, create, ps, stop, start, restart, kill, rm, logs, exec, commit, export, container inspect/prune. */
export const CONTAINER_COMMANDS: readonly DockerCommand[] = [
  runCommand,
  createCommand,
  psCommand,
  stopCommand,
  startCommand,
  restartCommand,
  killCommand,
  rmCommand,
  logsCommand,
  execCommand,
  commitCommand,
  exportCommand,
  containerInspectCommand,
  containerPruneCommand,
];

export { containerInspect, inspectContainer } from './inspect';
export { openContainerSession, reopenContainerSession } from './container-session';
export { statusText } from './ps';
