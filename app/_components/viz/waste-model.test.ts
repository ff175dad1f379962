import { describe, expect, it } from 'vitest';
import { cacheFindingText, cacheNote, causeText, wasteReason } from './waste-model';
import { layerConceptAnalysis } from './test-fixtures';

const { efficiency } = layerConceptAnalysis();
const [deleted, overwritten] = efficiency.wasted;

describe('why bytes are wasted', () => {
  it('tells a deleted path where it was written and deleted, counting layers from 1', () => {
    expect(wasteReason(deleted!)).toBe('written in layer 4, deleted in layer 5: the earlier copy still ships in the image');
  });
  it('tells an overwritten path where the final copy comes from', () => {
    expect(wasteReason(overwritten!)).toBe('overwritten in layer 4 (earlier in layer 2): only the last copy is used');
    const again = { ...overwritten!, reason: { kind: 'overwritten' as const, writtenIn: [0, 2], deletedIn: [1], finalLayer: 2 } };
    expect(wasteReason(again)).toBe('overwritten in layer 3 (earlier in layer 1), deleted in layer 2 and written again: only the last copy is used');
  });
  it('names the cache a path lies in', () => {
    expect(cacheNote({ ...deleted!, cache: 'pip-cache' }, efficiency.cacheLeftBehind)).toBe('cache left behind: pip download cache');
    expect(cacheNote({ ...deleted!, cache: 'apt-lists' }, efficiency.cacheLeftBehind)).toBe('cache left behind: apt lists');
    expect(cacheNote(deleted!, efficiency.cacheLeftBehind)).toBeNull();
  });
  it('sums reclaimable bytes per cause and describes caches left behind', () => {
    expect(causeText(efficiency.causes[0]!)).toBe('layer 5 deleted 1 path that earlier layers added: 2MB still shipped');
    expect(cacheFindingText(efficiency.cacheLeftBehind[0]!)).toBe('pip download cache in /root/.cache/pip: 9.1MB (14 files) written by layer 4');
  });
});
