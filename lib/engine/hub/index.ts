// Public surface of lib/engine/hub: the built-in registry seeded from content/hub/.
export { createHub, hubImageIdentity, toChangeSet, type Hub } from './create-hub';
export { HUB_FILES } from './hub-files';
export { loadHubCatalog, findHubTag, type HubCatalog, type HubRepository, type HubSourceFile } from './load-hub';
export { listHubImages, matchHubPlatform, resolveHubImage, type HubImage, type HubLayerRef } from './resolve-hub-image';
export { expandHubLayer, hubLayerSize, type HubContent, type HubFsEntry } from './expand-layer';
export { HubDataError, isHubDataError, type HubDataErrorCode } from './hub-data-error';
export { normalizeHubRef, repositoryForPath, type HubRef } from './hub-ref';
export {
  hubRepositorySchema,
  hubTagSchema,
  type HubImageConfig,
  type HubInstalled,
  type HubRepositoryFile,
  type HubTag,
} from './hub-schema';
export { type HubEntry } from './entry-schema';
export { computeHubDigests, hubDigestSeeds, renderHubDigestsModule, type HubDigestRow } from './hub-digests';
export { HUB_DIGEST_ROWS } from './hub-digests.generated';
