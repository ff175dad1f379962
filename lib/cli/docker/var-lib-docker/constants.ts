/** Docker's data root (`docker info`: Docker Root Dir), where the terminal mounts dockerRootFs. */
export const DOCKER_ROOT = '/var/lib/docker';
