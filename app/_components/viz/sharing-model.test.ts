import { describe, expect, it } from 'vitest';
import type { SharingReport } from '@/lib/engine';
import { exportFileName, toJsonText } from './export-json';
import { imageName, matrixLayers, sharingFormulas } from './sharing-model';
import { digest } from './test-fixtures';

const MB = 1_000_000;
/** Material 3.1: "Without sharing: 117 MB / With sharing: 86 MB". */
const report: SharingReport = {
  images: [
    { id: digest(1), tags: ['app1:latest'], size: 81 * MB, layers: [digest(10), digest(11), digest(12)], sharedBytes: 80 * MB, uniqueBytes: 1 * MB },
    { id: digest(2), tags: [], size: 36 * MB, layers: [digest(10), digest(13)], sharedBytes: 50 * MB, uniqueBytes: 5 * MB },
  ],
  layers: [
    { diffId: digest(10), size: 50 * MB, images: [digest(1), digest(2)] },
    { diffId: digest(11), size: 30 * MB, images: [digest(1)] },
    { diffId: digest(13), size: 5 * MB, images: [digest(2)] },
    { diffId: digest(12), size: 1 * MB, images: [digest(1)] },
  ],
  withoutSharing: 117 * MB,
  withSharing: 86 * MB,
  savedBytes: 31 * MB,
  sharedLayerBytes: 50 * MB,
};

describe('storage sharing', () => {
  it('writes the sums the way the material does', () => {
    expect(sharingFormulas(report)).toEqual({ without: '81MB + 36MB = 117MB', with: '50MB + 30MB + 5MB + 1MB = 86MB' });
  });
  it('elides long sums and names untagged images by short ID', () => {
    const many = { ...report, layers: Array.from({ length: 11 }, (_, i) => ({ diffId: digest(i), size: MB, images: [] })), withSharing: 11 * MB };
    expect(sharingFormulas(many).with).toBe('1MB + 1MB + 1MB + 1MB + 1MB + 1MB + 1MB + 1MB + … (3 more) = 11MB');
    expect(imageName(report.images[1]!)).toBe('000000000000');
    expect(imageName(report.images[0]!)).toBe('app1:latest');
    expect(matrixLayers(report, 2)).toEqual({ rows: report.layers.slice(0, 2), hidden: 2 });
  });
});

describe('export JSON', () => {
  it('names the file after the image and the view', () => {
    expect(exportFileName('myapp:latest', 'layers')).toBe('myapp-latest.layers.json');
    expect(exportFileName('registry.company.com/team/app:1.0', 'files')).toBe('registry.company.com-team-app-1.0.files.json');
    expect(exportFileName(`sha256:${'a'.repeat(64)}`, 'history')).toBe(`${'a'.repeat(64)}.history.json`);
    expect(exportFileName('', 'sharing')).toBe('layerlab.sharing.json');
  });
  it('pretty-prints the data exactly as given', () => {
    expect(toJsonText({ a: [1, { b: 'c' }] })).toBe('{\n  "a": [\n    1,\n    {\n      "b": "c"\n    }\n  ]\n}\n');
    expect(JSON.parse(toJsonText(report))).toEqual(report);
  });
});
