import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hintsShown, listAttempts, listBuiltExamples, recordAttempt, recordHintShown, resetProgress, subscribeProgress } from './attempts';
import { PROGRESS_KEY } from './examples';
import { attempt, freshProgress } from './test-support';
import { exportProgress, importProgress, parseProgressFile, progressFileName } from './transfer';

beforeEach(async () => {
  await freshProgress({ [PROGRESS_KEY]: JSON.stringify({ builtExamples: ['layer-concept'] }) });
});

async function seed(): Promise<string> {
  await recordAttempt(attempt({ response: 'layers', feedback: ['Correct.'] }));
  await recordAttempt(attempt({ exerciseId: '3.1/interview-1', kind: 'open', response: 'Layers are cached…', selfRating: 'good' }));
  await recordHintShown('3.1/fill-2', 2);
  return JSON.stringify(await exportProgress(new Date('2026-01-10T09:00:00Z')));
}

describe('export and import', () => {
  it('exports a versioned file with attempts, hints and examples', async () => {
    const file = JSON.parse(await seed());
    expect(file).toMatchObject({ format: 'layerlab-progress', version: 1, exportedAt: '2026-01-10T09:00:00.000Z', examples: ['layer-concept'] });
    expect(file.attempts).toHaveLength(2);
    expect(file.attempts[1]).toMatchObject({ exerciseId: '3.1/interview-1', selfRating: 'good' });
    expect(file.hints).toEqual([{ exerciseId: '3.1/fill-2', hintsShown: 2 }]);
    expect(progressFileName(new Date('2026-01-10T09:00:00Z'))).toBe('layerlab-progress-2026-01-10.json');
  });

  it('restores everything after a reset, and importing twice adds nothing', async () => {
    const file = await seed();
    const before = await listAttempts();
    await resetProgress();
    expect(await listAttempts()).toEqual([]);

    expect(await importProgress(file)).toEqual({ attempts: 2, hints: 1, examples: 1 });
    expect(await listAttempts()).toEqual(before);
    expect(await hintsShown('3.1/fill-2')).toBe(2);
    expect(await listBuiltExamples()).toEqual(['layer-concept']);

    const heard = vi.fn();
    const stop = subscribeProgress(heard);
    expect(await importProgress(file)).toEqual({ attempts: 0, hints: 0, examples: 0 });
    stop();
    expect(heard).not.toHaveBeenCalled();
    expect(await listAttempts()).toHaveLength(2);
  });

  it('merges with what is there: keeps both sides, hints by the larger count', async () => {
    const file = await seed();
    await resetProgress();
    await recordAttempt(attempt({ exerciseId: '3.1/tf-1', kind: 'true-false', response: 'false' }));
    await recordHintShown('3.1/fill-2', 3);
    await importProgress(file);
    expect((await listAttempts()).map((a) => a.exerciseId).sort()).toEqual(['3.1/fill-1', '3.1/interview-1', '3.1/tf-1']);
    expect(await hintsShown('3.1/fill-2')).toBe(3);
  });

  it.each([
    ['not JSON', '{oops', /not JSON/],
    ['another kind of file', JSON.stringify({ format: 'something-else' }), /not a Layerlab progress export/],
    ['a newer version', JSON.stringify({ format: 'layerlab-progress', version: 2 }), /newer Layerlab \(progress format version 2/],
    [
      'a damaged attempt',
      JSON.stringify({
        format: 'layerlab-progress',
        version: 1,
        exportedAt: 'x',
        attempts: [{ ...attempt(), at: 1 }, { ...attempt(), at: 2, score: 'high' }],
        hints: [],
        examples: [],
      }),
      /damaged: attempts\[1\]\.score: .*expected number/i,
    ],
    ['unknown fields', JSON.stringify({ format: 'layerlab-progress', version: 1, exportedAt: 'x', attempts: [], hints: [], examples: [], script: 1 }), /damaged: .*script/],
  ])('refuses %s with the reason and changes nothing', async (_name, text, reason) => {
    await seed();
    const before = await listAttempts();
    await expect(importProgress(text)).rejects.toThrow(reason);
    expect(() => parseProgressFile(text)).toThrow(reason);
    expect(await listAttempts()).toEqual(before);
  });

  it('writes nothing of a file when the disk fills part way', async () => {
    const file = await seed();
    await resetProgress();
    const add = IDBObjectStore.prototype.add;
    let calls = 0;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return add.apply(this, args);
    });
    await expect(importProgress(file)).rejects.toMatchObject({ code: 'quota' });
    spy.mockRestore();
    expect(await listAttempts()).toEqual([]);
  });
});
