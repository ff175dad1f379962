/**
 * lib/engine — the image engine's public surface (DESIGN.md §2: other areas import only this file).
 * Each sub-area adds its exports here as it lands; see README.md for the order between them.
 */
export { EngineError, isEngineError, type EngineErrorCode } from './errors';
export * from './store';
export * from './image';
export * from './hub';
export * from './registry';
export * from './archive';
export * from './build';
export * from './containers';
export * from './analysis';
// Layer contents for read-only views (lib/cli/docker/var-lib-docker): a recipe file's bytes, real or synthetic.
export { readContent } from './fs';
// The browser worker's hasher: WebCrypto for layers up to a bound (lib/engine/layer/one-shot-sha256.ts).
export { webCryptoSha256, withOneShotSha256, WEB_CRYPTO_MAX_BYTES, type OneShotSha256 } from './layer';
