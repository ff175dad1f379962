import { MAX_ANSWER_CHARS } from '../normalize';
import { clamp, pointsOf, roundScore } from '../score';
import type { ConceptHit, GradeResult, OpenQuestion, Rubric, RubricConcept, RubricMisconception, SynonymTable } from '../types';
import { compilePhrase, matchedWords, matchPhrase, type CompiledPhrase } from './phrase';
import { analyzeText, FUNCTION_WORDS, type AnalyzedText, type Token } from './text';

/**
 * Open answers: a keyword check against a rubric (grading-and-authoring §3, §5.3). Score = the
 * points of the concepts found (not negated) minus the misconceptions found, clamped to
 * [0, max]; an answer with no sentence structure (a keyword list) is capped at a fifth, one
 * below the minimum length at (words / minimum). The page shows it as "keyword check x/y" beside the model
 * answer: a guide, not a verdict.
 */

/** Words folded together in every rubric (spelling variants of the same term). */
export const SHARED_OPEN_SYNONYMS: SynonymTable = [
  ['multi-stage', 'multistage', 'multi stage', 'multiple stages', 'several stages', 'two stages', 'two-stage'],
  ['read-only', 'readonly', 'read only'],
  ['dockerignore', '.dockerignore', 'docker ignore', 'dockerignore file'],
  ['base', 'parent'],
  ['tar', 'tarball', 'tar file', 'tar archive', 'archive'],
];

const STUFFED_CAP = 0.2;

interface Found {
  readonly phrase: string;
  readonly negated: boolean;
}

interface CompiledRule {
  readonly any: readonly CompiledPhrase[];
  readonly all: readonly (readonly CompiledPhrase[])[];
}

const compiled = new WeakMap<RubricConcept | RubricMisconception, CompiledRule>();

function compileRule(rule: RubricConcept | RubricMisconception): CompiledRule {
  let hit = compiled.get(rule);
  if (hit === undefined) {
    hit = { any: (rule.any ?? []).map(compilePhrase), all: (rule.all ?? []).map((group) => group.map(compilePhrase)) };
    compiled.set(rule, hit);
  }
  return hit;
}

/** The best evidence for a rule: a plain match if there is one, else a negated one, else none. */
function findRule(rule: CompiledRule, text: AnalyzedText): Found | null {
  let negated: Found | null = null;
  for (const tokens of text.sentences) {
    for (const phrase of rule.any) {
      for (const m of matchPhrase(phrase, tokens)) {
        if (!m.negated) return { phrase: matchedWords(tokens, m), negated: false };
        negated ??= { phrase: matchedWords(tokens, m), negated: true };
      }
    }
    if (rule.all.length > 0) {
      const groups = rule.all.map((group) => group.flatMap((phrase) => matchPhrase(phrase, tokens)));
      if (groups.every((ms) => ms.length > 0)) {
        const picks = groups.map((ms) => ms.find((m) => !m.negated) ?? (ms[0] as (typeof ms)[number]));
        const words = picks.map((m) => matchedWords(tokens, m)).join(' … ');
        if (picks.every((m) => !m.negated)) return { phrase: words, negated: false };
        negated ??= { phrase: words, negated: true };
      }
    }
  }
  return negated;
}

/**
 * A keyword list rather than sentences: many one-word comma items, or a long run of words with
 * almost no function words ("layers cache sharing read-only hash ...").
 */
export function looksStuffed(text: AnalyzedText): boolean {
  const words = text.sentences.flat().filter((t) => !/^[,;:()]$/.test(t.text));
  if (words.length < 5) return false;
  const functionShare = words.filter((t) => FUNCTION_WORDS.has(t.text)).length / words.length;
  const items: Token[][] = [];
  for (const sentence of text.sentences) {
    let item: Token[] = [];
    for (const token of sentence) {
      if (/^[,;:()]$/.test(token.text)) {
        if (item.length > 0) items.push(item);
        item = [];
      } else item.push(token);
    }
    if (item.length > 0) items.push(item);
  }
  const singles = items.filter((item) => item.length <= 2).length;
  if (items.length >= 5 && singles / items.length >= 0.6 && functionShare < 0.15) return true;
  return words.length >= 8 && functionShare < 0.08;
}

export function maxOfRubric(rubric: Rubric): number {
  const sum = rubric.concepts.reduce((total, c) => total + Math.max(0, c.points), 0);
  return rubric.max ?? sum;
}

export interface RubricScore {
  /** Fraction 0..1 of the rubric's maximum. */
  readonly fraction: number;
  readonly found: ConceptHit[];
  readonly missing: ConceptHit[];
  readonly negated: ConceptHit[];
  readonly misconceptions: ConceptHit[];
  readonly stuffed: boolean;
  readonly tooShort: boolean;
  readonly tooLong: boolean;
  readonly truncated: boolean;
  readonly feedback: string[];
}

export function scoreRubric(rubric: Rubric, answer: string): RubricScore {
  const truncated = answer.length > MAX_ANSWER_CHARS;
  const text = analyzeText(answer, [rubric.synonyms ?? [], SHARED_OPEN_SYNONYMS]);
  const found: ConceptHit[] = [];
  const missing: ConceptHit[] = [];
  const negated: ConceptHit[] = [];
  const misconceptions: ConceptHit[] = [];
  const feedback: string[] = [];
  for (const concept of rubric.concepts) {
    const hit = findRule(compileRule(concept), text);
    const base = { id: concept.id, label: concept.label, points: concept.points };
    if (hit !== null && !hit.negated) {
      found.push({ ...base, phrase: hit.phrase });
      if (concept.feedbackFound !== undefined) feedback.push(concept.feedbackFound);
      continue;
    }
    missing.push(base);
    if (hit !== null) {
      negated.push({ ...base, phrase: hit.phrase });
      feedback.push(`You wrote "${hit.phrase}", which says the opposite of: ${concept.label}. Check it.`);
    } else feedback.push(concept.feedbackMissed ?? `Not found: ${concept.label}.`);
  }
  for (const rule of rubric.misconceptions ?? []) {
    const hit = findRule(compileRule(rule), text);
    if (hit === null || hit.negated) continue;
    misconceptions.push({ id: rule.id, label: rule.label, points: -Math.abs(rule.points), phrase: hit.phrase });
    feedback.push(rule.feedback);
  }
  const max = maxOfRubric(rubric);
  const raw = found.reduce((s, c) => s + c.points, 0) + misconceptions.reduce((s, c) => s + c.points, 0);
  let fraction = max > 0 ? clamp(raw / max, 0, 1) : 0;
  const stuffed = looksStuffed(text);
  if (stuffed && fraction > STUFFED_CAP) {
    fraction = STUFFED_CAP;
    feedback.push('This reads as a list of keywords: explain in sentences how the ideas connect.');
  }
  const { min, max: maxWords } = rubric.words ?? {};
  const tooShort = min !== undefined && text.wordCount < min;
  const tooLong = (maxWords !== undefined && text.wordCount > maxWords) || truncated;
  if (text.wordCount === 0) feedback.unshift('The answer is empty.');
  else if (tooShort) {
    // Below the minimum the cap ramps with the length: 5 of 20 words can earn at most a quarter.
    fraction = Math.min(fraction, text.wordCount / (min as number));
    feedback.push(`The answer is short (${text.wordCount} words; aim for at least ${min}).`);
  }
  if (tooLong) feedback.push(`The answer is long (${truncated ? `over ${MAX_ANSWER_CHARS} characters; only the start was read` : `${text.wordCount} words; aim for at most ${maxWords}`}): keep to what the question asks.`);
  return { fraction, found, missing, negated, misconceptions, stuffed, tooShort, tooLong, truncated, feedback };
}

export function gradeOpen(question: OpenQuestion, response: string): GradeResult {
  const max = pointsOf(question);
  const result = scoreRubric(question.rubric, response);
  const score = roundScore(result.fraction * max);
  const pass = question.pass ?? 0.6;
  const total = question.rubric.concepts.length;
  const feedback = [`Keyword check: ${result.found.length}/${total} concepts.`, ...result.feedback];
  return {
    id: question.id,
    kind: 'open',
    score,
    max,
    passed: result.fraction >= pass,
    feedback,
    concepts: { found: result.found, missing: result.missing, negated: result.negated, misconceptions: result.misconceptions },
  };
}
