import { describe, expect, it } from 'vitest';
import type { Exercise } from '@/lib/content';
import { answerKey } from './answer-key';

const base = { lesson: '3.1', title: 't', prompt: 'p', hints: [], explanation: 'e' };

describe('answerKey', () => {
  it('lists what counts as right, with partial credit', () => {
    const fill: Exercise = { ...base, id: '3.1/fill-1', kind: 'fill-in', blanks: [{ answers: [{ text: 'Docker Hub' }, { text: 'hub.docker.com', score: 0.5 }] }] };
    expect(answerKey(fill)).toEqual(['Blank 1: Docker Hub | hub.docker.com (50%)']);
    const choice: Exercise = {
      ...base,
      id: '3.1/mc-1',
      kind: 'choice',
      multiple: true,
      options: [
        { id: 'A', text: 'a', correct: true },
        { id: 'B', text: 'b', score: 0.5 },
        { id: 'C', text: 'c', score: -1 },
      ],
    };
    expect(answerKey(choice)).toEqual(['Correct options: A, B (50%)', 'Penalised: C (-100%)']);
    expect(answerKey({ ...base, id: '3.1/tf-1', kind: 'true-false', answer: false })).toEqual(['Answer: false']);
    expect(answerKey({ ...base, id: '3.1/n-1', kind: 'numeric', answers: [{ value: 200, unit: 'MB', tolerance: 5 }] })).toEqual(['200 MB ± 5']);
  });
});
