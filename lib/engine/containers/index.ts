/**
 * engine/containers — `docker run` and friends over the engine (DESIGN.md §3 "Containers").
 *
 *   const { id } = await createContainer(store, { image: 'nginx', args: [], ports: [{ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' }] }, { now, random });
 *   await startContainer(store, id, { now, onStdout, onStderr });   // nginx serves: running
 *   await httpRequest(store, 8080, '/', { now });                    // the welcome page
 *   await runSessionLine(store, id, 'apt-get update', { session, shell: 'bash', main: true, now });
 *   await commitContainer(store, id, { reference: 'myimage', now, sha256 });
 *   for await (const chunk of await exportContainer(store, id)) write(chunk);
 *
 * A container is a ContainerRecord (store kind `containers`): its image, its writable layer (a
 * change set over the image's tree) and a `ContainerState` (read it with `readContainerState`).
 * Processes run in lib/shell with RUN's command table and pathResolver, over the image tree plus
 * the writable layer; servers and long sleeps keep the main process running until stopped.
 */
export { createContainer, type CreateContainerOptions, type CreateContainerRequest } from './create-container';
export { startContainer, isInteractiveShell, type StartIo, type StartResult } from './start-container';
export { stopContainer, removeContainer, pruneContainers, writableLayerSize } from './container-ops';
export { execInContainer, runSessionLine, endSession, shellFlavor, type ExecIo, type ExecOptions, type SessionLineOptions, type SessionLineResult } from './container-exec';
export { commitContainer, type CommitOptions } from './commit';
export { applyChanges } from './commit-changes';
export { exportContainer } from './export-container';
export { httpRequest, type HttpAnswer, type HttpRequestOptions } from './http-request';
export { findContainer, listContainers } from './lookup';
export { randomId, randomName, seededRandom, type RandomSource } from './names';
export { resolveProcessArgv } from './start-check';
export {
  readContainerState,
  isRunning,
  ZERO_TIME,
  type Blocking,
  type ContainerConfig,
  type ContainerState,
  type ContainerStatus,
  type LogLine,
  type PortBinding,
  type ServerInfo,
  type ShellSessionState,
} from './types';
