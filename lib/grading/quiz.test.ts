import { describe, expect, it } from 'vitest';
import { gradeChoice, parseChoices } from './choice';
import { gradeQuestion } from './grade';
import { gradeNumeric } from './numeric';
import { gradeTrueFalse } from './true-false';
import type { ChoiceQuestion, NumericQuestion, TrueFalseQuestion } from './types';
import { parseQuantity } from './units';

// The material's multiple choice 2 (answer C) and true/false 1 (false), 5 (true).
const prune: ChoiceQuestion = {
  id: '3.1/mc-2',
  kind: 'choice',
  options: [
    { id: 'A', text: 'docker rmi -a', feedback: 'rmi has no -a flag.' },
    { id: 'B', text: 'docker image prune' },
    { id: 'C', text: 'docker image prune -a', correct: true },
    { id: 'D', text: 'docker clean' },
  ],
};
const mutable: TrueFalseQuestion = { id: '3.1/tf-1', kind: 'true-false', answer: false, feedbackTrue: 'Images are immutable (read-only).' };

describe('true/false', () => {
  it('is all or nothing, with the feedback for the side chosen', () => {
    expect(gradeTrueFalse(mutable, 'false')).toMatchObject({ score: 1, passed: true });
    const wrong = gradeTrueFalse(mutable, 'TRUE');
    expect(wrong).toMatchObject({ score: 0, passed: false });
    expect(wrong.feedback).toEqual(['Images are immutable (read-only).']);
    expect(gradeTrueFalse(mutable, ' f ').score).toBe(1);
    expect(gradeTrueFalse({ id: '3.1/tf-5', kind: 'true-false', answer: true }, 'yes').score).toBe(1);
  });

  it('refuses what is neither', () => {
    for (const answer of ['', 'maybe', 'truee']) expect(gradeTrueFalse(mutable, answer)).toMatchObject({ score: 0, feedback: ['Answer true or false.'] });
  });
});

describe('choice', () => {
  it('single answer: the chosen option, with its feedback', () => {
    expect(gradeChoice(prune, 'C')).toMatchObject({ score: 1, passed: true });
    expect(gradeChoice(prune, 'c)').score).toBe(1);
    const a = gradeChoice(prune, 'A');
    expect(a.score).toBe(0);
    expect(a.feedback).toEqual(['A: rmi has no -a flag.', 'Not correct.']);
    expect(gradeChoice(prune, 'B,C')).toMatchObject({ score: 0, feedback: ['Choose only one option.'] });
    expect(gradeChoice(prune, 'E').feedback).toEqual(['No option E: the options are A, B, C, D.']);
    expect(gradeChoice(prune, '').feedback).toEqual(['Choose an option.']);
  });

  it('multiple answers without weights: net-correct, so ticking everything does not pay', () => {
    const q: ChoiceQuestion = {
      id: 'q',
      kind: 'choice',
      multiple: true,
      points: 2,
      options: [
        { id: 'A', text: 'docker save', correct: true },
        { id: 'B', text: 'docker load', correct: true },
        { id: 'C', text: 'docker export' },
        { id: 'D', text: 'docker import' },
      ],
    };
    expect(gradeChoice(q, 'A,B')).toMatchObject({ score: 2, passed: true });
    expect(gradeChoice(q, ['b', 'a']).score).toBe(2);
    expect(gradeChoice(q, 'A').score).toBe(1);
    expect(gradeChoice(q, 'A B C').score).toBe(1);
    expect(gradeChoice(q, 'A,B,C,D').score).toBe(0);
    expect(gradeChoice(q, 'C,D').score).toBe(0);
  });

  it('multiple answers with Moodle weights: negative weights clamp the question at 0', () => {
    const q: ChoiceQuestion = {
      id: 'q',
      kind: 'choice',
      multiple: true,
      options: [
        { id: 'A', text: 'a', score: 0.5 },
        { id: 'B', text: 'b', score: 0.5 },
        { id: 'C', text: 'c', score: -1 },
      ],
    };
    expect(gradeChoice(q, 'A,B').score).toBe(1);
    expect(gradeChoice(q, 'A,C').score).toBe(0);
    expect(gradeChoice(q, 'A').feedback).toEqual(['Partly correct.']);
    expect(gradeChoice({ ...q, mode: 'all-or-nothing' }, 'A').score).toBe(0);
    expect(gradeChoice({ ...q, mode: 'all-or-nothing' }, 'B,A').score).toBe(1);
  });

  it('reads letters in any notation', () => {
    expect(parseChoices('a, c;  C')).toEqual(['A', 'C']);
    expect(parseChoices('（Ａ）')).toEqual(['A']);
  });
});

describe('numeric', () => {
  const size: NumericQuestion = { id: 'q', kind: 'numeric', answers: [{ value: 200, unit: 'MB', tolerance: 10 }, { value: 200, unit: 'MB', relative: 0.25, score: 0.5, feedback: 'Close.' }] };

  it('converts units of the same kind and applies absolute and relative tolerance in order', () => {
    expect(gradeNumeric(size, '200MB').score).toBe(1);
    expect(gradeNumeric(size, '0.2 GB').score).toBe(1);
    expect(gradeNumeric(size, '190 MiB').score).toBe(1); // 199.2 MB
    expect(gradeNumeric(size, 205).score).toBe(1);
    expect(gradeNumeric(size, '240 MB')).toMatchObject({ score: 0.5, feedback: ['Close.'] });
    expect(gradeNumeric(size, '300MB').score).toBe(0);
  });

  it('converts durations', () => {
    const q: NumericQuestion = { id: 'q', kind: 'numeric', answers: [{ value: 5, unit: 'min', tolerance: 0.5 }] };
    expect(gradeNumeric(q, '300 seconds').score).toBe(1);
    expect(gradeNumeric(q, '5 minutes').score).toBe(1);
    expect(gradeNumeric(q, '1 h').score).toBe(0);
  });

  it('refuses text, a unit of another kind, and a missing unit when one is required', () => {
    expect(gradeNumeric(size, 'about two hundred').feedback[0]).toMatch(/^Give a number/);
    expect(gradeNumeric(size, '200 seconds').feedback[0]).toMatch(/^That unit does not measure the same thing/);
    expect(gradeNumeric({ ...size, requireUnit: true }, '200').feedback).toEqual(['Give a unit, such as MB.']);
    expect(gradeNumeric(size, 'NaN').score).toBe(0);
    expect(gradeNumeric(size, Number.POSITIVE_INFINITY).score).toBe(0);
  });

  it('parses quantities as people write them', () => {
    expect(parseQuantity('1,5 GB')).toEqual({ value: 1.5, unit: 'gb' });
    expect(parseQuantity('2 000')).toEqual({ value: 2000, unit: null });
    expect(parseQuantity('1e3 kb')).toEqual({ value: 1000, unit: 'kb' });
    expect(parseQuantity('200 parsecs')).toBeNull();
    expect(parseQuantity('1 2')).toBeNull();
  });
});

describe('gradeQuestion', () => {
  it('dispatches by kind with the CLI forms of the answer', () => {
    expect(gradeQuestion(prune, 'C').score).toBe(1);
    expect(gradeQuestion(mutable, 'false').score).toBe(1);
    expect(gradeQuestion({ id: 'q', kind: 'numeric', answers: [{ value: 3 }] }, '3').score).toBe(1);
    expect(gradeQuestion({ id: '3.1/fill-4', kind: 'fill-in', blanks: [{ answers: [{ text: 'latest' }] }] }, 'latest').score).toBe(1);
  });
});
