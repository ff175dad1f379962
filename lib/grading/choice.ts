import { foldUnicode } from './normalize';
import { clamp, pointsOf, roundScore } from './score';
import type { ChoiceOption, ChoiceQuestion, GradeResult } from './types';

/**
 * Choice (Moodle multichoice, grading-and-authoring §1.3, §5.5). Single answer: the chosen
 * option's fraction. Multiple answers: the sum of the chosen options' fractions, clamped to
 * [0, 1]. Without author weights, correct options share +1 and each wrong one costs 1/k (k =
 * number of correct options: PrairieLearn's net-correct), so ticking everything does not pay.
 */

/** The option letters in a response (`C`, `a,c`, `A C`, `["A","C"]`), upper case, unique, in order. */
export function parseChoices(response: string | readonly string[]): string[] {
  const parts = typeof response === 'string' ? foldUnicode(response).split(/[\s,;|/]+/) : response.map((r) => foldUnicode(r));
  const out: string[] = [];
  for (const part of parts) {
    const id = part.trim().replace(/^[([]|[)\].]$/g, '').toUpperCase();
    if (id !== '' && !out.includes(id)) out.push(id);
  }
  return out;
}

/** Each option's fraction, after the defaults. */
export function optionFractions(question: ChoiceQuestion): Map<string, number> {
  const weighted = question.options.some((o) => o.score !== undefined);
  const correct = question.options.filter((o) => o.correct === true).length || 1;
  const fractions = new Map<string, number>();
  for (const o of question.options) {
    const fraction = weighted ? (o.score ?? 0) : o.correct === true ? (question.multiple ? 1 / correct : 1) : question.multiple ? -1 / correct : 0;
    fractions.set(o.id.toUpperCase(), clamp(fraction, -1, 1));
  }
  return fractions;
}

const isCorrect = (o: ChoiceOption, fractions: Map<string, number>) => o.correct ?? (fractions.get(o.id.toUpperCase()) ?? 0) > 0;

export function gradeChoice(question: ChoiceQuestion, response: string | readonly string[]): GradeResult {
  const max = pointsOf(question);
  const chosen = parseChoices(response);
  const fractions = optionFractions(question);
  const feedback: string[] = [];
  const fail = (line: string): GradeResult => ({ id: question.id, kind: 'choice', score: 0, max, passed: false, feedback: [line] });
  if (chosen.length === 0) return fail(question.multiple ? 'Choose one or more options.' : 'Choose an option.');
  const unknown = chosen.filter((id) => !fractions.has(id));
  if (unknown.length > 0) return fail(`No option ${unknown.join(', ')}: the options are ${question.options.map((o) => o.id.toUpperCase()).join(', ')}.`);
  if (!question.multiple && chosen.length > 1) return fail('Choose only one option.');
  for (const id of chosen) {
    const text = question.options.find((o) => o.id.toUpperCase() === id)?.feedback;
    if (text !== undefined) feedback.push(`${id}: ${text}`);
  }
  let fraction: number;
  if (question.mode === 'all-or-nothing') {
    const right = question.options.filter((o) => isCorrect(o, fractions)).map((o) => o.id.toUpperCase());
    fraction = right.length === chosen.length && right.every((id) => chosen.includes(id)) ? 1 : 0;
  } else {
    fraction = clamp(chosen.reduce((sum, id) => sum + (fractions.get(id) ?? 0), 0), 0, 1);
  }
  const texts = question.feedback ?? {};
  const verdict = fraction >= 1 ? (texts.correct ?? 'Correct.') : fraction > 0 ? (texts.partial ?? 'Partly correct.') : (texts.incorrect ?? 'Not correct.');
  feedback.push(verdict);
  return { id: question.id, kind: 'choice', score: roundScore(fraction * max), max, passed: fraction >= 1 - 1e-9, feedback };
}
