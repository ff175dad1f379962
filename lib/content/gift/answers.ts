import type { AcceptedAnswer, ChoiceOption, FeedbackTexts, NumericAnswer } from '../exercise-types';
import { readWeight } from './fractions';
import { asPlain, type GiftFormat, restore, splitFormat } from './text';

/**
 * The answer part of a GIFT question (between the braces, general feedback already taken off),
 * read the way Moodle's `qformat_gift::readquestion` reads it. The text is "protected": escaped
 * characters are placeholders, so every `=`, `~`, `#` and `:` seen here is syntax.
 */
export interface AnswerContext {
  /** The question text's format, the default of every answer and feedback. */
  readonly format: GiftFormat;
  warn(message: string): void;
  error(message: string): void;
}

/** A protected text as a plain field: its own `[format]` first, placeholders restored. */
export function plainField(text: string, ctx: AnswerContext): string {
  const { format, text: body } = splitFormat(text.trim(), ctx.format);
  return asPlain(restore(body), format);
}

/** Moodle's `commentparser`: the answer, and the feedback after the first `#`. */
function splitFeedback(text: string, ctx: AnswerContext): { text: string; feedback?: string } {
  const hash = text.indexOf('#');
  if (hash < 0) return { text: plainField(text, ctx) };
  const feedback = plainField(text.slice(hash + 1), ctx);
  return feedback === '' ? { text: plainField(text.slice(0, hash), ctx) } : { text: plainField(text.slice(0, hash), ctx), feedback };
}

/** Split on a separator the way Moodle does: a blank first piece (text before the first marker) is dropped. */
function pieces(text: string, separator: string): string[] {
  const parts = text.split(separator).map((p) => p.trim());
  if (parts[0] === '') parts.shift();
  return parts;
}

function weightOf(text: string, fallback: number, ctx: AnswerContext): { fraction: number; rest: string } {
  const weight = readWeight(text);
  if (weight.clamped !== undefined) ctx.warn(`weight ${weight.clamped} is outside -100%..100%: clamped to ${Math.round((weight.fraction ?? 0) * 100)}%`);
  return { fraction: weight.fraction ?? fallback, rest: weight.rest };
}

const isCatchAll = (text: string) => /^\*+$/.test(text);

/** `{=a =%50%b#close}` → the blank's accepted answers; a last `*` worth 0 with feedback becomes the "incorrect" feedback. */
export function readShortAnswer(answerText: string, ctx: AnswerContext): { answers: AcceptedAnswer[]; feedback?: FeedbackTexts } | null {
  const answers: AcceptedAnswer[] = [];
  for (const piece of pieces(answerText, '=')) {
    const weighted = weightOf(piece, 1, ctx);
    let fraction = weighted.fraction;
    if (fraction < 0) {
      ctx.warn(`a short answer cannot take away marks: ${Math.round(fraction * 100)}% read as 0%`);
      fraction = 0;
    }
    const { text, feedback } = splitFeedback(weighted.rest, ctx);
    if (text === '') {
      ctx.warn('an empty answer was left out');
      continue;
    }
    answers.push({ text, ...(fraction !== 1 ? { score: fraction } : {}), ...(feedback !== undefined ? { feedback } : {}) });
  }
  if (answers.length === 0) {
    ctx.error('a short answer needs at least one answer: {=answer}');
    return null;
  }
  const last = answers[answers.length - 1] as AcceptedAnswer;
  if (answers.length > 1 && isCatchAll(last.text) && (last.score ?? 1) === 0 && last.feedback !== undefined) {
    return { answers: answers.slice(0, -1), feedback: { incorrect: last.feedback } };
  }
  return { answers };
}

/** The learner's letter for the n-th option: A…Z, then AA, AB, … */
export function optionLetter(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

/**
 * `{=right ~wrong ~%50%half}`: single answer when any `=` is present, else several answers with
 * the weights on `~`. Options get letters in file order.
 */
export function readChoices(answerText: string, ctx: AnswerContext): { multiple: boolean; options: ChoiceOption[] } | null {
  const multiple = !answerText.includes('=');
  const read: { text: string; fraction: number; feedback?: string }[] = [];
  for (const piece of pieces(answerText.replace(/=/g, '~='), '~')) {
    let fraction: number;
    let rest: string;
    if (piece.startsWith('=')) {
      fraction = 1;
      rest = piece.slice(1);
      if (/^\s*%-?\d/.test(rest)) ctx.warn(`"=${rest.trim().split(/\s/)[0] ?? ''}": after "=" a weight is read as text (Moodle gives "=" full marks); write "~%50%" for a partial answer`);
    } else {
      ({ fraction, rest } = weightOf(piece, 0, ctx));
    }
    const { text, feedback } = splitFeedback(rest, ctx);
    if (text === '') {
      ctx.warn('an empty option was left out');
      continue;
    }
    read.push({ text, fraction, ...(feedback !== undefined ? { feedback } : {}) });
  }
  if (read.length < 2) {
    ctx.error('a multiple-choice question needs at least two options');
    return null;
  }
  const weighted = multiple || read.some((o) => o.fraction !== 0 && o.fraction !== 1);
  const options = read.map((o, i): ChoiceOption => {
    const correct = multiple ? o.fraction > 0 : o.fraction >= 1;
    return {
      id: optionLetter(i),
      text: o.text,
      ...(correct ? { correct: true } : {}),
      ...(weighted && o.fraction !== 0 ? { score: o.fraction } : {}),
      ...(o.feedback !== undefined ? { feedback: o.feedback } : {}),
    };
  });
  if (multiple) {
    const total = read.reduce((sum, o) => sum + Math.max(0, o.fraction), 0);
    if (Math.abs(total - 1) > 0.005) ctx.warn(`the positive weights add up to ${Math.round(total * 1000) / 10}%, not 100% (Moodle refuses such a question)`);
  }
  if (weighted && options.every((o) => o.score === undefined)) {
    // Every weight was 0: keep the question weighted so no option counts as right by default.
    return { multiple, options: options.map((o, i) => (i === 0 ? { ...o, score: 0 } : o)) };
  }
  return { multiple, options };
}

/** `{T}` `{FALSE#shown on a wrong answer#shown on a right one}` (Moodle's `split_truefalse_comment`). */
export function readTrueFalse(answerText: string, ctx: AnswerContext): { answer: boolean; feedbackTrue?: string; feedbackFalse?: string } {
  const first = answerText.indexOf('#');
  const word = first < 0 ? answerText : answerText.slice(0, first);
  const tail = first < 0 ? '' : answerText.slice(first + 1);
  const second = tail.indexOf('#');
  const wrong = plainField(second < 0 ? tail : tail.slice(0, second), ctx);
  const right = second < 0 ? '' : plainField(tail.slice(second + 1), ctx);
  const answer = word.trim().startsWith('T');
  const feedbackTrue = answer ? right : wrong;
  const feedbackFalse = answer ? wrong : right;
  return { answer, ...(feedbackTrue !== '' ? { feedbackTrue } : {}), ...(feedbackFalse !== '' ? { feedbackFalse } : {}) };
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function numberOf(text: string): number | null {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : null;
}

/**
 * `{#2048:0}` `{#1..5}` `{#=%100%2048:0 =%50%2000:48#close ~#anything else}`: a value with a
 * tolerance, a range (its midpoint ± half its width), several graded answers; `~#text` is the
 * feedback for any other answer.
 */
export function readNumeric(answerText: string, ctx: AnswerContext): { answers: NumericAnswer[]; feedback?: FeedbackTexts } | null {
  let body = answerText.slice(1);
  let incorrect: string | undefined;
  const tilde = body.indexOf('~');
  if (tilde >= 0) {
    const wrong = body.slice(tilde + 1);
    body = body.slice(0, tilde);
    const hash = wrong.indexOf('#');
    if (hash < 0) ctx.warn(`"~${restore(wrong).trim()}" is not feedback: write "~#feedback for any other answer"`);
    else incorrect = plainField(wrong.slice(hash + 1), ctx) || undefined;
  }
  const answers: NumericAnswer[] = [];
  for (const piece of pieces(body, '=')) {
    const { fraction: weight, rest } = weightOf(piece, 1, ctx);
    const hash = rest.indexOf('#');
    const spec = restore(hash < 0 ? rest : rest.slice(0, hash)).trim();
    const feedback = hash < 0 ? '' : plainField(rest.slice(hash + 1), ctx);
    if (spec === '*') {
      if (weight === 0 && feedback !== '') incorrect ??= feedback;
      else ctx.warn('a numeric "*" answer that gives marks has no Layerlab form: left out');
      continue;
    }
    let value: number | null;
    let tolerance: number | null;
    const range = spec.indexOf('..');
    const colon = spec.indexOf(':');
    if (range > 0) {
      const min = numberOf(spec.slice(0, range));
      const max = numberOf(spec.slice(range + 2));
      value = min === null || max === null ? null : (min + max) / 2;
      tolerance = min === null || max === null ? null : Math.abs(max - min) / 2;
    } else if (colon > 0) {
      value = numberOf(spec.slice(0, colon));
      tolerance = numberOf(spec.slice(colon + 1));
    } else {
      value = numberOf(spec);
      tolerance = 0;
    }
    if (value === null || tolerance === null) {
      ctx.error(`"${spec}" is not a number, number:tolerance or min..max`);
      return null;
    }
    const fraction = Math.max(0, weight);
    if (weight < 0) ctx.warn(`a numeric answer cannot take away marks: ${Math.round(weight * 100)}% read as 0%`);
    answers.push({
      value,
      ...(tolerance !== 0 ? { tolerance: Math.abs(tolerance) } : {}),
      ...(fraction !== 1 ? { score: fraction } : {}),
      ...(feedback !== '' ? { feedback } : {}),
    });
  }
  if (answers.length === 0) {
    ctx.error('a numeric question needs at least one answer: {#value:tolerance}');
    return null;
  }
  return incorrect === undefined ? { answers } : { answers, feedback: { incorrect } };
}
