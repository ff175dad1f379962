import { describe, expect, it } from 'vitest';
import type { Digest } from '@/lib/util';
import { isEngineError } from '../errors';
import {
  createIndex,
  createManifest,
  describeDocument,
  serializeIndex,
  serializeManifest,
} from './manifest';
import { MEDIA_TYPES, convertLayerMediaType } from './media-types';
import { parseIndex, parseManifest } from './parse-documents';

const CFG: Digest = 'sha256:b79606fb3afea5bd1609ed40b622142f1c98125abcfe89a76a661b0e8e343910';
const L1: Digest = 'sha256:77ea7eee3d80b1a38f83906dd3048e2689457eb90e18a7d12f839c5ae37106a2';
const L2: Digest = 'sha256:95cf1a2e1698fe3ca1fcc3f653119146b271d0b62e487ec264441e886a11bd06';

// json.MarshalIndent(v, "", "  ") of image-spec v1.1's Manifest / Index structs, and the sha256 Go
// computed over those bytes.
const OCI_MANIFEST = "{\n  \"schemaVersion\": 2,\n  \"mediaType\": \"application/vnd.oci.image.manifest.v1+json\",\n  \"config\": {\n    \"mediaType\": \"application/vnd.oci.image.config.v1+json\",\n    \"digest\": \"sha256:b79606fb3afea5bd1609ed40b622142f1c98125abcfe89a76a661b0e8e343910\",\n    \"size\": 1234\n  },\n  \"layers\": [\n    {\n      \"mediaType\": \"application/vnd.oci.image.layer.v1.tar\",\n      \"digest\": \"sha256:77ea7eee3d80b1a38f83906dd3048e2689457eb90e18a7d12f839c5ae37106a2\",\n      \"size\": 10240\n    },\n    {\n      \"mediaType\": \"application/vnd.oci.image.layer.v1.tar\",\n      \"digest\": \"sha256:95cf1a2e1698fe3ca1fcc3f653119146b271d0b62e487ec264441e886a11bd06\",\n      \"size\": 2048\n    }\n  ]\n}";
const DOCKER_MANIFEST = "{\n  \"schemaVersion\": 2,\n  \"mediaType\": \"application/vnd.docker.distribution.manifest.v2+json\",\n  \"config\": {\n    \"mediaType\": \"application/vnd.docker.container.image.v1+json\",\n    \"digest\": \"sha256:b79606fb3afea5bd1609ed40b622142f1c98125abcfe89a76a661b0e8e343910\",\n    \"size\": 1234\n  },\n  \"layers\": [\n    {\n      \"mediaType\": \"application/vnd.docker.image.rootfs.diff.tar.gzip\",\n      \"digest\": \"sha256:77ea7eee3d80b1a38f83906dd3048e2689457eb90e18a7d12f839c5ae37106a2\",\n      \"size\": 10240\n    }\n  ],\n  \"annotations\": {\n    \"a\": \"b\",\n    \"org.opencontainers.image.title\": \"\\u003cx\\u003e\\u0026\"\n  }\n}";
const INDEX = "{\n  \"schemaVersion\": 2,\n  \"mediaType\": \"application/vnd.oci.image.index.v1+json\",\n  \"manifests\": [\n    {\n      \"mediaType\": \"application/vnd.oci.image.manifest.v1+json\",\n      \"digest\": \"sha256:77ea7eee3d80b1a38f83906dd3048e2689457eb90e18a7d12f839c5ae37106a2\",\n      \"size\": 500,\n      \"platform\": {\n        \"architecture\": \"amd64\",\n        \"os\": \"linux\"\n      }\n    },\n    {\n      \"mediaType\": \"application/vnd.oci.image.manifest.v1+json\",\n      \"digest\": \"sha256:95cf1a2e1698fe3ca1fcc3f653119146b271d0b62e487ec264441e886a11bd06\",\n      \"size\": 501,\n      \"platform\": {\n        \"architecture\": \"arm\",\n        \"os\": \"linux\",\n        \"variant\": \"v7\"\n      }\n    }\n  ]\n}";

describe('createManifest / serializeManifest', () => {
  it('writes an OCI manifest byte for byte like Go', async () => {
    const manifest = createManifest(CFG, 1234, [
      { digest: L1, size: 10240, mediaType: MEDIA_TYPES.ociLayer },
      { digest: L2, size: 2048, mediaType: MEDIA_TYPES.ociLayer },
    ]);
    const json = serializeManifest(manifest);
    expect(json).toBe(OCI_MANIFEST);
    const descriptor = await describeDocument(json, manifest.mediaType);
    expect(descriptor).toEqual({
      mediaType: MEDIA_TYPES.ociManifest,
      digest: 'sha256:c29c68ba3f72ca5e209b81a08a98c8cd2bbd46196ec5ee91161142b184227a0c',
      size: 658,
    });
  });

  it('uses Docker media types throughout when asked, and escapes annotations', async () => {
    const manifest = createManifest(CFG, 1234, [{ digest: L1, size: 10240, mediaType: MEDIA_TYPES.ociLayerGzip }], {
      format: 'docker',
      annotations: { 'org.opencontainers.image.title': '<x>&', a: 'b' },
    });
    expect(serializeManifest(manifest)).toBe(DOCKER_MANIFEST);
    expect((await describeDocument(DOCKER_MANIFEST, manifest.mediaType)).digest).toBe(
      'sha256:5ec2e0cfd905585586cfe19378cf6eb05e3902a6da1c1c263b2cdb7a31b96c98',
    );
  });

  it('writes layers: [] for an image without layers', () => {
    expect(serializeManifest(createManifest(CFG, 2, []))).toContain('"layers": []');
  });

  it('round-trips through parseManifest', () => {
    const parsed = parseManifest(OCI_MANIFEST);
    expect(serializeManifest(parsed)).toBe(OCI_MANIFEST);
    expect(parsed.layers.map((l) => l.digest)).toEqual([L1, L2]);
  });
});

describe('createIndex / serializeIndex', () => {
  it('writes an index over amd64 and arm/v7 like Go', async () => {
    const index = createIndex([
      { digest: L1, size: 500, platform: { architecture: 'amd64', os: 'linux' } },
      { digest: L2, size: 501, platform: { architecture: 'arm', os: 'linux', variant: 'v7' } },
    ]);
    const json = serializeIndex(index);
    expect(json).toBe(INDEX);
    expect(await describeDocument(json, index.mediaType)).toEqual({
      mediaType: MEDIA_TYPES.ociIndex,
      digest: 'sha256:8aad87022b1008b6cf91ca61586ec9313546e4f1e01460113410efb4a991f9b9',
      size: 668,
    });
    expect(serializeIndex(parseIndex(json))).toBe(INDEX);
  });

  it('names a Docker manifest list', () => {
    const index = createIndex([{ digest: L1, size: 1, platform: { architecture: 'arm64', os: 'linux' } }], { format: 'docker' });
    expect(index.mediaType).toBe(MEDIA_TYPES.dockerManifestList);
    expect(index.manifests[0]?.mediaType).toBe(MEDIA_TYPES.dockerManifest);
  });
});

describe('media types and parsing errors', () => {
  it('converts layer media types between families', () => {
    expect(convertLayerMediaType(MEDIA_TYPES.dockerLayerGzip, 'oci')).toBe(MEDIA_TYPES.ociLayerGzip);
    expect(convertLayerMediaType(MEDIA_TYPES.ociLayer, 'docker')).toBe(MEDIA_TYPES.dockerLayer);
    expect(convertLayerMediaType(MEDIA_TYPES.ociLayerZstd, 'docker')).toBe(MEDIA_TYPES.ociLayerZstd);
  });

  it.each([
    ['not json', 'invalid manifest: '],
    ['[]', 'invalid manifest: not a JSON object'],
    ['{"schemaVersion":1}', 'invalid manifest: schemaVersion must be 2'],
    ['{"schemaVersion":2,"config":{"mediaType":"x","digest":"sha256:abc","size":1}}', 'invalid manifest: descriptor needs'],
    [`{"schemaVersion":2,"mediaType":"${MEDIA_TYPES.ociIndex}"}`, 'invalid manifest: unexpected media type'],
  ])('rejects %s', (text, message) => {
    try {
      parseManifest(text);
      expect.unreachable();
    } catch (error) {
      expect(isEngineError(error, 'invalid-config')).toBe(true);
      expect((error as Error).message.startsWith(message)).toBe(true);
    }
  });
});
