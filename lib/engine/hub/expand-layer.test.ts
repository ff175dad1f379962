import { describe, expect, it } from 'vitest';
import { expandHubLayer, hubLayerSize } from './expand-layer';
import { hubLayerSchema } from './hub-schema';
import type { HubLayerRef } from './resolve-hub-image';

function layerRef(entries: unknown[], key = 'docker.io/library/demo:1#0', packagesBelow: Record<string, string[]> = {}): HubLayerRef {
  const def = hubLayerSchema.parse({ entries });
  return { key, repository: 'docker.io/library/demo', tag: '1', index: 0, createdBy: 'RUN demo', created: '2024-01-01T00:00:00Z', def, packagesBelow };
}

describe('expandHubLayer', () => {
  const layer = layerRef([
    { file: '/etc/os-release', lines: ['ID=demo'] },
    { symlink: '/bin/sh', target: '/bin/busybox' },
    { file: '/bin/busybox', size: 1000 },
    { hardlink: '/bin/ls', target: '/bin/busybox' },
    { bulk: '/usr/lib/demo', files: 130, bytes: 123_457, ext: '.so' },
    { dir: '/tmp', mode: '1777' },
  ]);

  it('is deterministic', () => {
    expect(expandHubLayer(layer, 'linux/amd64')).toEqual(expandHubLayer(layerRef(layer.def.entries.map(toShorthand)), 'linux/amd64'));
  });

  it('emits parents before children, once, with explicit modes kept', () => {
    const entries = expandHubLayer(layer, 'linux/amd64');
    const paths = entries.map((e) => e.path);
    expect(paths.slice(0, 2)).toEqual(['/etc', '/etc/os-release']);
    expect(new Set(paths).size).toBe(paths.length);
    expect(entries.find((e) => e.path === '/tmp')).toMatchObject({ type: 'dir', mode: 0o1777 });
    expect(entries.find((e) => e.path === '/bin/busybox')).toMatchObject({ mode: 0o755, size: 1000 });
    expect(entries.find((e) => e.path === '/etc/os-release')).toMatchObject({ mode: 0o644, size: 8, content: { kind: 'text', text: 'ID=demo\n' } });
  });

  it('spreads a bulk entry over subdirectories, summing exactly', () => {
    const files = expandHubLayer(layer, 'linux/amd64').filter((e) => e.type === 'file' && e.path.startsWith('/usr/lib/demo/'));
    expect(files).toHaveLength(130);
    expect(files.reduce((n, f) => n + (f.type === 'file' ? f.size : 0), 0)).toBe(123_457);
    expect(files[0]?.path).toBe('/usr/lib/demo/d0/f00.so');
    expect(files[129]?.path).toBe('/usr/lib/demo/d2/f01.so');
  });

  it('gives the first bulk files their real names, directly in the directory', () => {
    const bin = layerRef([{ bulk: '/usr/bin', files: 70, bytes: 7_000, mode: '0755', names: ['mkdir', 'cp'] }]);
    const files = expandHubLayer(bin, 'linux/amd64').filter((e) => e.type === 'file');
    expect(files.slice(0, 2).map((f) => [f.path, f.mode])).toEqual([['/usr/bin/mkdir', 0o755], ['/usr/bin/cp', 0o755]]);
    expect(files[2]?.path).toBe('/usr/bin/d0/f00');
    expect(files.reduce((n, f) => n + (f.type === 'file' ? f.size : 0), 0)).toBe(7_000);
    expect(() => layerRef([{ bulk: '/usr/bin', files: 1, bytes: 10, names: ['a', 'b'] }])).toThrow(/cannot list more names/);
  });

  it('counts regular files only in the layer size, as Docker does', () => {
    expect(hubLayerSize(expandHubLayer(layer, 'linux/amd64'))).toBe(8 + 1000 + 123_457);
  });

  it('seeds synthetic content by layer, platform and path', () => {
    const seedOf = (ref: HubLayerRef, platform: string): string => {
      const file = expandHubLayer(ref, platform).find((e) => e.path === '/bin/busybox');
      return file?.type === 'file' && file.content.kind === 'synthetic' ? file.content.seed : '';
    };
    expect(seedOf(layer, 'linux/amd64')).toBe('docker.io/library/demo:1#0|linux/amd64|/bin/busybox');
    expect(seedOf(layer, 'linux/arm64/v8')).not.toBe(seedOf(layer, 'linux/amd64'));
    expect(seedOf(layerRef(layer.def.entries.map(toShorthand), 'docker.io/library/other:1#0'), 'linux/amd64')).not.toBe(seedOf(layer, 'linux/amd64'));
  });

  it('writes package databases on top of the lists below', () => {
    const dpkg = layerRef([{ packages: '/var/lib/dpkg/status', format: 'dpkg', list: ['curl=7.88.1', 'bash=5.2.16'] }], 'k#1', { '/var/lib/dpkg/status': ['bash=5.2.15', 'apt=2.6.1'] });
    const file = expandHubLayer(dpkg, 'linux/arm64/v8').find((e) => e.path === '/var/lib/dpkg/status');
    const text = file?.type === 'file' && file.content.kind === 'text' ? file.content.text : '';
    expect(text.match(/^Package: .*$/gm)).toEqual(['Package: apt', 'Package: bash', 'Package: curl']);
    expect(text).toContain('Version: 5.2.16');
    expect(text).toContain('Architecture: arm64');
    const apk = layerRef([{ packages: '/lib/apk/db/installed', format: 'apk', list: ['musl=1.2.4-r2'] }]);
    const apkFile = expandHubLayer(apk, 'linux/amd64').find((e) => e.path === '/lib/apk/db/installed');
    expect(apkFile?.type === 'file' && apkFile.content.kind === 'text' ? apkFile.content.text : '').toBe('P:musl\nV:1.2.4-r2\nA:x86_64\n');
  });
});

/** Back from the parsed form to the data's shorthand, to re-parse a layer. */
function toShorthand(entry: HubLayerRef['def']['entries'][number]): Record<string, unknown> {
  const { kind, path, ...rest } = entry;
  return { [kind]: path, ...rest };
}
