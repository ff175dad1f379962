import { sha256Of, type Digest, type Sha256Factory } from '@/lib/util';
import {
  type MediaTypeFormat,
  configMediaType,
  convertLayerMediaType,
  indexMediaType,
  manifestMediaType,
} from './media-types';
import { goIndent, goInt, goJsonString, goMap, goSlice, goStruct, omitEmpty } from './go-json';
import type { ImagePlatform } from './platform';

/**
 * OCI image manifest and index (image-spec `specs-go/v1` `Manifest`, `Index`, `Descriptor`), and
 * their bytes as BuildKit's exporter writes them: `json.MarshalIndent(v, "", "  ")` of the Go
 * structs, so `schemaVersion` first, then `mediaType`, in struct order, two-space indent, no
 * trailing newline. A manifest's digest (what `RepoDigests` and `name@sha256:` refer to) is the
 * sha256 of those bytes.
 */

export interface Descriptor {
  readonly mediaType: string;
  readonly digest: Digest;
  readonly size: number;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly platform?: ImagePlatform;
}

export interface ImageManifest {
  readonly schemaVersion: 2;
  readonly mediaType: string;
  readonly config: Descriptor;
  readonly layers: readonly Descriptor[];
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface ImageIndex {
  readonly schemaVersion: 2;
  readonly mediaType: string;
  readonly manifests: readonly Descriptor[];
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface ManifestOptions {
  /** `oci` (default) or `docker` media types, for the manifest, its config and its layers. */
  readonly format?: MediaTypeFormat;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** A manifest for one image: its config blob and its layer blobs, base first. */
export function createManifest(
  configDigest: Digest,
  configSize: number,
  layers: ReadonlyArray<{ readonly digest: Digest; readonly size: number; readonly mediaType: string }>,
  options: ManifestOptions = {},
): ImageManifest {
  const format = options.format ?? 'oci';
  return {
    schemaVersion: 2,
    mediaType: manifestMediaType(format),
    config: { mediaType: configMediaType(format), digest: configDigest, size: configSize },
    layers: layers.map((l) => ({ mediaType: convertLayerMediaType(l.mediaType, format), digest: l.digest, size: l.size })),
    ...(options.annotations !== undefined ? { annotations: options.annotations } : {}),
  };
}

/** An index (manifest list) over per-platform manifests, in the order given. */
export function createIndex(
  manifests: ReadonlyArray<{ readonly digest: Digest; readonly size: number; readonly platform: ImagePlatform; readonly mediaType?: string }>,
  options: ManifestOptions = {},
): ImageIndex {
  const format = options.format ?? 'oci';
  return {
    schemaVersion: 2,
    mediaType: indexMediaType(format),
    manifests: manifests.map((m) => ({
      mediaType: m.mediaType ?? manifestMediaType(format),
      digest: m.digest,
      size: m.size,
      platform: m.platform,
    })),
    ...(options.annotations !== undefined ? { annotations: options.annotations } : {}),
  };
}

function serializePlatform(p: ImagePlatform): string {
  return goStruct([
    ['architecture', goJsonString(p.architecture)],
    ['os', goJsonString(p.os)],
    ['os.version', omitEmpty(p['os.version'], goJsonString)],
    ['variant', omitEmpty(p.variant, goJsonString)],
  ]);
}

/** `v1.Descriptor`: mediaType, digest, size, urls, annotations, data, platform, artifactType. */
export function serializeDescriptor(d: Descriptor): string {
  return goStruct([
    ['mediaType', omitEmpty(d.mediaType, goJsonString)],
    ['digest', goJsonString(d.digest)],
    ['size', goInt(d.size)],
    ['annotations', omitEmpty(d.annotations, (a) => goMap(a, goJsonString))],
    ['platform', d.platform === undefined ? undefined : serializePlatform(d.platform)],
  ]);
}

/**
 * A manifest's bytes. `layers` has no `omitempty`; an image without layers gets `[]` rather than
 * Go's `null` for a nil slice, which some registries and tools reject.
 */
export function serializeManifest(m: ImageManifest): string {
  const compact = goStruct([
    ['schemaVersion', goInt(m.schemaVersion)],
    ['mediaType', omitEmpty(m.mediaType, goJsonString)],
    ['config', serializeDescriptor(m.config)],
    ['layers', goSlice(m.layers, serializeDescriptor)],
    ['annotations', omitEmpty(m.annotations, (a) => goMap(a, goJsonString))],
  ]);
  return goIndent(compact, '  ');
}

/** An index's bytes (same conventions as `serializeManifest`). */
export function serializeIndex(i: ImageIndex): string {
  const compact = goStruct([
    ['schemaVersion', goInt(i.schemaVersion)],
    ['mediaType', omitEmpty(i.mediaType, goJsonString)],
    ['manifests', goSlice(i.manifests, serializeDescriptor)],
    ['annotations', omitEmpty(i.annotations, (a) => goMap(a, goJsonString))],
  ]);
  return goIndent(compact, '  ');
}

/** The descriptor of a serialized document (manifest, index, config): digest and byte size. */
export async function describeDocument(json: string, mediaType: string, factory?: Sha256Factory): Promise<Descriptor> {
  const bytes = new TextEncoder().encode(json);
  return { mediaType, digest: await sha256Of(bytes, factory), size: bytes.length };
}

