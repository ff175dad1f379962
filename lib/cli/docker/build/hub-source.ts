import { createHub, createHubImageSource, HUB_FILES, type ImageSource } from '@/lib/engine';
import type { Sha256Factory } from '@/lib/util';

/**
 * The built-in registry as a build's image source, made once per process and hasher: the hub's
 * layers are hashed on first use and remembered, so the second build in a terminal session (or
 * a test file) does not hash python:3.9's layers again.
 */
const sources = new WeakMap<Sha256Factory, ImageSource>();

export function sharedHubSource(sha256: Sha256Factory): ImageSource {
  let source = sources.get(sha256);
  if (source === undefined) {
    source = createHubImageSource(createHub({ files: HUB_FILES }), sha256);
    sources.set(sha256, source);
  }
  return source;
}
