import { normalizeAnswer } from './normalize';
import { pointsOf } from './score';
import type { GradeResult, TrueFalseQuestion } from './types';

const TRUE_WORDS = new Set(['true', 't', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'f', 'no', 'n', '0']);

/** `true`/`false` (and t/f, yes/no, 1/0) to a boolean; null for anything else. */
export function parseTrueFalse(response: string | boolean): boolean | null {
  if (typeof response === 'boolean') return response;
  const word = normalizeAnswer(response);
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

/** True/false: all or nothing (Moodle; its GIFT importer makes a retry worth nothing). */
export function gradeTrueFalse(question: TrueFalseQuestion, response: string | boolean): GradeResult {
  const max = pointsOf(question);
  const given = parseTrueFalse(response);
  const feedback: string[] = [];
  if (given === null) {
    feedback.push('Answer true or false.');
    return { id: question.id, kind: 'true-false', score: 0, max, passed: false, feedback };
  }
  const right = given === question.answer;
  const specific = given ? question.feedbackTrue : question.feedbackFalse;
  if (specific !== undefined) feedback.push(specific);
  const verdict = right ? question.feedback?.correct : question.feedback?.incorrect;
  if (verdict !== undefined) feedback.push(verdict);
  else if (specific === undefined) feedback.push(right ? 'Correct.' : `Not quite: the statement is ${question.answer ? 'true' : 'false'}.`);
  return { id: question.id, kind: 'true-false', score: right ? max : 0, max, passed: right, feedback };
}
