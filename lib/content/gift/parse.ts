import { countBlanks, type ChoiceExercise, type FillInExercise, type NumericExercise, type OpenExercise, type QuizExercise, type TrueFalseExercise } from '../exercise-types';
import { type AnswerContext, readChoices, readNumeric, readShortAnswer, readTrueFalse } from './answers';
import { type GiftBlock, readMarks, splitBlocks } from './blocks';
import { asMarkdown, type GiftFormat, PLACEHOLDER_RANGE, protect, restore, splitFormat, titleFrom } from './text';

/**
 * GIFT import (Moodle's plain-text question format) into Layerlab quiz exercises, following
 * Moodle's own importer (`question/format/gift/format.php`): short answer → fill-in, multiple
 * choice (one or several answers) → choice, true/false, numerical → numeric, essay → open (without
 * a rubric, which GIFT cannot hold). Matching, description and embedded-answer (Cloze) questions
 * have no Layerlab form: each is reported with its line, never dropped silently.
 */

export interface GiftIssue {
  /** 1-based line of the question (its first line that is not a comment). */
  readonly line: number;
  readonly message: string;
  /** `error`: the question was not imported; `warning`: imported, but look at it. */
  readonly severity: 'error' | 'warning';
}

export interface ParseGiftOptions {
  /** Lesson the questions belong to (`3.1`); ids are `<lesson>/<name>`. */
  readonly lesson: string;
  /** Name stem of generated ids: `<lesson>/<idPrefix>-N` (default `gift`). */
  readonly idPrefix?: string;
}

export interface ParseGiftResult {
  readonly exercises: QuizExercise[];
  readonly issues: GiftIssue[];
}

type Body<T> = Omit<T, 'id' | 'lesson' | 'title' | 'hints' | 'tags'>;
type QuizBody = Body<FillInExercise> | Body<TrueFalseExercise> | Body<ChoiceExercise> | Body<NumericExercise> | Body<OpenExercise>;

interface Draft {
  readonly line: number;
  /** `::name::`, escapes undone; undefined when the question has none. */
  readonly name?: string;
  readonly markedId?: string;
  readonly tags: readonly string[];
  readonly body: QuizBody;
}

/** An id as the course writes them (lib/content's `exerciseIdSchema`): `3.1/fill-1`. */
const ID = /^\d+(?:\.\d+)*\/[a-z0-9][a-z0-9-]*$/;
const TRUE_FALSE = new Set(['T', 'TRUE', 'F', 'FALSE']);
const CLOZE = /^\d*:(?:SHORTANSWER|SA|MW|SHORTANSWER_C|SAC|MWC|NUMERICAL|NM|MULTICHOICE\w*|MC\w*|MULTIRESPONSE\w*|MR\w*):/;

export function parseGift(source: string, options: ParseGiftOptions): ParseGiftResult {
  const issues: GiftIssue[] = [];
  const drafts: Draft[] = [];
  for (const block of splitBlocks(source)) {
    const draft = readBlock(block, issues);
    if (draft !== null) drafts.push(draft);
  }
  const unexplained = drafts.filter((d) => d.body.explanation === '');
  const first = unexplained[0];
  if (first !== undefined) {
    const lines = unexplained.map((d) => d.line).join(', ');
    issues.push({
      line: first.line,
      message: `${unexplained.length === 1 ? 'a question has' : `${unexplained.length} questions have`} no general feedback (####…), so no explanation: write one before saving (line${unexplained.length === 1 ? '' : 's'} ${lines})`,
      severity: 'warning',
    });
  }
  return { exercises: assignIds(drafts, options, issues), issues: issues.sort((a, b) => a.line - b.line) };
}

function readBlock(block: GiftBlock, issues: GiftIssue[]): Draft | null {
  const report = (severity: GiftIssue['severity']) => (message: string) => issues.push({ line: block.line, message, severity });
  const warn = report('warning');
  const error = report('error');
  if (block.text === '') return null;
  let raw = block.text;
  if (/[\uE000-\uE006]/.test(raw)) {
    warn('private-use characters U+E000..U+E006 were removed');
    raw = raw.replace(PLACEHOLDER_RANGE, '');
  }
  let text = protect(raw);
  if (/^\$CATEGORY:/.test(text)) return null;

  let name: string | undefined;
  if (text.startsWith('::')) {
    const close = text.indexOf('::', 2);
    if (close < 0) {
      warn('the title has no closing "::"; read as part of the question');
      text = text.slice(2).trim();
    } else {
      name = restore(text.slice(2, close)).replace(/\s+/g, ' ').trim();
      text = text.slice(close + 2).trim();
    }
  }

  const start = text.indexOf('{');
  const end = text.indexOf('}');
  if (start < 0 && end < 0) {
    error(`description${name ? ` "${name}"` : ''} (text without an answer block) is not supported: Layerlab imports graded questions only`);
    return null;
  }
  if (start < 0 || end < 0 || end < start) {
    error('unbalanced braces: the answers go between "{" and "}" (write \\{ and \\} for literal braces)');
    return null;
  }
  const before = text.slice(0, start);
  const after = text.slice(end + 1);
  if (after.includes('{') || after.includes('}')) {
    error('more than one answer block: a GIFT question has one {…} (escape literal braces as \\{ \\})');
    return null;
  }
  let answerText = text.slice(start + 1, end).trim();
  let general = '';
  const gf = answerText.lastIndexOf('####');
  if (gf >= 0) {
    general = answerText.slice(gf + 4);
    answerText = answerText.slice(0, gf).trim();
  }

  const { format, text: lead } = splitFormat(before, 'moodle');
  const ctx: AnswerContext = { format, warn, error };
  const explanation = general.trim() === '' ? '' : markdownField(general, format);
  const missingWord = after.trim() !== '';
  const promptWithBlank = () => `${markdownPart(lead, format, 'end')}___${markdownPart(after, format, 'start')}`.trim();
  const prompt = missingWord ? promptWithBlank() : asMarkdown(restore(lead), format);
  const marks = readMarks(block.comments);
  const draft = (body: QuizBody): Draft => ({
    line: block.line,
    ...(name !== undefined && name !== '' ? { name } : {}),
    ...(marks.id !== undefined ? { markedId: marks.id } : {}),
    tags: marks.tags,
    body,
  });

  if (CLOZE.test(answerText)) {
    error('embedded answers ({1:SHORTANSWER:…}, Moodle "Cloze") are not GIFT and are not supported');
    return null;
  }
  if (answerText === '') {
    warn('essay imported as an open question without a rubric: add rubric.concepts and a modelAnswer before saving, or the keyword check has nothing to look for');
    return draft({ kind: 'open', prompt, explanation, rubric: { concepts: [] }, modelAnswer: '' });
  }
  if (answerText.startsWith('#')) {
    const read = readNumeric(answerText, ctx);
    return read === null ? null : draft({ kind: 'numeric', prompt, explanation, ...read });
  }
  if (answerText.includes('~')) {
    const read = readChoices(answerText, ctx);
    return read === null ? null : draft({ kind: 'choice', prompt, explanation, ...(read.multiple ? { multiple: true } : {}), options: read.options });
  }
  if (answerText.includes('=') && answerText.includes('->')) {
    error('matching questions ({=item -> match …}) are not supported: Layerlab has no matching type');
    return null;
  }
  const hash = answerText.indexOf('#');
  const word = (hash > 0 ? answerText.slice(0, hash) : answerText).trim();
  if (TRUE_FALSE.has(word)) {
    return draft({ kind: 'true-false', prompt, explanation, ...readTrueFalse(answerText, ctx) });
  }
  if (TRUE_FALSE.has(word.toUpperCase())) {
    warn(`{${word}} is read as a short answer: true/false is written {T}, {TRUE}, {F} or {FALSE}`);
  }
  const read = readShortAnswer(answerText, ctx);
  if (read === null) return null;
  const fillPrompt = missingWord || countBlanks(prompt) > 0 ? prompt : blankAtEnd(prompt);
  const blanks = countBlanks(fillPrompt);
  if (blanks !== 1) {
    error(`the question text has ${blanks} blanks (___) but a GIFT short answer has one answer box`);
    return null;
  }
  return draft({ kind: 'fill-in', prompt: fillPrompt, explanation, blanks: [{ answers: read.answers }], ...(read.feedback ? { feedback: read.feedback } : {}) });
}

/** A whole Markdown field: its own `[format]` first. */
function markdownField(text: string, fallback: GiftFormat): string {
  const { format, text: body } = splitFormat(text, fallback);
  return asMarkdown(restore(body), format);
}

/** One side of a missing-word blank: converted, keeping the space that separates it from the blank. */
function markdownPart(text: string, format: GiftFormat, side: 'start' | 'end'): string {
  const converted = asMarkdown(restore(text), format);
  if (converted === '') return '';
  const spaced = side === 'end' ? /\s$/.test(text) : /^\s/.test(text);
  return side === 'end' ? `${converted}${spaced ? ' ' : ''}` : `${spaced ? ' ' : ''}${converted}`;
}


/** A short answer whose braces end the question: the blank goes after the text. */
function blankAtEnd(prompt: string): string {
  return prompt === '' ? '___' : `${prompt} ___`;
}

function assignIds(drafts: readonly Draft[], options: ParseGiftOptions, issues: GiftIssue[]): QuizExercise[] {
  const { lesson } = options;
  const stem = (options.idPrefix ?? 'gift').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'gift';
  const wanted = drafts.map((d) => {
    const candidate = [d.markedId, d.name].find((c) => c !== undefined && ID.test(c));
    if (candidate === undefined) return undefined;
    if (!candidate.startsWith(`${lesson}/`)) {
      issues.push({ line: d.line, message: `id ${candidate} is not in lesson ${lesson}: a new id is given`, severity: 'warning' });
      return undefined;
    }
    return candidate;
  });
  const taken = new Set<string>();
  const explicit = new Set(wanted.filter((id): id is string => id !== undefined));
  let counter = 0;
  const next = () => {
    let id: string;
    do id = `${lesson}/${stem}-${++counter}`;
    while (taken.has(id) || explicit.has(id));
    return id;
  };
  return drafts.map((d, i) => {
    let id = wanted[i];
    if (id !== undefined && taken.has(id)) {
      issues.push({ line: d.line, message: `id ${id} is used by an earlier question: a new id is given`, severity: 'warning' });
      id = undefined;
    }
    id ??= next();
    taken.add(id);
    const nameIsId = d.name !== undefined && ID.test(d.name);
    const title = d.name !== undefined && !nameIsId ? d.name : titleFrom(d.body.prompt.replace(/\s*_{3,}\s*$/, '').replace(/_{3,}/g, '…'), `Question ${i + 1}`);
    return { ...d.body, id, lesson, title, hints: [], ...(d.tags.length > 0 ? { tags: d.tags } : {}) } as QuizExercise;
  });
}
