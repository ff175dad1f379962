import { foldUnicode } from './normalize';
import { pointsOf, roundScore } from './score';
import type { GradeResult, NumericAnswer, NumericQuestion } from './types';
import { convert, parseQuantity } from './units';

/**
 * Numeric (Moodle numerical, grading-and-authoring §1.2): bands tried in order, each a value with
 * an absolute and/or relative tolerance in its unit. The response's unit is converted to the
 * band's (`0.2 GB` for a band in MB); a response without a unit is read in the band's unit unless
 * the question requires one.
 */
function inBand(answer: NumericAnswer, value: number): boolean {
  const slack = Math.max(Math.abs(answer.tolerance ?? 0), Math.abs(answer.value) * Math.abs(answer.relative ?? 0));
  // A hair of float slack so 0.1 + 0.2 lands on 0.3.
  return Math.abs(value - answer.value) <= slack + 1e-9 * Math.max(1, Math.abs(answer.value));
}

export function gradeNumeric(question: NumericQuestion, response: string | number): GradeResult {
  const max = pointsOf(question);
  const fail = (line: string): GradeResult => ({ id: question.id, kind: 'numeric', score: 0, max, passed: false, feedback: [line] });
  const quantity = typeof response === 'number' ? (Number.isFinite(response) ? { value: response, unit: null } : null) : parseQuantity(foldUnicode(response));
  if (quantity === null) return fail('Give a number, optionally with a unit (200 MB, 1.5 GB, 90 s).');
  if (quantity.unit === null && question.requireUnit) return fail(`Give a unit, such as ${question.answers[0]?.unit ?? 'MB'}.`);
  let unitMismatch = false;
  for (const answer of question.answers) {
    let value = quantity.value;
    if (quantity.unit !== null && answer.unit !== undefined) {
      const converted = convert(quantity.value, quantity.unit, answer.unit);
      if (converted === null) {
        unitMismatch = true;
        continue;
      }
      value = converted;
    } else if (quantity.unit !== null && answer.unit === undefined) {
      unitMismatch = true;
      continue;
    }
    if (!inBand(answer, value)) continue;
    const fraction = Math.min(1, Math.max(0, answer.score ?? 1));
    const texts = question.feedback ?? {};
    const feedback = [answer.feedback ?? (fraction >= 1 ? (texts.correct ?? 'Correct.') : (texts.partial ?? 'Close.'))];
    return { id: question.id, kind: 'numeric', score: roundScore(fraction * max), max, passed: fraction >= 1, feedback };
  }
  if (unitMismatch) return fail(`That unit does not measure the same thing: answer in ${question.answers.find((a) => a.unit)?.unit ?? 'plain numbers'}.`);
  return fail(question.feedback?.incorrect ?? 'Not within the accepted range.');
}
