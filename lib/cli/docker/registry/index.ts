import type { DockerCommand } from '../command';
import { LOGIN_COMMAND, LOGOUT_COMMAND } from './login-logout';
import { PULL_COMMAND, PUSH_COMMAND } from './pull-push';

/** docker pull, push, login, logout. */
export const REGISTRY_COMMANDS: readonly DockerCommand[] = [PULL_COMMAND, PUSH_COMMAND, LOGIN_COMMAND, LOGOUT_COMMAND];

/** Wiring for a terminal: the hub as the modeled registries' built-in content. */
export { createHubImages } from './hub-images';
