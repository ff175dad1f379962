import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ImageConfig } from './config-types';
import { encodeImageConfig, imageIdOf, serializeImageConfig } from './serialize-config';
import { emptyConfig, updateConfig } from './update-config';

const EMPTY_TAR = 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef';

// Golden strings printed by Go's encoding/json from the docker-image-spec structs, patched the
// way BuildKit's exporter patches them (map[string]json.RawMessage, so sorted top-level keys).
// Generated with go1.19; \b and \f are short escapes since Go 1.22 (what Docker is built with).
const RICH_GOLDEN = "{\"architecture\":\"arm\",\"author\":\"Ann \\u003cann@example.com\\u003e\",\"config\":{\"User\":\"app\",\"ExposedPorts\":{\"443/tcp\":{},\"53/udp\":{},\"80/tcp\":{}},\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\",\"MSG=\\u003cb\\u003eTom \\u0026 Jerry\\u003c/b\\u003e\",\"Q=\\\"quoted\\\"\\\\\",\"U=\\u2028x\u00e9\ud83d\udc33\",\"C=\\u0001\\b\\f\\n\\r\\t\u007f\"],\"Entrypoint\":[\"/docker-entrypoint.sh\"],\"Cmd\":[\"nginx\",\"-g\",\"daemon off;\"],\"Volumes\":{\"/b\":{},\"/data\":{}},\"WorkingDir\":\"/app\",\"Labels\":{\"10\":\"x\",\"9\":\"y\",\"Z\":\"upper\",\"a\":\"1\",\"b\":\"2\",\"\u00e9\":\"z\"},\"StopSignal\":\"SIGQUIT\",\"ArgsEscaped\":true,\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"curl -f http://localhost/ || exit 1\"],\"Interval\":30000000000,\"Timeout\":3000000000,\"Retries\":3},\"OnBuild\":[\"RUN echo hi\"],\"Shell\":[\"/bin/bash\",\"-c\"]},\"created\":\"2024-01-02T03:04:05.12Z\",\"history\":[{\"created\":\"1970-01-01T00:00:00Z\",\"created_by\":\"RUN /bin/sh -c true # buildkit\",\"comment\":\"buildkit.dockerfile.v0\"},{\"created\":\"2024-01-02T03:04:05.12Z\",\"created_by\":\"CMD [\\\"nginx\\\"]\",\"comment\":\"buildkit.dockerfile.v0\",\"empty_layer\":true}],\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef\"]},\"variant\":\"v7\"}";

const EMPTY_GOLDEN =
  '{"architecture":"amd64","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"WorkingDir":"/"},"created":null,"history":null,"os":"linux","rootfs":{"type":"layers","diff_ids":null}}';

const RICH: ImageConfig = {
  architecture: 'arm',
  os: 'linux',
  variant: 'v7',
  created: '2024-01-02T03:04:05.120Z',
  author: 'Ann <ann@example.com>',
  config: {
    User: 'app',
    ExposedPorts: { '80/tcp': {}, '443/tcp': {}, '53/udp': {} },
    Env: [
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'MSG=<b>Tom & Jerry</b>',
      'Q="quoted"\\',
      'U=\u2028x\u00e9\u{1F433}',
      'C=\x01\b\f\n\r\t\x7f',
    ],
    Entrypoint: ['/docker-entrypoint.sh'],
    Cmd: ['nginx', '-g', 'daemon off;'],
    Volumes: { '/data': {}, '/b': {} },
    WorkingDir: '/app',
    Labels: { b: '2', a: '1', '10': 'x', '9': 'y', 'é': 'z', Z: 'upper' },
    StopSignal: 'SIGQUIT',
    ArgsEscaped: true,
    Healthcheck: { Test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], Interval: 30e9, Timeout: 3e9, Retries: 3 },
    OnBuild: ['RUN echo hi'],
    Shell: ['/bin/bash', '-c'],
  },
  rootfs: { type: 'layers', diff_ids: [EMPTY_TAR] },
  history: [
    { created: '1970-01-01T00:00:00.000Z', created_by: 'RUN /bin/sh -c true # buildkit', comment: 'buildkit.dockerfile.v0' },
    { created: '2024-01-02T03:04:05.12Z', created_by: 'CMD ["nginx"]', comment: 'buildkit.dockerfile.v0', empty_layer: true },
  ],
};

describe('serializeImageConfig', () => {
  it('matches Go for a config with HTML characters, maps, a healthcheck and history', () => {
    expect(serializeImageConfig(RICH)).toBe(RICH_GOLDEN);
  });

  it('matches Go for FROM scratch (nil created, history and diff_ids)', () => {
    const { history: _history, ...scratch } = emptyConfig({ architecture: 'amd64', os: 'linux' });
    expect(serializeImageConfig(scratch)).toBe(EMPTY_GOLDEN);
    expect(serializeImageConfig(emptyConfig({ architecture: 'amd64', os: 'linux' }))).toBe(EMPTY_GOLDEN);
  });

  it('writes an empty healthcheck as {} (a non-nil pointer) and omits empty fields', () => {
    const base = { architecture: 'arm64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: [] } } as const;
    expect(serializeImageConfig(updateConfig(base, { Healthcheck: {} }))).toBe(
      '{"architecture":"arm64","config":{"Healthcheck":{}},"created":null,"history":null,"os":"linux","rootfs":{"type":"layers","diff_ids":null}}',
    );
    const emptied = updateConfig(base, { Env: [], Labels: {}, User: '', ArgsEscaped: false, ExposedPorts: {} });
    expect(serializeImageConfig(emptied)).toContain('"config":{}');
  });

  it('does not depend on the key order of the input objects', () => {
    const shuffled: ImageConfig = { ...RICH, config: { ...RICH.config, Labels: { Z: 'upper', 'é': 'z', '9': 'y', '10': 'x', a: '1', b: '2' } } };
    expect(serializeImageConfig(shuffled)).toBe(RICH_GOLDEN);
  });
});

describe('imageIdOf', () => {
  it('is the sha256 of the exact config bytes', async () => {
    const json = serializeImageConfig(RICH);
    const expected = `sha256:${createHash('sha256').update(json, 'utf8').digest('hex')}`;
    expect(await imageIdOf(json)).toBe(expected);
    expect(await imageIdOf(new TextEncoder().encode(json))).toBe(expected);
    const encoded = await encodeImageConfig(RICH);
    expect(encoded.id).toBe(expected);
    expect(encoded.size).toBe(Buffer.byteLength(json));
  });

  it('is stable for FROM scratch', async () => {
    const id = await imageIdOf(EMPTY_GOLDEN);
    expect(id).toBe(`sha256:${createHash('sha256').update(EMPTY_GOLDEN).digest('hex')}`);
  });
});
