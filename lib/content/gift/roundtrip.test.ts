import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChoiceExercise, FillInExercise, NumericExercise, OpenExercise, QuizExercise, TrueFalseExercise } from '../exercise-types';
import { choiceFractions, formatGift } from './format';
import { MOODLE_FRACTIONS } from './fractions';
import { parseGift } from './parse';

/**
 * parseGift(formatGift(x)) grades like x: the same accepted answers with the same fractions and
 * feedback, the same option fractions (as lib/grading computes them), the same numeric bands, the
 * same prompt, explanation, id, title and tags. What GIFT cannot hold is excluded here and covered
 * by the notes tested in format.test.ts.
 */
function graded(e: QuizExercise) {
  const t = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim());
  const prompt = e.prompt
    .trim()
    .replace(/\s*_{3,}\s*/g, ' ___ ')
    .trim();
  const common = { id: e.id, lesson: e.lesson, title: e.title.replace(/\s+/g, ' ').trim(), prompt, explanation: e.explanation.trim(), tags: e.tags ?? [] };
  switch (e.kind) {
    case 'fill-in':
      return {
        ...common,
        answers: e.blanks[0]?.answers.map((a) => ({ text: a.text.trim(), score: a.score ?? 1, feedback: t(a.feedback) })),
        incorrect: t(e.feedback?.incorrect),
      };
    case 'true-false':
      return { ...common, answer: e.answer, feedbackTrue: t(e.feedbackTrue), feedbackFalse: t(e.feedbackFalse) };
    case 'choice':
      return {
        ...common,
        multiple: e.multiple === true,
        fractions: choiceFractions(e).map((f) => Math.round(f * 1e9) / 1e9),
        options: e.options.map((o) => ({ id: o.id, text: o.text.trim(), feedback: t(o.feedback) })),
      };
    case 'numeric':
      return {
        ...common,
        answers: e.answers.map((a) => ({
          value: a.value,
          tolerance: Math.max(Math.abs(a.tolerance ?? 0), Math.abs(a.value) * Math.abs(a.relative ?? 0)),
          score: a.score ?? 1,
          feedback: t(a.feedback),
        })),
        incorrect: t(e.feedback?.incorrect),
      };
    case 'open':
      return common;
  }
}

function roundTrip(exercises: readonly QuizExercise[]) {
  const { text, skipped } = formatGift(exercises);
  const back = parseGift(text, { lesson: '3.1' });
  return { text, skipped, back };
}

// Texts full of GIFT syntax, Markdown and backslashes; no CR (GIFT drops it) and no "->" (see format.ts).
const CHARS = [...'abcxyz AZ09.,?!', '~', '=', '#', '{', '}', ':', '\\', '\n', '%', '[', ']', '*', '/', '$', '-', '>', '`', '"', "'", 'é', '\t'];
const textOf = (chars: readonly string[]) =>
  fc
    .array(fc.constantFrom(...chars), { minLength: 1, maxLength: 30 })
    .map((cs) => cs.join(''))
    .filter((s) => s.trim() !== '' && !s.includes('->'));
const text = textOf([...CHARS, '_']).filter((s) => !/_{3,}/.test(s) && !/^\*+$/.test(s.trim()));
const promptText = textOf(CHARS);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const positive = fc.constantFrom(...MOODLE_FRACTIONS.filter((f) => f >= 0));
const anyFraction = fc.constantFrom(...MOODLE_FRACTIONS);
const tags = maybe(fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9 -]{0,8}[a-z0-9]$/), { minLength: 1, maxLength: 3 }));

const base = (kind: QuizExercise['kind']) =>
  fc.record({
    title: promptText,
    prompt: promptText,
    explanation: fc.oneof(fc.constant(''), promptText),
    tags,
  }).map((b) => ({ ...b, kind, lesson: '3.1', hints: [] as string[] }));

const fillIn: fc.Arbitrary<Omit<FillInExercise, 'id'>> = fc
  .record({
    b: base('fill-in'),
    after: fc.oneof(fc.constant(''), promptText.map((s) => ` ${s}`)),
    answers: fc.array(fc.record({ text, score: maybe(positive), feedback: maybe(text) }), { minLength: 1, maxLength: 4 }),
    incorrect: maybe(text),
  })
  .map(({ b, after, answers, incorrect }) => ({
    ...b,
    kind: 'fill-in' as const,
    prompt: `${b.prompt} ___${after}`,
    blanks: [{ answers: answers.map((a) => ({ text: a.text, ...(a.score !== undefined ? { score: a.score } : {}), ...(a.feedback ? { feedback: a.feedback } : {}) })) }],
    ...(incorrect ? { feedback: { incorrect } } : {}),
  }));

const trueFalse: fc.Arbitrary<Omit<TrueFalseExercise, 'id'>> = fc
  .record({ b: base('true-false'), answer: fc.boolean(), feedbackTrue: maybe(text), feedbackFalse: maybe(text) })
  .map(({ b, answer, feedbackTrue, feedbackFalse }) => ({
    ...b,
    kind: 'true-false' as const,
    answer,
    ...(feedbackTrue ? { feedbackTrue } : {}),
    ...(feedbackFalse ? { feedbackFalse } : {}),
  }));

const letters = 'ABCDEFGH';
const choice: fc.Arbitrary<Omit<ChoiceExercise, 'id'>> = fc
  .record({
    b: base('choice'),
    multiple: fc.boolean(),
    weighted: fc.boolean(),
    options: fc.array(fc.record({ text, correct: fc.boolean(), score: anyFraction, feedback: maybe(text) }), { minLength: 2, maxLength: 8 }),
    midBlank: fc.option(promptText, { nil: undefined }),
  })
  .map(({ b, multiple, weighted, options, midBlank }) => {
    const opts = options.map((o, i) => ({
      id: letters[i] as string,
      text: o.text,
      ...(o.correct || (!multiple && i === 0) ? { correct: true } : {}),
      ...(weighted ? { score: !multiple && i === 0 ? 1 : o.score } : {}),
      ...(o.feedback ? { feedback: o.feedback } : {}),
    }));
    return { ...b, kind: 'choice' as const, ...(midBlank ? { prompt: `${b.prompt} ___ ${midBlank}` } : {}), ...(multiple ? { multiple: true } : {}), options: opts };
  });

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
const numeric: fc.Arbitrary<Omit<NumericExercise, 'id'>> = fc
  .record({
    b: base('numeric'),
    answers: fc.array(
      fc.record({ value: finite, tolerance: maybe(fc.double({ noNaN: true, min: 0, max: 1e6 })), relative: maybe(fc.double({ noNaN: true, min: 0, max: 1 })), score: maybe(positive), feedback: maybe(text) }),
      { minLength: 1, maxLength: 3 },
    ),
    incorrect: maybe(text),
  })
  .map(({ b, answers, incorrect }) => ({
    ...b,
    kind: 'numeric' as const,
    answers: answers.map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined && v !== '')) as unknown as NumericExercise['answers'][number]),
    ...(incorrect ? { feedback: { incorrect } } : {}),
  }));

const open: fc.Arbitrary<Omit<OpenExercise, 'id'>> = base('open').map((b) => ({ ...b, kind: 'open' as const, modelAnswer: 'Layers are shared.', rubric: { concepts: [] } }));

const exercises = fc
  .array(fc.oneof(fillIn, trueFalse, choice, numeric, open), { minLength: 1, maxLength: 6 })
  .map((list) => list.map((e, i) => ({ ...e, id: `3.1/q-${i + 1}` }) as QuizExercise));

describe('GIFT round trip', () => {
  it('parseGift(formatGift(x)) grades like x, for generated exercises of every quiz kind', () => {
    fc.assert(
      fc.property(exercises, (list) => {
        const { skipped, back, text } = roundTrip(list);
        expect(skipped, text).toEqual([]);
        expect(back.issues.filter((i) => i.severity === 'error'), text).toEqual([]);
        expect(back.exercises.map(graded), text).toEqual(list.map(graded));
      }),
      { numRuns: 300 },
    );
  });

  it('a hand-written Moodle-style file survives import → export → import unchanged', () => {
    const gift = [
      '// Lesson 3.1, written for Moodle',
      '::Default registry::The default registry for images is {=Docker Hub =docker.io =%50%hub.docker.com#That is the website ####docker.io is implied when no registry is named.}.',
      '',
      '::Flatten::Which command writes a container filesystem as one tarball?{',
      '  =docker export#Right',
      '  ~docker save#That writes images with their layers',
      '  ~%-50%docker commit',
      '####export flattens; save keeps layers and tags.',
      '}',
      '',
      '::Keeps tags::Which keep tags and history?{~%50%docker save ~%50%docker load ~%-100%docker export ####save and load are a pair.}',
      '',
      '::Layers::Every RUN instruction adds a layer.{TRUE#It does\\: one per RUN#Yes####RUN, COPY and ADD make layers.}',
      '',
      '::Size::How many MiB are 2 GiB?{#=%100%2048:0#Right =%50%2000..2100#Close ~#1 GiB is 1024 MiB####Binary units.}',
      '',
      '::Explain::Explain how layers are shared between images.{####Identical layers are stored once.}',
    ].join('\n');
    const first = parseGift(gift, { lesson: '3.1' });
    expect(first.exercises).toHaveLength(6);
    const second = parseGift(formatGift(first.exercises).text, { lesson: '3.1' });
    expect(second.exercises).toEqual(first.exercises);
  });
});
