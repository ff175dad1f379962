import {
  BLANK_PATTERN,
  type ChoiceExercise,
  type Exercise,
  type FillInExercise,
  isLabExercise,
  type NumericExercise,
  type OpenExercise,
  type QuizExercise,
  type TrueFalseExercise,
} from '../exercise-types';
import { optionLetter } from './answers';
import { writeMarks } from './blocks';
import { formatPercent, nearestMoodleFraction } from './fractions';
import { escapeGift, startsWithFormat } from './text';

/**
 * GIFT export of quiz exercises, written the way Moodle's own exporter lays questions out: an
 * `// [id:…] [tag:…]` line, `::title::`, the prompt as `[markdown]`, the answers one per line,
 * the explanation as general feedback `####`. What GIFT cannot hold (hints, points, rubrics,
 * units, case sensitivity…) is named in a `// note:` line above the question; labs are skipped.
 */

export interface FormatGiftResult {
  readonly text: string;
  readonly skipped: { id: string; reason: string }[];
}

class Skip extends Error {}

interface Written {
  /** The question text up to the answer block: `::title::[markdown]prompt`. */
  readonly head: string;
  /** Answer block items (`=%100%docker save#feedback`) or, for true/false and essay, the block's content. */
  readonly block: string;
  readonly tail: string;
  readonly notes: string[];
}

export function formatGift(exercises: readonly Exercise[]): FormatGiftResult {
  const skipped: { id: string; reason: string }[] = [];
  const out: string[] = [];
  let lesson: string | undefined;
  let written = 0;
  for (const exercise of exercises) {
    if (isLabExercise(exercise)) {
      skipped.push({ id: exercise.id, reason: `${exercise.kind === 'lab' ? 'a lab' : 'a Dockerfile exercise'} is graded on the engine's state: GIFT holds quiz questions only` });
      continue;
    }
    let question: string;
    try {
      question = writeQuestion(exercise);
    } catch (e) {
      if (!(e instanceof Skip)) throw e;
      skipped.push({ id: exercise.id, reason: e.message });
      continue;
    }
    if (exercise.lesson !== lesson) {
      lesson = exercise.lesson;
      out.push(`$CATEGORY: $course$/top/Layerlab/Lesson ${lesson.replace(/\//g, '-')}\n`);
    }
    out.push(question);
    written++;
  }
  const header = `// Layerlab export: ${written} question${written === 1 ? '' : 's'} in Moodle GIFT format.\n// "note:" lines name what GIFT cannot hold.\n`;
  return { text: [header, ...out].join('\n'), skipped };
}

function writeQuestion(exercise: QuizExercise): string {
  const w = write(exercise);
  const notes = [...commonNotes(exercise), ...w.notes].map((n) => `// note: ${n.replace(/\s*\n\s*/g, ' ')}\n`).join('');
  return `${writeMarks(exercise.id, exercise.tags ?? [])}${notes}${w.head}${w.block}${w.tail}\n`;
}

function write(exercise: QuizExercise): Written {
  switch (exercise.kind) {
    case 'fill-in':
      return writeFillIn(exercise);
    case 'true-false':
      return writeTrueFalse(exercise);
    case 'choice':
      return writeChoice(exercise);
    case 'numeric':
      return writeNumeric(exercise);
    case 'open':
      return writeOpen(exercise);
  }
}

/** A field that inherits the question's format: guarded so a leading `[plain]` stays text. */
function esc(text: string): string {
  const t = text.trim();
  return `${startsWithFormat(t) ? '[markdown]' : ''}${escapeGift(t)}`;
}

const feedbackOf = (text: string | undefined) => (text === undefined || text.trim() === '' ? '' : `#${esc(text)}`);

/**
 * Where the answer block goes. A fill-in's blank (`___`) is where the box is: mid-sentence it
 * becomes GIFT's missing word, at the end the braces follow the text. Other kinds use a blank
 * only mid-sentence (Moodle then shows its own `_____`).
 */
function placePrompt(exercise: QuizExercise): { lead: string; tail: string; inline: boolean } {
  const blanks = [...exercise.prompt.matchAll(BLANK_PATTERN)];
  if (exercise.kind === 'fill-in' && blanks.length > 1) {
    throw new Skip(`${blanks.length} blanks: a GIFT short answer has one answer box`);
  }
  const blank = blanks.length === 1 ? blanks[0] : undefined;
  if (blank?.index !== undefined) {
    const before = exercise.prompt.slice(0, blank.index);
    const after = exercise.prompt.slice(blank.index + blank[0].length);
    if (after.trim() !== '') return { lead: before, tail: after, inline: true };
    if (exercise.kind === 'fill-in') return { lead: before.trimEnd() === '' ? '' : `${before.trimEnd()} `, tail: '', inline: false };
  }
  return { lead: exercise.prompt.trim(), tail: '', inline: false };
}

function assemble(exercise: QuizExercise, items: readonly string[], notes: string[]): Written {
  const { lead, tail, inline } = placePrompt(exercise);
  const head = `::${escapeGift(exercise.title)}::[markdown]${escapeGift(lead.trimStart())}`;
  const general = exercise.explanation.trim() === '' ? '' : `####${esc(exercise.explanation)}`;
  const block = inline
    ? `{${[...items, ...(general ? [general] : [])].join(' ')}}`
    : `{\n${[...items, ...(general ? [general] : [])].map((i) => `\t${i}\n`).join('')}}`;
  return { head, block, tail: escapeGift(tail.trimEnd()), notes };
}

/** A fraction on Moodle's grade list, with a note when it had to be rounded. */
function moodleFraction(fraction: number, what: string, notes: string[]): number {
  const { fraction: f, rounded } = nearestMoodleFraction(fraction);
  if (rounded) notes.push(`${what}: ${Math.round(fraction * 1e5) / 1e3}% is not one of Moodle's grades, written as ${formatPercent(f).slice(1, -1)}%`);
  return f;
}

function writeFillIn(exercise: FillInExercise): Written {
  const notes: string[] = [];
  const blank = exercise.blanks[0];
  if (exercise.blanks.length !== 1 || blank === undefined) throw new Skip(`${exercise.blanks.length} blanks: a GIFT short answer has one answer box`);
  if (blank.answers.length === 0) throw new Skip('no accepted answers');
  const items: string[] = [];
  blank.answers.forEach((answer, i) => {
    if (answer.text.includes('->')) throw new Skip(`answer "${answer.text}" contains "->", which GIFT reads as a matching question`);
    if (answer.text.trim() === '') throw new Skip(`answer ${i + 1} is empty`);
    const fraction = moodleFraction(Math.min(1, Math.max(0, answer.score ?? 1)), `answer "${answer.text}"`, notes);
    items.push(`=${formatPercent(fraction)}${esc(answer.text)}${feedbackOf(answer.feedback)}`);
    if (answer.caseSensitive === true) notes.push(`answer "${answer.text}" is case-sensitive: GIFT short answers ignore case`);
    if (answer.typos === 'off') notes.push(`answer "${answer.text}" allows no spelling slips: GIFT has no such setting`);
  });
  const incorrect = exercise.feedback?.incorrect;
  if (incorrect !== undefined && incorrect.trim() !== '' && !blank.answers.some((a) => /^\*+$/.test(a.text.trim()))) {
    items.push(`=%0%*${feedbackOf(incorrect)}`);
  }
  if ((blank.caseSensitive ?? exercise.caseSensitive) === true) notes.push('case-sensitive: GIFT short answers ignore case');
  if ((blank.typos ?? exercise.typos) === 'off') notes.push('spelling slips are not accepted here: GIFT has no such setting (Moodle accepts none)');
  if ((exercise.synonyms?.length ?? 0) + (blank.synonyms?.length ?? 0) > 0) notes.push('synonym groups are not exported: list each accepted form as an answer');
  return assemble(exercise, items, notes);
}

function writeTrueFalse(exercise: TrueFalseExercise): Written {
  const { head, tail } = assemble(exercise, [], []);
  const right = (exercise.answer ? exercise.feedbackTrue : exercise.feedbackFalse)?.trim() ?? '';
  const wrong = (exercise.answer ? exercise.feedbackFalse : exercise.feedbackTrue)?.trim() ?? '';
  const general = exercise.explanation.trim() === '' ? '' : `####${esc(exercise.explanation)}`;
  const feedback = `${wrong !== '' ? `#${esc(wrong)}` : right !== '' ? '#' : ''}${right !== '' ? `#${esc(right)}` : ''}`;
  return { head, block: `{${exercise.answer ? 'TRUE' : 'FALSE'}${feedback}${general}}`, tail, notes: [] };
}

/** Each option's fraction as lib/grading reads a choice question (weights, else ±1/k for several answers). */
export function choiceFractions(exercise: Pick<ChoiceExercise, 'options' | 'multiple'>): number[] {
  const weighted = exercise.options.some((o) => o.score !== undefined);
  const correct = exercise.options.filter((o) => o.correct === true).length || 1;
  return exercise.options.map((o) => {
    const f = weighted ? (o.score ?? 0) : o.correct === true ? (exercise.multiple ? 1 / correct : 1) : exercise.multiple ? -1 / correct : 0;
    return Math.max(-1, Math.min(1, f));
  });
}

function writeChoice(exercise: ChoiceExercise): Written {
  const notes: string[] = [];
  if (exercise.options.length < 2) throw new Skip('a multiple-choice question needs at least two options');
  const fractions = choiceFractions(exercise).map((f, i) => moodleFraction(f, `option ${exercise.options[i]?.id ?? i + 1}`, notes));
  const multiple = exercise.multiple === true;
  if (!multiple && !fractions.some((f) => f === 1)) {
    throw new Skip('single answer without a 100% option: GIFT would import it as a question with several answers');
  }
  if (exercise.options.some((o, i) => o.id.toUpperCase() !== optionLetter(i))) {
    notes.push(`options are lettered again A, B, C… in this order (were ${exercise.options.map((o) => o.id).join(', ')})`);
  }
  if (exercise.mode === 'all-or-nothing') notes.push('all-or-nothing marking has no GIFT form: the weights below give partial credit');
  if (multiple) {
    const total = fractions.reduce((sum, f) => sum + Math.max(0, f), 0);
    if (Math.abs(total - 1) > 0.005) notes.push(`the positive weights add up to ${Math.round(total * 1000) / 10}%: Moodle asks for 100%`);
  }
  let equals = 0;
  const items = exercise.options.map((option, i) => {
    const f = fractions[i] as number;
    const text = esc(option.text);
    let mark: string;
    if (!multiple && f === 1 && equals++ === 0) mark = '=';
    else if (f === 0 && !/^%-*\d/.test(text)) mark = '~';
    else mark = `~${formatPercent(f)}`;
    return `${mark}${text}${feedbackOf(option.feedback)}`;
  });
  return assemble(exercise, items, notes);
}

function writeNumeric(exercise: NumericExercise): Written {
  const notes: string[] = [];
  if (exercise.answers.length === 0) throw new Skip('no answers');
  const items = exercise.answers.map((answer) => {
    if (!Number.isFinite(answer.value)) throw new Skip(`answer ${answer.value} is not a finite number`);
    const absolute = Math.abs(answer.tolerance ?? 0);
    const relative = Math.abs(answer.value) * Math.abs(answer.relative ?? 0);
    const tolerance = Math.max(absolute, relative);
    if (answer.relative !== undefined && relative > absolute) {
      notes.push(`${answer.value}: relative tolerance ${Math.round(Math.abs(answer.relative) * 1e6) / 1e4}% written as absolute ±${tolerance}`);
    }
    if (answer.unit !== undefined) notes.push(`${answer.value} is in ${answer.unit}: GIFT numbers have no unit, so answers in other units are not converted`);
    const fraction = moodleFraction(Math.min(1, Math.max(0, answer.score ?? 1)), `answer ${answer.value}`, notes);
    return `=${formatPercent(fraction)}${answer.value}:${tolerance}${feedbackOf(answer.feedback)}`;
  });
  const incorrect = exercise.feedback?.incorrect;
  if (incorrect !== undefined && incorrect.trim() !== '') items.push(`~${feedbackOf(incorrect)}`);
  if (exercise.requireUnit === true) notes.push('a unit is required: GIFT cannot ask for one');
  const written = assemble(exercise, items, notes);
  return { ...written, block: written.block.replace(/^\{/, '{#') };
}

function writeOpen(exercise: OpenExercise): Written {
  const { head, tail } = assemble(exercise, [], []);
  const notes: string[] = [];
  const concepts = exercise.rubric.concepts.length;
  if (concepts > 0) notes.push(`the rubric (${concepts} concept${concepts === 1 ? '' : 's'}) is not exported: Moodle grades essays by hand`);
  if (exercise.modelAnswer.trim() !== '') notes.push('the model answer is not exported: GIFT essays have no grader information');
  const general = exercise.explanation.trim() === '' ? '' : `####${esc(exercise.explanation)}`;
  return { head, block: `{${general}}`, tail, notes };
}

/** What no GIFT question holds, whatever its kind. */
function commonNotes(exercise: QuizExercise): string[] {
  const notes: string[] = [];
  if (exercise.points !== undefined && exercise.points !== 1) notes.push(`worth ${exercise.points} points: GIFT has no points (Moodle's default mark is 1)`);
  if (exercise.hints.length > 0) notes.push(`${exercise.hints.length} hint${exercise.hints.length === 1 ? '' : 's'} not exported: GIFT has no hints`);
  const feedback = exercise.feedback ?? {};
  const held = exercise.kind === 'fill-in' || exercise.kind === 'numeric' ? ['incorrect'] : [];
  const lost = (['correct', 'partial', 'incorrect'] as const).filter((k) => feedback[k] !== undefined && !held.includes(k));
  if (lost.length > 0) notes.push(`feedback for ${lost.join(', ')} answers is not exported: GIFT has per-answer and general feedback only`);
  return notes;
}
