// lib/cli/docker — the docker CLI emulator: subcommands with Docker's flags, output and errors.
export { runDocker, findCommand } from './program';
export { DOCKER_COMMANDS } from './commands';
export type { DockerContext, DockerDaemon, SessionIo, ShellSession } from './context';
export { CliError, DaemonError, DockerUsageError, requireArgs, helpRequested, type DockerCommand } from './command';
