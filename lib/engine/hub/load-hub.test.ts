import { describe, expect, it } from 'vitest';
import { isEngineError } from '../errors';
import { createHub } from './create-hub';
import { isHubDataError, type HubDataError } from './hub-data-error';
import { loadHubCatalog, type HubSourceFile } from './load-hub';

const TAG = {
  created: '2024-01-01T00:00:00Z',
  platforms: ['linux/amd64', 'linux/arm64/v8'],
  config: { Env: ['PATH=/usr/bin:/bin'], Cmd: ['sh'] },
  history: [{ created: '2024-01-01T00:00:00Z', createdBy: 'ADD rootfs' }],
  layers: [{ entries: [{ file: '/etc/demo-release', text: '1\n' }, { bulk: '/usr/lib', files: 3, bytes: 300 }] }],
  size: { bytes: 302, reported: '302B', source: 'test' },
  installed: { shell: null, bash: false, packageManager: null, libc: null, runtimes: {}, compilers: {}, commands: [], caCertificates: false },
};
const demo = (tags: Record<string, unknown>): HubSourceFile => ({ path: 'content/hub/library/demo.json', text: JSON.stringify({ repository: 'docker.io/library/demo', description: 'Demo.', tags }) });

function loadError(files: HubSourceFile[]): HubDataError {
  try {
    loadHubCatalog(files);
  } catch (error) {
    if (isHubDataError(error)) return error;
    throw error;
  }
  throw new Error('expected a HubDataError');
}

describe('loadHubCatalog', () => {
  it('names the file and the JSON path of a bad value', () => {
    const bad = structuredClone(TAG);
    (bad.layers[0]!.entries[1] as Record<string, unknown>).bytes = 'many';
    const error = loadError([demo({ '3.9-slim': bad })]);
    expect(error.code).toBe('invalid');
    expect(error.message).toBe('content/hub/library/demo.json: tags["3.9-slim"].layers[0].entries[1].bytes: expected number, received string');
  });

  it('reports unknown keys, entries of no kind, and layer/history mismatches', () => {
    const bad = { ...structuredClone(TAG), layers: [{ entries: [{ fil: '/x' }] }, { entries: [] }], extra: 1 };
    const error = loadError([demo({ latest: bad })]);
    expect(error.problems).toContain('content/hub/library/demo.json: tags.latest: Unrecognized key: "extra"');
    expect(error.problems.some((p) => p.startsWith('content/hub/library/demo.json: tags.latest.layers[0].entries[0]: expected exactly one of'))).toBe(true);
  });

  it('rejects invalid JSON, a name that does not match the path, and duplicate tags', () => {
    expect(loadError([{ path: 'content/hub/library/demo.json', text: '{' }]).code).toBe('syntax');
    expect(loadError([{ ...demo({ latest: TAG }), path: 'content/hub/library/other.json' }]).message).toContain('expected "docker.io/library/other"');
    expect(loadError([demo({ latest: TAG, '1': { ...TAG, aliases: ['latest'] } })]).code).toBe('duplicate-tag');
  });

  it('checks that bases exist and do not loop', () => {
    expect(loadError([demo({ latest: { ...TAG, from: 'demo:nope' } })]).code).toBe('unknown-base');
    expect(loadError([demo({ a: { ...TAG, from: 'demo:b' }, b: { ...TAG, from: 'demo:a' } })]).code).toBe('base-cycle');
  });
});

describe('createHub', () => {
  const hub = createHub({ files: [demo({ latest: { ...TAG, aliases: ['1'] }, child: { ...TAG, from: 'demo:1', history: [{ created: TAG.created, createdBy: 'CMD', emptyLayer: true }], layers: [] } })] });

  it('resolves like docker pull, with Docker\'s errors', () => {
    expect(hub.resolve('demo').tag).toBe('latest');
    expect(hub.resolve('docker.io/library/demo:1').tag).toBe('latest');
    expect(hub.resolve('demo:child').layers[0]?.key).toBe('docker.io/library/demo:latest#0');
    expect(() => hub.resolve('nosuch')).toThrow("pull access denied for nosuch, repository does not exist or may require 'docker login'");
    expect(() => hub.resolve('demo:9')).toThrow('manifest for demo:9 not found: manifest unknown: manifest unknown');
    expect(() => hub.resolve('Demo')).toThrow(/invalid reference format/);
  });

  it('matches platforms as Docker does', () => {
    const image = hub.resolve('demo');
    expect(hub.platformFor(image, 'linux/arm64')).toBe('linux/arm64/v8');
    try {
      hub.platformFor(image, 'linux/s390x');
    } catch (error) {
      expect(isEngineError(error, 'no-such-image')).toBe(true);
    }
  });

  it('builds change sets with layer paths and Docker\'s layer size', () => {
    const layer = hub.resolve('demo').layers[0]!;
    const changeSet = hub.layerChangeSet(layer, 'linux/amd64');
    expect(changeSet.entries.map((e) => e.path).slice(0, 3)).toEqual(['etc', 'etc/demo-release', 'usr']);
    expect(hub.layerSize(layer, 'linux/amd64')).toBe(302);
    expect(hub.imageSize(hub.resolve('demo:child'), 'linux/amd64')).toBe(302);
  });
});
