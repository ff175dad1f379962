import { stemmer } from 'stemmer';
import { isLiteralWord, isSlip } from '../typo';
import { isNegationWord, type Token } from './text';

/**
 * Rubric phrases (types.ts `RubricPhrase`) compiled to term matchers, and the matcher over a
 * sentence's tokens. Between two terms up to `NEAR` other words may stand ("save *the* image",
 * "layers *are* cached"); a `*` term widens that to `WIDE`. A match is negated when a negation
 * cue the phrase does not itself contain stands inside it or up to `WINDOW` words before it,
 * within the clause (a cut-down NegEx, grading-and-authoring §3.4).
 */
const NEAR = 2;
const WIDE = 6;
const WINDOW = 3;

interface Term {
  /** One of these words (`a|b`). */
  readonly options: readonly TermOption[];
  /** Words allowed before this term (after the previous one). */
  readonly gap: number;
}

interface TermOption {
  readonly word: string;
  readonly stem: string;
  readonly prefix: boolean;
  /** Exact spelling only: a command, a flag, a number, a path. */
  readonly literal: boolean;
  readonly negation: boolean;
}

export interface CompiledPhrase {
  readonly source: string;
  readonly terms: readonly Term[];
}

export interface PhraseMatch {
  readonly start: number;
  readonly end: number;
  readonly negated: boolean;
}

const optionOf = (raw: string): TermOption => {
  const prefix = raw.endsWith('*') && raw.length > 1;
  const word = raw.replace(/\*$/, '').replace(/^-+(?=\w)/, '');
  return { word, stem: /^[a-z]+$/.test(word) ? stemmer(word) : word, prefix, literal: isLiteralWord(word), negation: isNegationWord(word) };
};

export function compilePhrase(source: string): CompiledPhrase {
  const terms: Term[] = [];
  let gap = NEAR;
  for (const raw of source.toLowerCase().trim().split(/\s+/)) {
    if (raw === '*') {
      gap = WIDE;
      continue;
    }
    // The first term may start anywhere: its gap is unused.
    terms.push({ options: raw.split('|').filter((o) => o !== '').map(optionOf), gap });
    gap = NEAR;
  }
  return { source, terms };
}

const slipCache = new Map<string, boolean>();

function slip(expected: string, actual: string): boolean {
  const key = `${expected}\u0000${actual}`;
  let hit = slipCache.get(key);
  if (hit === undefined) {
    if (slipCache.size > 50_000) slipCache.clear();
    hit = isSlip(expected, actual, 5);
    slipCache.set(key, hit);
  }
  return hit;
}

/** Does the token (or, for a hyphenated word, one of its parts) satisfy the option? */
function optionMatches(option: TermOption, token: Token): boolean {
  if (token.boundary && /^[,;:()]$/.test(token.text)) return false;
  // A negation in a phrase ("no history", "not * lose") stands for any cue: never, doesn't, without.
  if (option.negation && token.negation) return true;
  const candidates = [token.text, ...(option.word.includes('-') ? [] : token.parts)];
  for (const text of candidates) {
    if (text === option.word) return true;
    if (option.prefix && text.startsWith(option.word)) return true;
    if (option.literal || /\d/.test(text)) continue;
    // A prefix of five letters or more tolerates a slip in the word's start (`rebiuld` for `rebuild*`).
    if (option.prefix && option.word.length >= 5 && text.length >= option.word.length && slip(option.word, text.slice(0, option.word.length))) return true;
    const stem = text === token.text ? token.stem : /^[a-z]+$/.test(text) ? stemmer(text) : text;
    if (stem === option.stem) return true;
    if (option.word.length >= 5 && (slip(option.word, text) || (option.stem.length >= 4 && stem.length >= 4 && slip(option.stem, stem)))) return true;
  }
  return false;
}

const termMatches = (term: Term, token: Token) => term.options.some((o) => optionMatches(o, token));

/** Finds matches of the phrase in one sentence: the earliest end for each start, all starts. */
export function matchPhrase(phrase: CompiledPhrase, tokens: readonly Token[]): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  const first = phrase.terms[0];
  if (first === undefined) return out;
  for (let start = 0; start < tokens.length; start++) {
    if (!termMatches(first, tokens[start] as Token)) continue;
    const positions = extend(phrase.terms, tokens, 1, start, [start]);
    if (positions === null) continue;
    out.push({ start, end: positions[positions.length - 1] as number, negated: isNegated(tokens, positions) });
  }
  return out;
}

function extend(terms: readonly Term[], tokens: readonly Token[], index: number, last: number, positions: number[]): number[] | null {
  const term = terms[index];
  if (term === undefined) return positions;
  for (let at = last + 1; at <= last + 1 + term.gap && at < tokens.length; at++) {
    if (!termMatches(term, tokens[at] as Token)) continue;
    const done = extend(terms, tokens, index + 1, at, [...positions, at]);
    if (done !== null) return done;
  }
  return null;
}

/**
 * An odd number of negation cues the phrase does not account for: inside the match, or up to
 * `WINDOW` words before it (a coordinated `or`/`nor` list extends the reach), never across a
 * clause boundary. A cue after the match ("the cache is not used") is not looked for: in "export
 * does not keep layers" it belongs to the predicate, and only the rubric's phrases can tell.
 */
function isNegated(tokens: readonly Token[], positions: readonly number[]): boolean {
  const matched = new Set(positions);
  const start = positions[0] as number;
  const end = positions[positions.length - 1] as number;
  let cues = 0;
  for (let i = start; i <= end; i++) if (!matched.has(i) && tokens[i]?.negation) cues++;
  for (let i = start - 1, reach = WINDOW; i >= 0 && reach > 0; i--, reach--) {
    const token = tokens[i] as Token;
    if (token.boundary) break;
    if (token.negation) cues++;
    if (token.coordinator) reach += WINDOW;
  }
  // A phrase that states the negation itself ("no history") is negated only by a second cue.
  return cues % 2 === 1;
}

export const matchedWords = (tokens: readonly Token[], match: PhraseMatch): string =>
  tokens
    .slice(match.start, match.end + 1)
    .map((t) => t.raw)
    .join(' ')
    .replace(/\s+([,;:)])/g, '$1');
