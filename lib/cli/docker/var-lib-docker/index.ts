// lib/cli/docker/var-lib-docker — the read-only /var/lib/docker view of a host's store, and the
// mount helper that lays it over the terminal's workspace fs:
//   const fs = mountFs(workspaceFs, { '/var/lib/docker': dockerRootFs(host.store, { sha256 }) });
export { dockerRootFs, layerCacheIds, type DockerRootOptions } from './docker-root-fs';
export { mountFs } from './mount-fs';
export { DOCKER_ROOT } from './constants';
