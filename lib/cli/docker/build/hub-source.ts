import { createHub, createHubImageSource, HUB_FILES, type Hub, type ImageSource } from '@/lib/engine';
import type { Sha256Factory } from '@/lib/util';

let hub: Hub | undefined;

/** The built-in hub's catalog, parsed once per process (it is read-only). */
export function sharedHub(): Hub {
  hub ??= createHub({ files: HUB_FILES });
  return hub;
}

/**
 * The built-in registry as a build's image source, made once per process and hasher: the hub's
 * layer digests come from the precomputed table (lib/engine/hub/hub-digests) and what is made of
 * them is remembered, so the second build in a terminal session (or a test file) starts warm.
 */
const sources = new WeakMap<Sha256Factory, ImageSource>();

export function sharedHubSource(sha256: Sha256Factory): ImageSource {
  let source = sources.get(sha256);
  if (source === undefined) {
    source = createHubImageSource(sharedHub(), sha256);
    sources.set(sha256, source);
  }
  return source;
}
