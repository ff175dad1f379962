/**
 * engine/archive — `docker save` / `docker load` (docker-semantics §2f).
 *
 * `saveImages(store, names, { sha256 })` resolves names like the daemon (`repo` = every tag,
 * `repo:tag`, ID or prefix = untagged) and returns the Engine ≥ 25 archive as an async stream of
 * chunks (OCI layout + `manifest.json` + `repositories`; layers streamed from their recipes;
 * deterministic bytes). `loadImages(store, chunks, { sha256 })` reads that format and the legacy
 * one, verifies every digest, refuses hostile input, and commits everything in one store write
 * (a layer our tar writer would not reproduce byte for byte — another tool's headers or entry
 * order — is stored blob-backed: its original tar kept as a blob, which `save` streams back);
 * its `lines` are what `docker load` prints. `resolveImage` / `repoTagsOf` / `refKey` resolve
 * image arguments for other commands; `storeImage` puts a config plus layers into a transaction.
 */
export { saveImages, type SaveOptions } from './save-images';
export { loadImages, type LoadOptions, type LoadResult } from './load-images';
export { type ArchiveLimits } from './read-archive';
export { familiarRef, refKey, repoTagsOf, resolveImage, resolveSaveTargets, type SaveTarget } from './resolve-image';
export { storeImage, type StoreImageInput } from './store-image';
export { ociManifestFor } from './image-manifest';
