import { createMemoryFs } from '@/lib/shell';
import { describe, expect, it } from 'vitest';
import { parseGoCatalog } from '../go/go-catalog';
import { CatalogError } from './catalog-loader';
import { createPackageCommands } from './create-package-commands';
import { bandwidthFor, simulatedCost } from './simulated-cost';
import { bulkFiles, REAL_BYTES_LIMIT, writePackageFiles, writeSyntheticFile } from './write-files';
import { recordingFs } from './test-helpers';

describe('packages/shared', () => {
  it('charges downloads over the bandwidth and work in seconds; env overrides the default', () => {
    let charged = 0;
    const cost = simulatedCost({ env: {}, addSimulatedSeconds: (s) => (charged += s) }, 10e6);
    cost.download(50e6);
    cost.work(2);
    expect(charged).toBe(7);
    expect(cost.total).toBe(7);
    expect(bandwidthFor({ LAYERLAB_BANDWIDTH: '1000' })).toBe(1000);
    expect(bandwidthFor({ LAYERLAB_BANDWIDTH: 'fast' }, 5)).toBe(5);
  });

  it('writes synthetic bulk through writeSynthetic, real bytes only when small', async () => {
    const { fs, synthetic } = recordingFs({});
    const bytes = await writePackageFiles(fs, [{ path: '/opt/p/VERSION', text: '1.0\n' }, ...bulkFiles('/opt/p/lib', 3, 100, '.so')], 'pkg:p@1');
    expect(bytes).toBe(104);
    expect([...synthetic.values()].map((s) => s.size)).toEqual([33, 33, 34]);
    expect(synthetic.get('/opt/p/lib/file-0.so')?.seed).toBe('pkg:p@1|/opt/p/lib/file-0.so');
    const plain = createMemoryFs({});
    await writeSyntheticFile(plain, '/a/b', 10, 'x');
    expect((await plain.stat('/a/b')).size).toBe(10);
    await expect(writeSyntheticFile(plain, '/a/big', REAL_BYTES_LIMIT + 1, 'x')).rejects.toThrow(/real bytes only/);
  });

  it('reports catalog mistakes with the file and JSON path', () => {
    const broken = { source: 's', go: { version: '1', goroot: '/usr/local/go', stdlib: {}, stripRatio: 0.7, cacheBytesPerBinaryByte: 2 }, modules: { 'github.com/a/b': { versions: ['v1.0.0'], zipBytes: 'big' } } };
    let error: unknown;
    try {
      parseGoCatalog(broken);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogError);
    expect((error as CatalogError).problems).toContain('content/catalog/go/modules.json: modules["github.com/a/b"].zipBytes: expected number, received string');
  });

  it('merges every ecosystem into one table', () => {
    const names = Object.keys(createPackageCommands()).sort();
    expect(names).toEqual(expect.arrayContaining(['addgroup', 'adduser', 'curl', 'go', 'groupadd', 'make', 'unzip', 'useradd', 'wget']));
  });
});
