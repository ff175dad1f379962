import { describe, expect, it } from 'vitest';
import { penaltyText, QUIZ_MODE_KEY, readQuizMode, writeQuizMode } from './quiz-mode';

function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
    clear: () => values.clear(),
    key: () => null,
    get length() {
      return values.size;
    },
  };
}

describe('quiz mode', () => {
  it('is practice until the learner chooses test, and is kept', () => {
    const storage = memoryStorage();
    expect(readQuizMode(storage)).toBe('practice');
    writeQuizMode('test', storage);
    expect(storage.getItem(QUIZ_MODE_KEY)).toBe('test');
    expect(readQuizMode(storage)).toBe('test');
    writeQuizMode('practice', storage);
    expect(readQuizMode(storage)).toBe('practice');
  });

  it('reads anything unexpected, or storage that throws, as practice', () => {
    const storage = memoryStorage();
    storage.setItem(QUIZ_MODE_KEY, 'exam');
    expect(readQuizMode(storage)).toBe('practice');
    const refusing = { getItem: () => { throw new Error('denied'); } };
    expect(readQuizMode(refusing)).toBe('practice');
  });

  it('says what a retry costs', () => {
    expect(penaltyText(0.1)).toBe('each retry costs 10% of the points');
    expect(penaltyText(0.25)).toBe('each retry costs 25% of the points');
  });
});
