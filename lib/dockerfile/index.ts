// Public surface of lib/dockerfile. Other areas import only from here.
export type * from './ast';
export type * from './instructions/types';
export { DockerfileError, isDockerfileError, type DockerfileErrorCode } from './errors';
