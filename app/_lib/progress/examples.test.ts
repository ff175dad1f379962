import { describe, expect, it } from 'vitest';
import { lessonProgress, PROGRESS_KEY, readProgress, recordBuiltExample, type KeyValueStorage } from './examples';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('progress', () => {
  it('starts empty and records each built example once', () => {
    const store = memoryStorage();
    expect(readProgress(store)).toEqual({ builtExamples: [] });
    recordBuiltExample('layer-concept', store);
    recordBuiltExample('multi-stage-go', store);
    recordBuiltExample('layer-concept', store);
    expect(readProgress(store).builtExamples).toEqual(['layer-concept', 'multi-stage-go']);
    expect(JSON.parse(store.data.get(PROGRESS_KEY) ?? '')).toEqual({ builtExamples: ['layer-concept', 'multi-stage-go'] });
  });

  it('ignores damaged data instead of failing the page', () => {
    expect(readProgress(memoryStorage({ [PROGRESS_KEY]: '{not json' }))).toEqual({ builtExamples: [] });
    expect(readProgress(memoryStorage({ [PROGRESS_KEY]: '{"builtExamples":[1,"a"]}' }))).toEqual({ builtExamples: ['a'] });
  });

  it('counts a lesson’s examples that were built', () => {
    expect(lessonProgress(['a', 'b', 'c'], { builtExamples: ['b', 'x'] })).toEqual({ built: 1, total: 3 });
  });
});
