import { parseNormalizedNamed, type Registries } from '@/lib/engine';
import { DaemonError } from '../docker/command';

/**
 * The registries as a host without a network sees them (the material's production and airgapped
 * servers): every request fails as the daemon's HTTP client fails when it cannot resolve the
 * registry's name, so the student sees why images must travel as `docker save` archives.
 */
export function offlineRegistries(): Registries {
  const unreachable = (ref: string): never => {
    let domain = 'docker.io';
    try {
      domain = parseNormalizedNamed(ref).domain;
    } catch {
      // An invalid reference fails later, in the command's own parsing; the hub is the default.
    }
    throw new DaemonError(lookupFailure(domain));
  };
  return {
    pull: async (request) => unreachable(request.ref),
    push: async (request) => unreachable(request.ref),
    login: async (server) => unreachable(`${server}/x`),
  };
}

/** Go's resolver error inside the daemon's `Get` of the registry's API root. */
export function lookupFailure(domain: string): string {
  const host = domain === 'docker.io' ? 'registry-1.docker.io' : domain;
  const name = host.replace(/:\d+$/, '');
  return `Get "https://${host}/v2/": dial tcp: lookup ${name}: no such host`;
}
