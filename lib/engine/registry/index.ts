/**
 * engine/registry — `docker pull` / `docker push` / `docker login` against the registries every
 * host shares (DESIGN.md §3, issue 5 items 3 and 5).
 *
 *   const registries = createRegistries({ store: sharedStore, sha256, builtin, fetch });
 *   await registries.pull({ ref: 'alpine', store: daemonStore, onEvent: (e) => … });
 *   await registries.push({ ref: 'registry.company.com/myapp:1.0', store: daemonStore });
 *
 * Modeled registries (docker.io, registry.company.com, gcr.io, …) keep what was pushed in one
 * shared Store (records, recipes: no tar bytes) and serve the built-in hub through `BuiltinImages`;
 * a domain with a port or `localhost` is a real OCI distribution registry spoken to over the
 * injected `fetch`. Progress is Docker's JSON message stream as `TransferEvent`s; errors are
 * EngineErrors in Docker's words; a failed pull changes nothing in the daemon's store.
 */
export { createRegistries, isRealRegistry, DEFAULT_REGISTRY_BANDWIDTH } from './create-registries';
export { registryScheme } from './http-client';
export type {
  BuiltinImages,
  Credentials,
  PulledImage,
  PullRequest,
  PullResult,
  PushRequest,
  PushResult,
  RecipeLayer,
  Registries,
  RegistriesOptions,
  RemoteImageContent,
  TransferEvent,
  TransferListener,
} from './types';
