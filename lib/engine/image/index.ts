// Public surface of lib/engine/image: references, image config, history texts, manifest, index,
// platforms and the `docker image inspect` shape. Other engine areas import only from here.

// References (distribution/reference)
export {
  parseReference,
  withName,
  withTag,
  withDigest,
  trimNamed,
  referenceName,
  referenceString,
  isNameOnly,
  type Reference,
  type NamedReference,
  type DigestReference,
} from './reference';
export {
  parseNormalizedNamed,
  parseDockerRef,
  parseAnyReference,
  tagNameOnly,
  familiarize,
  familiarName,
  familiarString,
  DEFAULT_DOMAIN,
  DEFAULT_TAG,
} from './normalize';
export { validateDigest } from './reference-grammar';

// Image config
export {
  BUILDKIT_HISTORY_COMMENT,
  type ImageConfig,
  type RunConfig,
  type HealthConfig,
  type HistoryEntry,
  type RootFs,
  type EmptyObject,
} from './config-types';
export {
  serializeImageConfig,
  serializeRunConfig,
  serializeHistoryEntry,
  imageIdOf,
  encodeImageConfig,
} from './serialize-config';
export {
  emptyConfig,
  updateConfig,
  addEnv,
  withEnv,
  withLabels,
  withExposedPorts,
  withVolumes,
  withOnBuild,
  withAuthor,
  withCreated,
  withHistory,
  fromBase,
  DEFAULT_PATH_ENV_LINUX,
  type RunConfigPatch,
} from './update-config';
export { parseExposePorts } from './expose-ports';

// History
export {
  commandArgv,
  layerRule,
  DEFAULT_SHELL,
  type BuilderMode,
  type CommandForm,
  type BuildArgValue,
  type HistoryStep,
  type HistoryStepKind,
  type LayerRule,
} from './history-step';
export { createdBy, createHistoryEntry, type CreatedByContext, type HistoryEntryOptions } from './created-by';
export { goDuration } from './go-format';

// Manifest, index, media types, platforms
export {
  createManifest,
  createIndex,
  serializeManifest,
  serializeIndex,
  serializeDescriptor,
  describeDocument,
  type Descriptor,
  type ImageManifest,
  type ImageIndex,
  type ManifestOptions,
} from './manifest';
export {
  MEDIA_TYPES,
  manifestMediaType,
  indexMediaType,
  configMediaType,
  convertLayerMediaType,
  isManifestMediaType,
  isIndexMediaType,
  type MediaTypeFormat,
} from './media-types';
export { parseImagePlatform, formatImagePlatform, platformOf, samePlatform, type ImagePlatform } from './platform';
export { parseImageConfig, parseManifest, parseIndex } from './parse-documents';

// docker image inspect
export { toImageInspect, serializeImageInspect, formatImageInspect, type ImageInspect, type InspectInput } from './inspect';

// Go JSON helpers other engine areas writing Docker documents need (docker save's manifest.json).
export { goJsonString, goIndent, goTime, encodeUtf8 } from './go-json';
