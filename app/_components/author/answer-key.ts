// The answer key of an exercise in a line or a few, as the preview shows it to the instructor
// beside the card a student sees: what counts as right and what scores partly.
import type { Exercise } from '@/lib/content';

const pct = (score: number | undefined) => (score === undefined || score === 1 ? '' : ` (${Math.round(score * 100)}%)`);

export function answerKey(exercise: Exercise): string[] {
  switch (exercise.kind) {
    case 'fill-in':
      return exercise.blanks.map((blank, i) => `Blank ${i + 1}: ${blank.answers.map((a) => `${a.text}${pct(a.score)}`).join(' | ')}`);
    case 'true-false':
      return [`Answer: ${exercise.answer ? 'true' : 'false'}`];
    case 'choice': {
      const right = exercise.options.filter((o) => o.correct === true || (o.score ?? 0) > 0);
      const partial = exercise.options.filter((o) => o.correct !== true && (o.score ?? 0) < 0);
      const lines = [`${exercise.multiple ? 'Correct options' : 'Correct option'}: ${right.map((o) => `${o.id}${pct(o.score)}`).join(', ')}`];
      if (partial.length > 0) lines.push(`Penalised: ${partial.map((o) => `${o.id} (${Math.round((o.score ?? 0) * 100)}%)`).join(', ')}`);
      return lines;
    }
    case 'numeric':
      return exercise.answers.map((a) => `${a.value}${a.unit ? ` ${a.unit}` : ''}${a.tolerance ? ` ± ${a.tolerance}` : ''}${a.relative ? ` ± ${a.relative * 100}%` : ''}${pct(a.score)}`);
    case 'open':
      return [
        `Keyword check: ${exercise.rubric.concepts.map((c) => `${c.label} (${c.points})`).join('; ')}`,
        ...(exercise.rubric.misconceptions ?? []).map((m) => `Misconception: ${m.label} (−${m.points})`),
      ];
    case 'lab':
    case 'dockerfile':
      return exercise.checks.map((c) => `${c.id}: ${c.kind}${c.required ? ' (required)' : ''}${c.points !== undefined ? `, ${c.points} pt` : ''}`);
  }
}
