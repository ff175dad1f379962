import { EngineError } from '../errors';
import type { NamedReference } from '../image';
import { loginFailed, RegistryClient } from './http-client';
import { createHttpRepository } from './http-repository';
import { createModeledRepository } from './modeled-registry';
import { pullImages, type TransferContext } from './pull';
import { pushImages } from './push';
import type { RemoteRepository } from './remote';
import type { Credentials, Registries, RegistriesOptions } from './types';

/** The build clock's default bandwidth (lib/engine/packages/shared/simulated-cost.ts DEFAULT_BANDWIDTH). */
export const DEFAULT_REGISTRY_BANDWIDTH = 20e6;

/**
 * A real registry is one the user runs: its domain has a port (`127.0.0.1:5000`,
 * `registry.local:5000`) or is `localhost`. Every other domain is modeled.
 */
export function isRealRegistry(domain: string): boolean {
  return domain === 'localhost' || /:\d+$/.test(domain);
}

export function createRegistries(options: RegistriesOptions): Registries {
  const bandwidth = options.bandwidth ?? DEFAULT_REGISTRY_BANDWIDTH;
  const context = (credentials: Credentials | undefined): TransferContext => ({
    sha256: options.sha256,
    bandwidth,
    remoteFor: (name: NamedReference): RemoteRepository => {
      if (!isRealRegistry(name.domain)) return createModeledRepository({ store: options.store, sha256: options.sha256, ...(options.builtin !== undefined ? { builtin: options.builtin } : {}) }, name);
      return createHttpRepository(name, {
        fetch: options.fetch ?? unreachable,
        sha256: options.sha256,
        ...(credentials !== undefined ? { credentials } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.chunkSize !== undefined ? { chunkSize: options.chunkSize } : {}),
      });
    },
  });
  return {
    pull: (request) => pullImages(context(request.credentials), request),
    push: (request) => pushImages(context(request.credentials), request),
    async login(server, credentials, loginOptions = {}) {
      if (credentials.username === '' || credentials.password === '') throw new EngineError('registry', 'Username and password required');
      if (!isRealRegistry(server)) return 'Login Succeeded';
      const client = new RegistryClient(server, { fetch: options.fetch ?? unreachable, credentials, ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) });
      const ping = await client.ping(loginOptions.signal);
      const challenge = client.auth;
      if (challenge === null || challenge === undefined) return ping.ok ? 'Login Succeeded' : Promise.reject(loginFailed(client, ping));
      if (challenge.scheme === 'bearer') {
        await client.fetchToken(challenge, [], loginOptions.signal);
        return 'Login Succeeded';
      }
      const response = await client.request('/v2/', loginOptions.signal !== undefined ? { signal: loginOptions.signal } : {});
      await response.body?.cancel();
      if (!response.ok) throw loginFailed(client, response);
      return 'Login Succeeded';
    },
  };
}

/** Without a fetch (a test, a sandbox) a real registry behaves as one that is not running. */
const unreachable: typeof fetch = async () => {
  throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
};
