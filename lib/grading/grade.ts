import { gradeChoice } from './choice';
import { gradeFillIn } from './fill-in';
import { gradeNumeric } from './numeric';
import { gradeOpen } from './open/grade-open';
import { gradeTrueFalse } from './true-false';
import type { GradeResult, QuizQuestion } from './types';

/**
 * One entry for every quiz kind: the response as the learner gave it (the CLI's `--answer TEXT`,
 * a form's value). Fill-in takes one string per blank (or one string split on `|`), choice takes
 * letters (`C`, `A,C`), true/false `true`/`false`, numeric a number with an optional unit.
 */
export function gradeQuestion(question: QuizQuestion, response: string | readonly string[]): GradeResult {
  const text = typeof response === 'string' ? response : response.join('\n');
  switch (question.kind) {
    case 'fill-in':
      return gradeFillIn(question, response);
    case 'true-false':
      return gradeTrueFalse(question, text);
    case 'choice':
      return gradeChoice(question, response);
    case 'numeric':
      return gradeNumeric(question, text);
    case 'open':
      return gradeOpen(question, text);
  }
}
