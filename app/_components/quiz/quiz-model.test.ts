import { describe, expect, it } from 'vitest';
import type { ChoiceExercise, FillInExercise, OpenExercise } from '@/lib/content';
import { choose, splitCodeSpans, countBlanks, emptyInput, exerciseDomId, keywordCheck, labHref, responseOf, responseText, verdictText, wordCount } from './quiz-model';

const base = { lesson: '3.1', title: 't', hints: [], explanation: '' };
const fill: FillInExercise = { ...base, id: '3.1/fill-1', kind: 'fill-in', prompt: 'A ___ and a _____.', blanks: [{ answers: [{ text: 'x' }] }, { answers: [{ text: 'y' }] }] };
const choice: ChoiceExercise = {
  ...base,
  id: '3.1/mc-9',
  kind: 'choice',
  multiple: true,
  prompt: 'Pick',
  options: [
    { id: 'A', text: 'a', correct: true },
    { id: 'B', text: 'b' },
    { id: 'C', text: 'c', correct: true },
  ],
};

describe('quiz model', () => {
  it('names a card after its exercise id, without slashes', () => {
    expect(exerciseDomId('3.1/fill-1')).toBe('exercise-3.1-fill-1');
    expect(labHref('3.1/lab-layers')).toBe('/playground/?lab=3.1%2Flab-layers');
  });

  it('counts blanks of three or more underscores, and starts with one empty input per blank', () => {
    expect(countBlanks('A ___ and a _____ but not __ this.')).toBe(2);
    expect(emptyInput(fill)).toEqual({ kind: 'fill-in', blanks: ['', ''] });
  });

  it('turns what was entered into the response the graders take', () => {
    expect(responseOf(fill, { kind: 'fill-in', blanks: ['', ''] })).toBeNull();
    expect(responseOf(fill, { kind: 'fill-in', blanks: ['layers', ''] })).toEqual(['layers', '']);
    // Letters in option order whatever the order of the clicks.
    expect(responseOf(choice, { kind: 'choice', selected: ['C', 'A'] })).toBe('A,C');
    expect(responseOf(choice, { kind: 'choice', selected: [] })).toBeNull();
    expect(responseOf(fill, { kind: 'true-false', value: false })).toBe('false');
    expect(responseOf(fill, { kind: 'numeric', text: '  ' })).toBeNull();
    expect(responseText(['a', 'b'])).toBe('a | b');
  });

  it('toggles options of a multiple-answer question and replaces the one of a single-answer one', () => {
    expect(choose(['A'], 'C', true)).toEqual(['A', 'C']);
    expect(choose(['A', 'C'], 'A', true)).toEqual(['C']);
    expect(choose(['A'], 'C', false)).toEqual(['C']);
  });

  it('says how an answer did in words', () => {
    expect(verdictText({ score: 1, max: 1, passed: true })).toBe('Correct. 1/1 point.');
    expect(verdictText({ score: 0.5, max: 1, passed: false })).toBe('Partly right. 0.5/1 point.');
    expect(verdictText({ score: 0, max: 2, passed: false })).toBe('Not right yet. 0/2 points.');
  });

  it('counts words and reports the keyword check as found of all concepts', () => {
    expect(wordCount('  layers are\nshared  ')).toBe(3);
    expect(wordCount('   ')).toBe(0);
    const hit = { id: 'a', label: 'a', points: 1 };
    expect(keywordCheck({ found: [hit, hit], missing: [hit], negated: [hit] })).toEqual({ found: 2, total: 4, label: 'Keyword check: 2/4 concepts' });
  });

  it('leaves an open answer as typed', () => {
    const open = { ...base, id: '3.1/interview-1', kind: 'open', prompt: 'Explain', modelAnswer: 'm', rubric: { concepts: [] } } satisfies OpenExercise;
    expect(responseOf(open, { kind: 'open', text: 'Layers are cached.' })).toBe('Layers are cached.');
  });

  it('finds the code spans of a feedback line', () => {
    expect(splitCodeSpans('Without `-a`, prune removes ``a`b`` only.')).toEqual([
      { code: false, text: 'Without ' },
      { code: true, text: '-a' },
      { code: false, text: ', prune removes ' },
      { code: true, text: 'a`b' },
      { code: false, text: ' only.' },
    ]);
    expect(splitCodeSpans('no code')).toEqual([{ code: false, text: 'no code' }]);
  });
});
