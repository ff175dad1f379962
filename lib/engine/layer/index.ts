/**
 * engine/layer — layers as bytes and digests.
 *
 * `changeSetToTar(cs, { mtime?, chunkSize? })` streams the uncompressed OCI layer tar as owned
 * chunks; `tarPieces` is the zero-copy form for hashing; `layerTarSize(cs)` its length.
 * `hashLayer(cs, sha256)` / `diffIdOf(cs, sha256)` stream that tar through an injected hasher;
 * `chainIds(diffIds)` / `chainIdOf` per image-spec; `EMPTY_LAYER_DIFF_ID`; `createDiffIdMemo`
 * memoizes by change-set fingerprint (optionally persisted); `withOneShotSha256(factory, webCryptoSha256())`
 * lets layers up to a bound hash in one WebCrypto call. `tarToChangeSet(chunks, limits?)` parses a (hostile) layer
 * tar into a change set, all or nothing. Headers are Go archive/tar's bytes (`encodeTarHeader`).
 */
export { changeSetToTar, layerTarSize, tarHeaderOf, tarPieces, SYNTHETIC_PAX_KEY, type TarOptions } from './change-set-to-tar';
export { chainIdOf, chainIds, createDiffIdMemo, diffIdOf, hashLayer, EMPTY_LAYER_DIFF_ID, type DiffIdMemo, type DiffIdMemoOptions, type DiffIdPersistence, type HashOptions, type LayerDigest } from './diff-id';
export { encodeTarHeader, type TarHeaderFields, type TarTypeflag } from './tar-header';
export { tarToChangeSet, type TarReadLimits } from './tar-to-change-set';
export { oneShotOf, webCryptoSha256, withOneShotSha256, WEB_CRYPTO_MAX_BYTES, type OneShotSha256 } from './one-shot-sha256';
