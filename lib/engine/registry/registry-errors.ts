import { EngineError } from '../errors';
import { familiarName, familiarString, type NamedReference } from '../image';

/**
 * The registry answers docker users see, worded as moby's `distribution/errors.go` wraps them:
 * a registry's error is `<code in lower case, spaces for _>: <message>` (distribution
 * `errcode.Error`), and pull adds what it was looking for.
 */

/** `errcode.Error.Error()`: `MANIFEST_UNKNOWN` + "manifest unknown" → `manifest unknown: manifest unknown`. */
export function registryErrorText(code: string, message: string): string {
  return `${code.toLowerCase().replace(/_/g, ' ')}: ${message}`;
}

export const DENIED = registryErrorText('DENIED', 'requested access to the resource is denied');

/** What a registry that wants a login answers an anonymous push (distribution's UNAUTHORIZED). */
export const UNAUTHORIZED = registryErrorText('UNAUTHORIZED', 'authentication required');

/** moby `notFoundError` for DENIED: the repository does not exist, or we may not see it. */
export function pullAccessDenied(name: NamedReference, cause = DENIED): EngineError {
  return new EngineError('no-such-image', `pull access denied for ${familiarName(name)}, repository does not exist or may require 'docker login': ${cause}`);
}

/** moby `notFoundError` for MANIFEST_UNKNOWN. */
export function manifestNotFound(ref: NamedReference, cause = registryErrorText('MANIFEST_UNKNOWN', 'manifest unknown')): EngineError {
  return new EngineError('no-such-image', `manifest for ${familiarString(ref)} not found: ${cause}`);
}

/** moby `notFoundError` for NAME_UNKNOWN. */
export function repositoryNotFound(name: NamedReference, cause: string): EngineError {
  return new EngineError('no-such-image', `repository ${familiarName(name)} not found: ${cause}`);
}

/** A push the registry refuses (`denied: requested access to the resource is denied`). */
export function pushDenied(cause = DENIED): EngineError {
  return new EngineError('registry', cause);
}

/** containerd's platform check when `--platform` names another platform than the image's. */
export function platformMismatch(ref: NamedReference, wanted: string, actual: string): EngineError {
  return new EngineError(
    'no-such-image',
    `image with reference ${familiarString(ref)} was found but does not match the specified platform: wanted ${wanted}, actual: ${actual}`,
  );
}

/** An index without the platform (`no matching manifest for linux/arm64 in the manifest list entries`). */
export function noMatchingManifest(platform: string): EngineError {
  return new EngineError('no-such-image', `no matching manifest for ${platform} in the manifest list entries`);
}
