import { describe, expect, it } from 'vitest';
import { gradeOpen } from '../open/grade-open';
import { INTERVIEW_LAYERS, INTERVIEW_OPTIMIZE, INTERVIEW_SAVE_EXPORT, RUBRICS_3_1 } from './3.1';
import { HELD_OUT_LAYERS, HELD_OUT_OPTIMIZE, HELD_OUT_SAVE_EXPORT, LAYERS_ANSWERS, OPTIMIZE_ANSWERS, SAVE_EXPORT_ANSWERS, type LabelledAnswer } from './3.1-labelled';
import { measureAgreement, pearson } from './accuracy';

const SETS: readonly [typeof INTERVIEW_LAYERS, readonly LabelledAnswer[], readonly LabelledAnswer[]][] = [
  [INTERVIEW_LAYERS, LAYERS_ANSWERS, HELD_OUT_LAYERS],
  [INTERVIEW_OPTIMIZE, OPTIMIZE_ANSWERS, HELD_OUT_OPTIMIZE],
  [INTERVIEW_SAVE_EXPORT, SAVE_EXPORT_ANSWERS, HELD_OUT_SAVE_EXPORT],
];

const REQUIRED_CATEGORIES = ['correct', 'partial', 'negated', 'keyword-stuffed', 'off-topic', 'misspelled', 'very-short', 'very-long'];

describe('accuracy of the keyword check on lesson 3.1 interview answers', () => {
  it('has at least 15 labelled answers per question, of every category', () => {
    for (const [question, answers] of SETS) {
      expect(answers.length, question.id).toBeGreaterThanOrEqual(15);
      const categories = new Set(answers.map((a) => a.category));
      for (const category of REQUIRED_CATEGORIES) expect(categories.has(category as LabelledAnswer['category']), `${question.id} ${category}`).toBe(true);
    }
  });

  it('agrees with the instructor within 20% on at least 85% of the answers', () => {
    const labels: number[] = [];
    const autos: number[] = [];
    let within = 0;
    let count = 0;
    const lines: string[] = [];
    for (const [question, answers, heldOut] of SETS) {
      const main = measureAgreement(question, answers);
      const held = measureAgreement(question, heldOut);
      for (const r of [...main.rows, ...held.rows]) {
        labels.push(r.label);
        autos.push(r.auto);
      }
      within += main.within + held.within;
      count += main.count + held.count;
      lines.push(
        `${question.id}: ${main.within}/${main.count} within 20% (${(main.share * 100).toFixed(0)}%), r = ${main.pearson.toFixed(2)}; held-out ${held.within}/${held.count}, r = ${held.pearson.toFixed(2)}`,
      );
      expect(main.share, question.id).toBeGreaterThanOrEqual(0.85);
    }
    const r = pearson(labels, autos);
    lines.push(`all: ${within}/${count} within 20% (${((within / count) * 100).toFixed(1)}%), Pearson r = ${r.toFixed(3)}`);
    console.log(`Keyword-check agreement with instructor labels:\n  ${lines.join('\n  ')}`);
    expect(within / count).toBeGreaterThanOrEqual(0.85);
    expect(r).toBeGreaterThan(0.8);
  });

  it('reports the concepts of a full answer as found, with the words that matched', () => {
    const result = gradeOpen(INTERVIEW_SAVE_EXPORT, SAVE_EXPORT_ANSWERS[0]?.text ?? '');
    expect(result.score).toBe(result.max);
    expect(result.passed).toBe(true);
    expect(result.concepts?.missing).toEqual([]);
    expect(result.concepts?.found.find((c) => c.id === 'export-container')?.phrase).toMatch(/export/);
    expect(result.feedback[0]).toBe('Keyword check: 6/6 concepts.');
  });

  it('gives a swapped answer (export keeps layers, save flattens) no credit and names the misconceptions', () => {
    const result = gradeOpen(INTERVIEW_SAVE_EXPORT, 'docker export keeps all the layers and the history of the image, while docker save flattens the container into a single layer.');
    expect(result.score).toBeLessThanOrEqual(2);
    expect(result.concepts?.misconceptions.map((m) => m.id).sort()).toEqual(['export-keeps', 'save-container']);
    expect(result.feedback).toContain('export keeps no layers, history or tags: it writes one flat filesystem.');
  });

  it('ids match the lesson: 3.1/interview-1 … 3.1/interview-3', () => {
    expect(RUBRICS_3_1.map((q) => q.id)).toEqual(['3.1/interview-1', '3.1/interview-2', '3.1/interview-3']);
  });
});
