import { isDigest } from '@/lib/util';
import { EngineError } from '../errors';
import type { ImageConfig } from './config-types';
import type { Descriptor, ImageIndex, ImageManifest } from './manifest';
import { isIndexMediaType, isManifestMediaType } from './media-types';

/**
 * Reading image documents back (archives, the hub, a registry). The parsed value is kept as it
 * came; only its shape is checked, so a config that loads re-serializes to the same bytes when it
 * was written by Docker/BuildKit. Keep the original bytes where the digest matters.
 */

function invalid(what: string, detail: string): never {
  throw new EngineError('invalid-config', `invalid ${what}: ${detail}`);
}

function parseJson(text: string | Uint8Array, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(typeof text === 'string' ? text : new TextDecoder().decode(text));
  } catch (error) {
    throw new EngineError('invalid-config', `invalid ${what}: ${(error as Error).message}`, { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(what, 'not a JSON object');
  return value as Record<string, unknown>;
}

const isStringList = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** An image config blob; `rootfs.diff_ids: null` (no layers) reads as `[]`. */
export function parseImageConfig(text: string | Uint8Array): ImageConfig {
  const raw = parseJson(text, 'image config');
  if (typeof raw.architecture !== 'string' || typeof raw.os !== 'string') invalid('image config', 'missing architecture or os');
  const rootfs = raw.rootfs as Record<string, unknown> | undefined;
  if (typeof rootfs !== 'object' || rootfs === null || rootfs.type !== 'layers') invalid('image config', 'rootfs.type must be "layers"');
  const diffIds = rootfs.diff_ids ?? [];
  if (!Array.isArray(diffIds) || !diffIds.every(isDigest)) invalid('image config', 'rootfs.diff_ids must be sha256 digests');
  const config = raw.config ?? {};
  if (typeof config !== 'object' || config === null || Array.isArray(config)) invalid('image config', 'config must be an object');
  for (const key of ['Env', 'Cmd', 'Entrypoint', 'OnBuild', 'Shell'] as const) {
    const v = (config as Record<string, unknown>)[key];
    if (v !== undefined && v !== null && !isStringList(v)) invalid('image config', `config.${key} must be a list of strings`);
  }
  const history = raw.history ?? [];
  if (!Array.isArray(history)) invalid('image config', 'history must be a list');
  const layered = history.filter((h: { empty_layer?: boolean }) => h?.empty_layer !== true).length;
  if (history.length > 0 && layered !== diffIds.length) invalid('image config', 'history does not match rootfs.diff_ids');
  // Go's nulls for nil slices/maps mean "absent".
  const cleanConfig = Object.fromEntries(Object.entries(config).filter(([, v]) => v !== null));
  const out: Record<string, unknown> = { ...raw, config: cleanConfig, rootfs: { type: 'layers', diff_ids: diffIds }, history };
  if (raw.created === null) delete out.created;
  return out as unknown as ImageConfig;
}

function parseDescriptor(value: unknown, what: string): Descriptor {
  const d = value as Record<string, unknown> | null;
  if (typeof d !== 'object' || d === null) invalid(what, 'descriptor is not an object');
  if (typeof d.mediaType !== 'string' || !isDigest(d.digest) || !Number.isSafeInteger(d.size) || (d.size as number) < 0) {
    invalid(what, 'descriptor needs mediaType, a sha256 digest and a size');
  }
  return d as unknown as Descriptor;
}

/** An image manifest (OCI or Docker schema 2). */
export function parseManifest(text: string | Uint8Array): ImageManifest {
  const raw = parseJson(text, 'manifest');
  if (raw.schemaVersion !== 2) invalid('manifest', 'schemaVersion must be 2');
  if (raw.mediaType !== undefined && !isManifestMediaType(String(raw.mediaType))) invalid('manifest', `unexpected media type ${String(raw.mediaType)}`);
  parseDescriptor(raw.config, 'manifest');
  const layers = raw.layers ?? [];
  if (!Array.isArray(layers)) invalid('manifest', 'layers must be a list');
  layers.forEach((l) => parseDescriptor(l, 'manifest'));
  return { ...raw, layers } as unknown as ImageManifest;
}

/** An image index / manifest list. */
export function parseIndex(text: string | Uint8Array): ImageIndex {
  const raw = parseJson(text, 'index');
  if (raw.schemaVersion !== 2) invalid('index', 'schemaVersion must be 2');
  if (raw.mediaType !== undefined && !isIndexMediaType(String(raw.mediaType))) invalid('index', `unexpected media type ${String(raw.mediaType)}`);
  const manifests = raw.manifests ?? [];
  if (!Array.isArray(manifests)) invalid('index', 'manifests must be a list');
  manifests.forEach((m) => parseDescriptor(m, 'index'));
  return { ...raw, manifests } as unknown as ImageIndex;
}
