// lib/cli — the browser-safe surface of the command lines: the docker CLI emulator, git, the
// terminal's sessions, completion and line editing. (The Node entry and node-*.ts stay out.)
export { runDocker, findCommand, DOCKER_COMMANDS, type DockerCommand, type DockerContext, type DockerDaemon, type ShellSession } from './docker';
export { createGitCommand } from './git';
export { createTerminalSession, HOSTS, WORKSTATION, findHost, isCompleteInput, memoryHostIo, type HostIo, type HostSpec, type TerminalIo, type TerminalOptions, type TerminalRunResult, type TerminalSession, type TerminalSnapshot } from './terminal';
export { terminalWiring } from './terminal/wiring';
export { complete, listDirOf, SHELL_BUILTINS, type Completion, type CompletionEnv } from './terminal/completion';
export { LineEditor, type EditorAction } from './terminal/line-editor';
export { runBuild, type BuildRun, type BuildRunResult, type ProgressMode } from './docker/build/build-runner';
// For the web app's worker: the Build button builds like `docker build` in the terminal does.
export { openShellContext, ContextNotFound } from './docker/build/shell-context';
export { sharedHubSource } from './docker/build/hub-source';
export { createHubImages } from './docker/registry';
