import { normalizeAnswer, words } from './normalize';
import { canonicalCommand, canonicalPhrase, SHARED_SYNONYMS } from './synonyms';
import { isCommandLine, isLiteralWord, isSlip } from './typo';
import type { AcceptedAnswer, Blank, BlankResult, FillInQuestion, GradeResult, MatchHow, SynonymTable } from './types';
import { pointsOf, roundScore } from './score';

/**
 * Fill-in (Moodle short answer + H5P Blanks, grading-and-authoring §1.1, §5.5). Per blank the
 * accepted answers are tried in author order, first match wins, in three passes so a later
 * exact answer beats an earlier one reached only through a slip, and a catch-all `*` comes last:
 *   1. exact, synonym (shared table + the question's + the blank's), command canonical form,
 *      or a wildcard pattern;
 *   2. a spelling slip (word by word, H5P's lengths; never for literal words or command lines);
 *   3. the catch-all `*` answers (usually score 0 with feedback).
 */

interface Candidate {
  readonly answer: AcceptedAnswer;
  readonly text: string;
  readonly caseSensitive: boolean;
  readonly typos: boolean;
}

const isCatchAll = (text: string) => /^\*+$/.test(text.trim());
const hasWildcard = (text: string) => /(^|[^\\])\*/.test(text);

/** Moodle's `compare_string_with_wildcard`: runs of unescaped `*` become `.*`, anchored, Unicode. */
function wildcardRegex(pattern: string, caseSensitive: boolean): RegExp {
  const pieces = pattern.split(/(?<!\\)\*+/).map((piece) => piece.replace(/\\\*/g, '*').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${pieces.join('.*')}$`, caseSensitive ? 'u' : 'iu');
}

function matchStrict(candidate: Candidate, response: string, tables: readonly SynonymTable[]): MatchHow | null {
  const { text, caseSensitive } = candidate;
  if (hasWildcard(text)) return wildcardRegex(text, caseSensitive).test(response) ? 'wildcard' : null;
  if (response === text.replace(/\\\*/g, '*')) return 'exact';
  if (isCommandLine(text)) return canonicalCommand(response, tables) === canonicalCommand(text, tables) ? 'synonym' : null;
  // Synonym tables are lower case; in a case-sensitive question only a different phrase counts.
  const folded = response.toLowerCase();
  const target = text.toLowerCase();
  if (folded === target) return null;
  return canonicalPhrase(folded, tables) === canonicalPhrase(target, tables) ? 'synonym' : null;
}

/** Word by word: same number of words, each equal or (for a natural word) within its slip allowance. */
function matchSlip(candidate: Candidate, response: string, original: string): boolean {
  if (!candidate.typos || isCommandLine(candidate.text) || hasWildcard(candidate.text)) return false;
  const expected = words(candidate.text);
  const actual = words(response);
  const written = words(normalizeAnswer(original, true));
  if (expected.length !== actual.length || expected.length === 0) return false;
  return expected.every((word, i) => {
    const got = actual[i] as string;
    if (word === got) return true;
    if (isLiteralWord(word, written[i] ?? word) || isLiteralWord(got)) return false;
    return isSlip(word, got);
  });
}

export function gradeBlank(blank: Blank, question: FillInQuestion, raw: string, index: number): BlankResult & { feedback?: string; slipOf?: string } {
  const tables = [blank.synonyms ?? [], question.synonyms ?? [], SHARED_SYNONYMS];
  const candidates: Candidate[] = blank.answers.map((answer) => {
    const caseSensitive = answer.caseSensitive ?? blank.caseSensitive ?? question.caseSensitive ?? false;
    const typos = (answer.typos ?? blank.typos ?? question.typos ?? 'auto') === 'auto';
    return { answer, text: normalizeAnswer(answer.text, caseSensitive), caseSensitive, typos };
  });
  const responseOf = (c: Candidate) => normalizeAnswer(raw, c.caseSensitive);
  const result = (c: Candidate, how: MatchHow) => {
    const fraction = Math.min(1, Math.max(0, c.answer.score ?? 1));
    return {
      index,
      response: normalizeAnswer(raw, true),
      matched: c.answer.text,
      how,
      fraction,
      ...(c.answer.feedback !== undefined ? { feedback: c.answer.feedback } : {}),
      ...(how === 'typo' ? { slipOf: c.answer.text } : {}),
    };
  };
  const empty = normalizeAnswer(raw) === '';
  if (!empty) {
    for (const c of candidates) {
      if (isCatchAll(c.text)) continue;
      const how = matchStrict(c, responseOf(c), tables);
      if (how !== null) return result(c, how);
    }
    for (const c of candidates) {
      if (!isCatchAll(c.text) && matchSlip(c, responseOf(c), raw)) return result(c, 'typo');
    }
  }
  // An empty answer is wrong (edX) but still gets the catch-all's feedback.
  for (const c of candidates) if (isCatchAll(c.text)) return { ...result(c, 'wildcard'), ...(empty ? { fraction: 0 } : {}) };
  return { index, response: normalizeAnswer(raw, true), matched: null, how: null, fraction: 0 };
}

/** The responses for each blank: an array, or one string split on `|` or newlines for several blanks. */
export function splitBlanks(response: string | readonly string[], count: number): string[] {
  if (typeof response !== 'string') return Array.from({ length: count }, (_, i) => response[i] ?? '');
  if (count <= 1) return [response];
  const parts = response.split(/\s*(?:\||\r?\n)\s*/);
  return Array.from({ length: count }, (_, i) => parts[i] ?? '');
}

export function gradeFillIn(question: FillInQuestion, response: string | readonly string[]): GradeResult {
  const max = pointsOf(question);
  const responses = splitBlanks(response, question.blanks.length);
  const results = question.blanks.map((blank, i) => gradeBlank(blank, question, responses[i] ?? '', i));
  const weights = question.blanks.map((b) => Math.max(0, b.weight ?? 1));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const fraction = results.reduce((sum, r, i) => sum + r.fraction * (weights[i] ?? 0), 0) / total;
  const feedback: string[] = [];
  const several = results.length > 1;
  for (const r of results) {
    const where = several ? `Blank ${r.index + 1}: ` : '';
    if (r.slipOf !== undefined) feedback.push(`${where}accepted with a spelling slip; it is spelled "${r.slipOf}".`);
    if (r.feedback !== undefined) feedback.push(`${where}${r.feedback}`);
    else if (r.matched === null && several) feedback.push(`${where}not accepted.`);
  }
  const texts = question.feedback ?? {};
  const verdict = fraction >= 1 ? texts.correct : fraction > 0 ? texts.partial : (texts.incorrect ?? (results.every((r) => r.feedback === undefined) ? 'Not accepted.' : undefined));
  if (verdict !== undefined) feedback.push(verdict);
  const blanks: BlankResult[] = results.map(({ index, response: r, matched, how, fraction: f }) => ({ index, response: r, matched, how, fraction: f }));
  return { id: question.id, kind: 'fill-in', score: roundScore(fraction * max), max, passed: fraction >= 1, feedback, blanks };
}
