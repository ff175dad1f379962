import { stemmer } from 'stemmer';
import { foldUnicode } from '../normalize';
import type { SynonymTable } from '../types';

/**
 * A written answer as the rubric matcher reads it: sentences of tokens, each token with its
 * lower-case text, its Porter stem (the `stemmer` package) and whether it is a negation cue or a
 * clause boundary. Folding, tokenizing and stemming happen once per answer.
 */

export interface Token {
  /** Lower-case text; a flag without its dashes (`--no-cache-dir` → `no-cache-dir`). */
  readonly text: string;
  readonly stem: string;
  /** Pieces of a hyphenated or dotted word (`multi-stage` → multi, stage), for matching only. */
  readonly parts: readonly string[];
  /** `not`, `no`, `never`, `without`, `doesn't`, … */
  readonly negation: boolean;
  /** `or`, `nor`: a negation reaches over a coordinated list ("don't use X or Y"). */
  readonly coordinator: boolean;
  /** A comma or a clause-joining word (`but`, `while`, `whereas`): negation does not reach across it. */
  readonly boundary: boolean;
  /** The text as written, for quoting the learner's words back. */
  readonly raw: string;
}

export interface AnalyzedText {
  readonly sentences: readonly (readonly Token[])[];
  /** Number of words (boundary punctuation excluded). */
  readonly wordCount: number;
}

const NEGATIONS = new Set(['not', 'no', 'never', 'without', 'none', 'nothing', 'neither', 'nor', 'cannot', 'nobody', 'nowhere', 'lacks', 'lack', 'lacking']);
const BOUNDARY_WORDS = new Set(['but', 'while', 'whereas', 'however', 'although', 'though', 'unlike', 'instead', 'because', 'since', 'so', 'which', 'that']);

/** Words that give a sentence its structure; an answer nearly without them is a keyword list. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the this that these those it its they them their there here is are was were be been being am do does did has have had having will would can could should may might must shall ' +
    'of to in on at by for with from into onto over under about after before between through during than then as so if when where which who whom whose what why how ' +
    'and or but not no nor also only just very more most less so such both each every all any some other another same own ' +
    'i you we he she me us my your our his her one ones because since while whereas until unless although though instead'
  ).split(' '),
);

export function isNegationWord(word: string): boolean {
  return NEGATIONS.has(word) || /n't$/.test(word) || /^(dont|doesnt|didnt|isnt|arent|wasnt|werent|wont|cant|couldnt|shouldnt|wouldnt|hasnt|havent|hadnt|aint)$/.test(word);
}

// Words (letters, digits, inner - . _ ' + @), optional leading dashes (flags); and clause punctuation.
const TOKEN = /(--?)?[\p{L}\p{N}]+(?:['._+@-][\p{L}\p{N}]+)*|[,;:()]/gu;

/** Splits on sentence ends (a stop followed by a space or the end) and newlines; `;` stays a clause boundary. */
function splitSentences(text: string): string[] {
  return text.split(/(?:[.!?]+(?=\s|$)|\n+|\u2022)/u).filter((s) => s.trim() !== '');
}

function makeToken(raw: string): Token {
  const lower = raw.toLowerCase();
  if (/^[,;:()]$/.test(raw)) return { text: lower, stem: lower, parts: [], negation: false, coordinator: false, boundary: true, raw };
  const text = lower.replace(/^-+/, '');
  const parts = /[-._]/.test(text) ? text.split(/[-._]+/).filter((p) => p !== '') : [];
  const stem = /^[a-z]+$/.test(text) ? stemmer(text) : text;
  return {
    text,
    stem,
    parts,
    negation: isNegationWord(text),
    coordinator: text === 'or' || text === 'nor',
    boundary: BOUNDARY_WORDS.has(text),
    raw,
  };
}

/** Replaces each synonym phrase (a run of words) by its group's first phrase. */
function applySynonyms(tokens: Token[], tables: readonly SynonymTable[]): Token[] {
  const groups = tables.flatMap((table) => table.map((group) => group.map((phrase) => phrase.toLowerCase().split(/\s+/))));
  if (groups.length === 0) return tokens;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; ) {
    let replaced = false;
    for (const group of groups) {
      const canonical = group[0] ?? [];
      const hit = group.slice(1).find((alt) => alt.length > 0 && alt.every((w, k) => tokens[i + k]?.text === w));
      if (hit !== undefined) {
        const raw = tokens.slice(i, i + hit.length).map((t) => t.raw).join(' ');
        out.push(...canonical.map((w) => ({ ...makeToken(w), raw })));
        i += hit.length;
        replaced = true;
        break;
      }
    }
    if (!replaced) out.push(tokens[i++] as Token);
  }
  return out;
}

export function analyzeText(text: string, synonyms: readonly SynonymTable[] = []): AnalyzedText {
  // "save/load", "python:3.9" and "key=value" are read as separate words.
  const folded = foldUnicode(text).replace(/[/:=](?=\S)/g, ' ');
  const sentences: Token[][] = [];
  let wordCount = 0;
  for (const sentence of splitSentences(folded)) {
    const tokens = applySynonyms([...sentence.matchAll(TOKEN)].map((m) => makeToken(m[0])), synonyms);
    wordCount += tokens.filter((t) => !/^[,;:()]$/.test(t.text)).length;
    if (tokens.length > 0) sentences.push(tokens);
  }
  return { sentences, wordCount };
}
