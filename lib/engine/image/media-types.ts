/**
 * Media types of image documents and layers: OCI (image-spec `specs-go/v1/mediatype.go`) and
 * Docker's schema 2 (containerd `images/mediatypes.go`), which registries and `docker save`
 * still use. BuildKit writes OCI types when asked (`oci-mediatypes=true`) and Docker ones otherwise.
 */
export const MEDIA_TYPES = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  ociLayerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

export type MediaTypeFormat = 'oci' | 'docker';

export function manifestMediaType(format: MediaTypeFormat): string {
  return format === 'oci' ? MEDIA_TYPES.ociManifest : MEDIA_TYPES.dockerManifest;
}

export function indexMediaType(format: MediaTypeFormat): string {
  return format === 'oci' ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.dockerManifestList;
}

export function configMediaType(format: MediaTypeFormat): string {
  return format === 'oci' ? MEDIA_TYPES.ociConfig : MEDIA_TYPES.dockerConfig;
}

/** True for a single-image manifest of either family. */
export function isManifestMediaType(mediaType: string): boolean {
  return mediaType === MEDIA_TYPES.ociManifest || mediaType === MEDIA_TYPES.dockerManifest;
}

/** True for a multi-platform index / manifest list of either family. */
export function isIndexMediaType(mediaType: string): boolean {
  return mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerManifestList;
}

/**
 * `compression.ConvertAllLayerMediaTypes`: the same layer named in the other family
 * (`tar+gzip` ↔ `rootfs.diff.tar.gzip`), so a manifest never mixes OCI and Docker types.
 */
export function convertLayerMediaType(mediaType: string, format: MediaTypeFormat): string {
  const pairs: ReadonlyArray<readonly [string, string]> = [
    [MEDIA_TYPES.ociLayer, MEDIA_TYPES.dockerLayer],
    [MEDIA_TYPES.ociLayerGzip, MEDIA_TYPES.dockerLayerGzip],
  ];
  for (const [oci, docker] of pairs) {
    if (mediaType === oci || mediaType === docker) return format === 'oci' ? oci : docker;
  }
  return mediaType;
}
