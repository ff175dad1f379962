/**
 * Question definitions and grading results as plain, JSON-friendly data (DESIGN.md §5: content is
 * data). lib/content's zod schemas produce these shapes from exercise YAML; the graders take them
 * with a learner's response and return a `GradeResult`. Scores are points: `0 ≤ score ≤ max`.
 */

/** `auto`: H5P's rule (≤3 letters exact, 4–9 one edit, ≥10 two edits); `off`: exact only. */
export type TypoMode = 'auto' | 'off';

/** Groups of phrases that mean the same (`[["docker hub", "docker.io", "registry-1.docker.io"]]`). */
export type SynonymTable = readonly (readonly string[])[];

export interface MatchOptions {
  /** Default false (Moodle and GIFT ignore case unless told). */
  readonly caseSensitive?: boolean;
  /** Default `auto`; literal words (commands, flags, references, numbers) are always exact. */
  readonly typos?: TypoMode;
}

export interface FeedbackTexts {
  readonly correct?: string;
  readonly partial?: string;
  readonly incorrect?: string;
}

interface QuestionBase {
  /** `3.1/fill-3`: the key of attempts, reviews and `layerlab grade`. */
  readonly id: string;
  /** Points the question is worth (default 1). */
  readonly points?: number;
  readonly feedback?: FeedbackTexts;
}

/** One accepted answer of a blank, tried in author order; the first match wins (Moodle). */
export interface AcceptedAnswer extends MatchOptions {
  /** The answer text; `*` matches any run of characters, `\*` a literal asterisk. */
  readonly text: string;
  /** Fraction of the blank's points, 0..1 (default 1). */
  readonly score?: number;
  readonly feedback?: string;
}

export interface Blank extends MatchOptions {
  readonly answers: readonly AcceptedAnswer[];
  /** Share of the question among its blanks (default 1 each). */
  readonly weight?: number;
  readonly synonyms?: SynonymTable;
}

export interface FillInQuestion extends QuestionBase, MatchOptions {
  readonly kind: 'fill-in';
  readonly blanks: readonly Blank[];
  /** Synonyms for every blank, on top of the shared table (`SHARED_SYNONYMS`). */
  readonly synonyms?: SynonymTable;
}

export interface TrueFalseQuestion extends QuestionBase {
  readonly kind: 'true-false';
  readonly answer: boolean;
  /** Shown when the learner answers true / false. */
  readonly feedbackTrue?: string;
  readonly feedbackFalse?: string;
}

export interface ChoiceOption {
  /** The letter the learner gives (`A`); compared case-insensitively. */
  readonly id: string;
  readonly text: string;
  readonly correct?: boolean;
  /** Moodle fraction −1..1. Without any, correct options share +1 and wrong ones −1/k. */
  readonly score?: number;
  readonly feedback?: string;
}

export interface ChoiceQuestion extends QuestionBase {
  readonly kind: 'choice';
  /** Several options may be chosen. */
  readonly multiple?: boolean;
  /** `weights` (default): sum of fractions clamped to [0, 1]; `all-or-nothing`: exact set only. */
  readonly mode?: 'weights' | 'all-or-nothing';
  readonly options: readonly ChoiceOption[];
}

export interface NumericAnswer {
  readonly value: number;
  /** Unit of `value` (`MB`, `GiB`, `s`, `min`); a response in another unit of the same kind is converted. */
  readonly unit?: string;
  /** Absolute tolerance in `unit`. */
  readonly tolerance?: number;
  /** Relative tolerance, 0.05 = 5 %. */
  readonly relative?: number;
  readonly score?: number;
  readonly feedback?: string;
}

export interface NumericQuestion extends QuestionBase {
  readonly kind: 'numeric';
  /** Tried in order; the first band the response falls in sets the score. */
  readonly answers: readonly NumericAnswer[];
  /** A response without a unit is refused (default: it is read in the answer's unit). */
  readonly requireUnit?: boolean;
}

/**
 * A phrase of a rubric, as words: a plain word matches its stem (`layers` = `layered` = `layer`)
 * or a spelling slip of it; `word*` matches any word starting with `word`; a lone `*` skips up to
 * three words; `a|b` is either word. Phrases are matched inside one sentence.
 */
export type RubricPhrase = string;

export interface RubricConcept {
  readonly id: string;
  /** What the concept is, for the "found / missing" list. */
  readonly label: string;
  readonly points: number;
  /** Alternative phrasings; one match is enough. */
  readonly any?: readonly RubricPhrase[];
  /** Groups that must all occur in one sentence, one phrase of each group. */
  readonly all?: readonly (readonly RubricPhrase[])[];
  readonly feedbackFound?: string;
  readonly feedbackMissed?: string;
}

export interface RubricMisconception {
  readonly id: string;
  readonly label: string;
  /** Points taken off (a positive number). */
  readonly points: number;
  readonly any?: readonly RubricPhrase[];
  readonly all?: readonly (readonly RubricPhrase[])[];
  readonly feedback: string;
}

export interface Rubric {
  readonly concepts: readonly RubricConcept[];
  readonly misconceptions?: readonly RubricMisconception[];
  /** Words folded together before matching, on top of the shared table. */
  readonly synonyms?: SynonymTable;
  /** Length bands in words: below `min` the score is capped at words / min, above `max` a note. */
  readonly words?: { readonly min?: number; readonly max?: number };
  /** Points for full marks (default: the sum of the concepts' points). */
  readonly max?: number;
}

export interface OpenQuestion extends QuestionBase {
  readonly kind: 'open';
  readonly rubric: Rubric;
  /** Share of the points that counts as passed (default 0.6). */
  readonly pass?: number;
  readonly modelAnswer?: string;
}

export type QuizQuestion = FillInQuestion | TrueFalseQuestion | ChoiceQuestion | NumericQuestion | OpenQuestion;

/** How a blank was matched. */
export type MatchHow = 'exact' | 'wildcard' | 'synonym' | 'typo';

export interface BlankResult {
  readonly index: number;
  readonly response: string;
  /** The accepted answer it matched, or null. */
  readonly matched: string | null;
  readonly how: MatchHow | null;
  /** Fraction 0..1 of the blank. */
  readonly fraction: number;
}

export interface ConceptHit {
  readonly id: string;
  readonly label: string;
  readonly points: number;
  /** The learner's words that matched (found), or that matched under a negation (negated). */
  readonly phrase?: string;
}

export interface ConceptReport {
  readonly found: readonly ConceptHit[];
  readonly missing: readonly ConceptHit[];
  /** Matched, but negated ("does not keep layers"): no credit, flagged for review. */
  readonly negated: readonly ConceptHit[];
  readonly misconceptions: readonly ConceptHit[];
}

export interface GradeResult {
  readonly id: string;
  readonly kind: QuizQuestion['kind'];
  readonly score: number;
  readonly max: number;
  readonly passed: boolean;
  readonly feedback: readonly string[];
  /** fill-in: one entry per blank. */
  readonly blanks?: readonly BlankResult[];
  /** open: the keyword check's findings. */
  readonly concepts?: ConceptReport;
}
