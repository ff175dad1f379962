import type { DockerCommand } from '../command';
import { BUILD_RUN_COMMANDS } from './build-command';
import { BUILDX_COMMANDS } from './buildx-commands';

/** docker build (image build, builder build), buildx build/create/use/ls/inspect/rm. */
export const BUILD_COMMANDS: readonly DockerCommand[] = [...BUILD_RUN_COMMANDS, ...BUILDX_COMMANDS];

export { runBuild, buildSummary, reportBuildError, PROGRESS_MODES, type BuildRun, type BuildRunResult, type ProgressMode } from './build-runner';
export { openShellContext, ContextNotFound } from './shell-context';
export { sharedHubSource } from './hub-source';
