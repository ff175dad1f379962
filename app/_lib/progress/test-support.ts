// Test helpers for progress: a fresh fake IndexedDB and a Map-backed localStorage per test.
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { closeProgressStore } from './store';
import type { Attempt } from './types';

export async function freshProgress(local: Record<string, string> = {}): Promise<Map<string, string>> {
  await closeProgressStore();
  globalThis.indexedDB = new IDBFactory();
  const data = new Map(Object.entries(local));
  (globalThis as { localStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> }).localStorage = {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
  return data;
}

export function attempt(overrides: Partial<Attempt> = {}): Omit<Attempt, 'at'> & { at?: number } {
  return {
    exerciseId: '3.1/fill-1',
    lesson: '3.1',
    kind: 'fill-in',
    response: 'layers',
    score: 1,
    max: 1,
    passed: true,
    feedback: ['Correct.'],
    hintsShown: 0,
    mode: 'practice',
    ...overrides,
  };
}
