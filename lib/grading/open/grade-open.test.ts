import { describe, expect, it } from 'vitest';
import type { OpenQuestion } from '../types';
import { gradeOpen, looksStuffed } from './grade-open';
import { compilePhrase, matchPhrase } from './phrase';
import { analyzeText } from './text';

const question: OpenQuestion = {
  id: 'q',
  kind: 'open',
  points: 4,
  rubric: {
    words: { min: 8, max: 60 },
    synonyms: [['image', 'picture']],
    concepts: [
      { id: 'shared', label: 'layers are shared between images', points: 2, any: ['layer* * shar*', 'shar* * layer*'], feedbackFound: 'Yes: shared layers.' },
      { id: 'cache', label: 'the build cache reuses layers', points: 2, all: [['cach*'], ['rebuild*', 'build*']] },
    ],
    misconceptions: [{ id: 'writable', label: 'layers are writable', points: 2, any: ['layers are writable'], feedback: 'Image layers are read-only.' }],
  },
};

const found = (text: string) => gradeOpen(question, text).concepts?.found.map((c) => c.id) ?? [];

describe('open answers (keyword check)', () => {
  it('credits concepts by stem and lists the words that matched', () => {
    const result = gradeOpen(question, 'The layers are shared by all images, and when you rebuild the cache is used again.');
    expect(result.score).toBe(4);
    expect(result.passed).toBe(true);
    expect(result.concepts?.found).toEqual([
      { id: 'shared', label: 'layers are shared between images', points: 2, phrase: 'layers are shared' },
      { id: 'cache', label: 'the build cache reuses layers', points: 2, phrase: 'cache … rebuild' },
    ]);
    expect(result.feedback).toEqual(['Keyword check: 2/2 concepts.', 'Yes: shared layers.']);
  });

  it('does not credit a negated concept and says so', () => {
    for (const text of ['Layers are not shared between images, so each one is kept in full.', "The layers aren't shared, every image has its own copy of everything.", 'Images never share layers with each other at all.']) {
      const result = gradeOpen(question, text);
      expect(result.concepts?.negated.map((c) => c.id), text).toEqual(['shared']);
      expect(result.score, text).toBe(0);
      expect(result.feedback.some((f) => f.includes('says the opposite of: layers are shared between images')), text).toBe(true);
    }
  });

  it('keeps negation inside its clause and reads a negation the phrase states itself', () => {
    expect(found('Nothing is copied twice, but layers are shared between images in the store.')).toContain('shared');
    const phrase = compilePhrase('no histor*');
    const [match] = matchPhrase(phrase, analyzeText('export keeps no history at all').sentences[0] ?? []);
    expect(match?.negated).toBe(false);
    const [lost] = matchPhrase(compilePhrase('los* * histor*'), analyzeText('export does not lose the history').sentences[0] ?? []);
    expect(lost?.negated).toBe(true);
    // "doesn't" stands for the phrase's "not".
    expect(matchPhrase(compilePhrase('save * not * los*'), analyzeText("save doesn't lose anything").sentences[0] ?? [])[0]?.negated).toBe(false);
  });

  it('subtracts misconceptions, never below zero', () => {
    const result = gradeOpen(question, 'Layers are writable and every container edits them directly in the image itself.');
    expect(result.concepts?.misconceptions.map((m) => m.id)).toEqual(['writable']);
    expect(result.score).toBe(0);
    expect(result.feedback).toContain('Image layers are read-only.');
    const mixed = gradeOpen(question, 'Layers are shared between images, layers are writable, and a rebuild uses the cache.');
    expect(mixed.score).toBe(2);
  });

  it('caps a keyword list at a fifth even when every concept is named', () => {
    const stuffed = 'layers shared cache rebuild images storage speed digest';
    expect(looksStuffed(analyzeText(stuffed))).toBe(true);
    const result = gradeOpen(question, stuffed);
    expect(result.concepts?.found.length).toBe(2);
    expect(result.score).toBe(0.8);
    expect(result.feedback).toContain('This reads as a list of keywords: explain in sentences how the ideas connect.');
    expect(looksStuffed(analyzeText('Layers, sharing, cache, rebuild, images, speed.'))).toBe(true);
    expect(looksStuffed(analyzeText('The layers are shared between the images and the cache is used on a rebuild.'))).toBe(false);
  });

  it('caps a short answer by its length and notes a long one', () => {
    const short = gradeOpen(question, 'Shared layers, cached rebuilds.');
    expect(short.score).toBeLessThanOrEqual(2);
    expect(short.feedback).toContain('The answer is short (4 words; aim for at least 8).');
    const long = gradeOpen(question, `Layers are shared between images and the cache speeds up every rebuild. ${'More words here. '.repeat(30)}`);
    expect(long.score).toBe(4);
    expect(long.feedback.some((f) => f.startsWith('The answer is long ('))).toBe(true);
  });

  it('tolerates spelling slips in longer words but not in short or literal ones', () => {
    expect(found('The layres are shared between images when you rebiuld with the cache.')).toEqual(['shared', 'cache']);
    // Prefixes shorter than five letters stay exact: `shar*` does not take `short`.
    expect(found('The layers are sahred between images when you rebuild with the cache.')).toEqual(['cache']);
    const save = compilePhrase('save * image*');
    expect(matchPhrase(save, analyzeText('safe the image').sentences[0] ?? [])).toEqual([]);
    expect(matchPhrase(save, analyzeText('save an imgae').sentences[0] ?? [])).toHaveLength(1);
  });

  it('matches phrase syntax: prefixes, alternatives, near and wide gaps, one sentence only', () => {
    const tokens = (t: string) => analyzeText(t).sentences[0] ?? [];
    expect(matchPhrase(compilePhrase('flatten*'), tokens('it flattens everything'))).toHaveLength(1);
    expect(matchPhrase(compilePhrase('vim|nano'), tokens('no nano here'))).toHaveLength(1);
    expect(matchPhrase(compilePhrase('layer cache'), tokens('layer of the cache'))).toHaveLength(1);
    expect(matchPhrase(compilePhrase('layer cache'), tokens('layer is put in the cache'))).toHaveLength(0);
    expect(matchPhrase(compilePhrase('layer * cache'), tokens('layer is put in the cache'))).toHaveLength(1);
    expect(found('Layers exist. They are shared.')).not.toContain('shared');
    expect(found('A picture is made of layers which are shared by every picture, and rebuilding hits the cache.')).toEqual(['shared', 'cache']);
  });

  it('handles empty, huge and strange input without failing', () => {
    const empty = gradeOpen(question, '');
    expect(empty.score).toBe(0);
    expect(empty.feedback[1]).toBe('The answer is empty.');
    expect(gradeOpen(question, '\u0000\uFEFF\u200B  \n\t').score).toBe(0);
    const huge = 'Layers are shared between images and rebuilds use the cache. '.repeat(5_000);
    const started = performance.now();
    const result = gradeOpen(question, huge);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(result.score).toBe(4);
    expect(result.feedback.some((f) => f.includes('only the start was read'))).toBe(true);
    // Full-width letters, emoji, right-to-left text and combining marks are read, not crashed on.
    expect(found('Ｌａｙｅｒｓ are shared 🐳 between images; rebuilds use the cache. שלום ́')).toEqual(['shared', 'cache']);
  });
});
