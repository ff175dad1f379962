import { formatPlatform, isDockerfileError, parsePlatform } from '@/lib/dockerfile';
import { EngineError } from '../errors';
import type { ImageConfig } from './config-types';

/**
 * An OCI platform (`v1.Platform`) with its JSON names, as it appears in an index's manifest
 * descriptors and, flattened, in an image config.
 */
export interface ImagePlatform {
  readonly architecture: string;
  readonly os: string;
  readonly 'os.version'?: string;
  readonly variant?: string;
}

/**
 * containerd `platforms.Parse` + `Normalize`: `linux/amd64`, `linux/arm64` (no `v8`),
 * `linux/arm/v7`, `arm` (→ `linux/arm/v7`), `aarch64`, `x86_64`... Shares the Dockerfile
 * front end's parser (`--platform`, TARGETPLATFORM) so both read platforms the same way.
 */
export function parseImagePlatform(text: string): ImagePlatform {
  try {
    const p = parsePlatform(text);
    return {
      architecture: p.architecture,
      os: p.os,
      ...(p.osVersion !== '' ? { 'os.version': p.osVersion } : {}),
      ...(p.variant !== '' ? { variant: p.variant } : {}),
    };
  } catch (error) {
    if (isDockerfileError(error)) throw new EngineError('invalid-config', error.message, { cause: error });
    throw error;
  }
}

/** `platforms.Format`: `os/arch[/variant]`. */
export function formatImagePlatform(platform: ImagePlatform): string {
  return formatPlatform({
    os: platform.os,
    architecture: platform.architecture,
    variant: platform.variant ?? '',
    osVersion: platform['os.version'] ?? '',
  });
}

/** The platform an image config declares. */
export function platformOf(config: ImageConfig): ImagePlatform {
  return {
    architecture: config.architecture,
    os: config.os,
    ...(config['os.version'] ? { 'os.version': config['os.version'] } : {}),
    ...(config.variant ? { variant: config.variant } : {}),
  };
}

/** Same os, architecture and variant (os.version ignored, as `platforms.Only` does on Linux). */
export function samePlatform(a: ImagePlatform, b: ImagePlatform): boolean {
  return a.os === b.os && a.architecture === b.architecture && (a.variant ?? '') === (b.variant ?? '');
}
