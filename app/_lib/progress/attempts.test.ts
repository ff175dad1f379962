import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  exerciseStatus,
  hintsShown,
  listAttempts,
  listBuiltExamples,
  progressErrorMessage,
  progressStorageKind,
  rateAttempt,
  recordAttempt,
  recordHintShown,
  resetProgress,
  scoreWithPenalty,
  subscribeProgress,
} from './attempts';
import { PROGRESS_KEY } from './examples';
import { PROGRESS_CHANNEL } from './notify';
import { closeProgressStore } from './store';
import { attempt, freshProgress } from './test-support';

beforeEach(async () => {
  await freshProgress();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-10T09:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('attempts', () => {
  it('keeps every attempt with its feedback, across a reopen, oldest first', async () => {
    await recordAttempt(attempt({ passed: false, score: 0, response: 'files', feedback: ['Not quite: think of layers.'] }));
    vi.setSystemTime(new Date('2026-01-10T09:01:00Z'));
    const second = await recordAttempt(attempt({ response: 'layers' }));
    await recordAttempt(attempt({ exerciseId: '3.1/tf-1', kind: 'true-false', response: 'true' }));
    expect(second.at).toBe(Date.parse('2026-01-10T09:01:00Z'));

    await closeProgressStore(); // as after a reload
    const all = await listAttempts();
    expect(all.map((a) => [a.exerciseId, a.response])).toEqual([
      ['3.1/fill-1', 'files'],
      ['3.1/fill-1', 'layers'],
      ['3.1/tf-1', 'true'],
    ]);
    expect(all[0]?.feedback).toEqual(['Not quite: think of layers.']);
    expect((await listAttempts('3.1/fill-1')).map((a) => a.response)).toEqual(['files', 'layers']);
    expect(await progressStorageKind()).toBe('indexeddb');
  });

  it('keeps two attempts made in the same millisecond', async () => {
    const a = await recordAttempt(attempt({ response: 'one' }));
    const b = await recordAttempt(attempt({ response: 'two' }));
    expect(b.at).toBe(a.at + 1);
    expect((await listAttempts()).map((x) => x.response)).toEqual(['one', 'two']);
  });

  it('refuses a malformed attempt and stores nothing', async () => {
    await expect(recordAttempt(attempt({ exerciseId: '' }))).rejects.toThrow(/exerciseId is empty/);
    await expect(recordAttempt(attempt({ score: Number.NaN }))).rejects.toThrow(/numbers/);
    expect(await listAttempts()).toEqual([]);
  });

  it('summarizes an exercise: attempts, best score, passed', async () => {
    expect(await exerciseStatus('3.1/mc-1')).toBeNull();
    await recordAttempt(attempt({ exerciseId: '3.1/mc-1', kind: 'choice', score: 0.5, max: 1, passed: false }));
    await recordAttempt(attempt({ exerciseId: '3.1/mc-1', kind: 'choice', score: 0, max: 1, passed: false }));
    expect(await exerciseStatus('3.1/mc-1')).toEqual({ attempts: 2, best: 0.5, max: 1, passed: false });
    await recordAttempt(attempt({ exerciseId: '3.1/mc-1', kind: 'choice', score: 1, max: 1, passed: true }));
    expect(await exerciseStatus('3.1/mc-1')).toEqual({ attempts: 3, best: 1, max: 1, passed: true });
  });

  it('stores the self-rating on the latest answer of an open question', async () => {
    await expect(rateAttempt('3.1/interview-1', 'good')).rejects.toThrow('No answer to 3.1/interview-1 to rate yet.');
    await recordAttempt(attempt({ exerciseId: '3.1/interview-1', kind: 'open', response: 'first' }));
    vi.setSystemTime(Date.now() + 1000);
    await recordAttempt(attempt({ exerciseId: '3.1/interview-1', kind: 'open', response: 'second' }));
    await rateAttempt('3.1/interview-1', 'hard');
    const list = await listAttempts('3.1/interview-1');
    expect(list.map((a) => a.selfRating)).toEqual([undefined, 'hard']);
  });

  it('counts revealed hints, never going down', async () => {
    expect(await hintsShown('3.1/fill-2')).toBe(0);
    await recordHintShown('3.1/fill-2', 1);
    await recordHintShown('3.1/fill-2', 2);
    await recordHintShown('3.1/fill-2', 1);
    expect(await hintsShown('3.1/fill-2')).toBe(2);
    expect(await hintsShown('3.1/fill-3')).toBe(0);
  });

  it('reports a full disk clearly and loses nothing stored before', async () => {
    await recordAttempt(attempt({ response: 'kept' }));
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const failure = recordAttempt(attempt({ exerciseId: '3.1/tf-2', response: 'lost' }));
    await expect(failure).rejects.toMatchObject({ code: 'quota' });
    const error = await failure.catch((e: unknown) => e);
    expect(progressErrorMessage(error)).toMatch(/storage for this site is full.*Everything saved before is still there/);
    expect((await listAttempts()).map((a) => a.response)).toEqual(['kept']);
  });

  it('falls back to memory when IndexedDB is unavailable', async () => {
    await closeProgressStore();
    const saved = globalThis.indexedDB;
    // @ts-expect-error: a browser without IndexedDB
    delete globalThis.indexedDB;
    vi.spyOn(console, 'info').mockImplementation(() => {});
    try {
      expect(await progressStorageKind()).toBe('memory');
      await recordAttempt(attempt());
      expect(await listAttempts()).toHaveLength(1);
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  it('takes over the examples built before (localStorage) and keeps reading new ones', async () => {
    const local = await freshProgress({ [PROGRESS_KEY]: JSON.stringify({ builtExamples: ['layer-concept'] }) });
    expect(await listBuiltExamples()).toEqual(['layer-concept']);
    // The localStorage copy stays readable; a build recorded there later shows up too.
    expect(local.get(PROGRESS_KEY)).toContain('layer-concept');
    local.set(PROGRESS_KEY, JSON.stringify({ builtExamples: ['layer-concept', 'multi-stage-go'] }));
    expect(await listBuiltExamples()).toEqual(['layer-concept', 'multi-stage-go']);
    // Migrated: the store has them even if localStorage is lost.
    local.clear();
    await closeProgressStore();
    expect(await listBuiltExamples()).toEqual(['layer-concept', 'multi-stage-go']);
  });

  it('resets everything, the localStorage copy included', async () => {
    const local = await freshProgress({ [PROGRESS_KEY]: JSON.stringify({ builtExamples: ['layer-concept'] }) });
    await recordAttempt(attempt());
    await recordHintShown('3.1/fill-1', 1);
    await resetProgress();
    expect(await listAttempts()).toEqual([]);
    expect(await hintsShown('3.1/fill-1')).toBe(0);
    expect(await listBuiltExamples()).toEqual([]);
    expect(local.has(PROGRESS_KEY)).toBe(false);
  });
});

describe('change notifications', () => {
  it('tells this tab’s listeners and other tabs, and hears other tabs', async () => {
    const heard = vi.fn();
    const stop = subscribeProgress(heard);
    const otherTab = new BroadcastChannel(PROGRESS_CHANNEL);
    const received = new Promise<unknown>((resolve) => otherTab.addEventListener('message', (e) => resolve(e.data), { once: true }));
    try {
      await recordAttempt(attempt());
      expect(heard).toHaveBeenCalledTimes(1);
      expect(await received).toEqual({ kind: 'changed' });
      otherTab.postMessage({ kind: 'changed' });
      await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(2));
    } finally {
      stop();
      otherTab.close();
    }
    await recordHintShown('x/y', 1);
    expect(heard).toHaveBeenCalledTimes(2);
  });
});

describe('scoreWithPenalty', () => {
  it('is free in practice mode and costs 0.1 of max per retry in test mode, never below 0', () => {
    expect(scoreWithPenalty(1, 1, 3, 'practice')).toBe(1);
    expect(scoreWithPenalty(1, 1, 0, 'test')).toBe(1);
    expect(scoreWithPenalty(1, 1, 1, 'test')).toBe(0.9);
    expect(scoreWithPenalty(4, 5, 2, 'test')).toBe(3);
    expect(scoreWithPenalty(0.2, 1, 3, 'test')).toBe(0);
    expect(scoreWithPenalty(1, 1, 1, 'test', 1 / 3)).toBeCloseTo(0.6667, 4);
  });
});

