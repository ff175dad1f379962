/**
 * Question definitions and grading results as plain, JSON-friendly data (DESIGN.md §5: content is
 * data). The question shapes are lib/content's exercise types (what its zod schemas produce from
 * exercise YAML), narrowed to the fields grading reads, so an exercise is graded as it is; the
 * graders take one with a learner's response and return a `GradeResult`. Scores are points:
 * `0 ≤ score ≤ max`.
 */
import type {
  AcceptedAnswer,
  Blank,
  ChoiceExercise,
  ChoiceOption,
  FeedbackTexts,
  FillInExercise,
  NumericAnswer,
  NumericExercise,
  OpenExercise,
  Rubric,
  RubricConcept,
  RubricMisconception,
  TrueFalseExercise,
} from '@/lib/content';

export type { AcceptedAnswer, Blank, ChoiceOption, FeedbackTexts, NumericAnswer, Rubric, RubricConcept, RubricMisconception };

/**
 * `auto`: H5P's rule (≤3 letters exact, 4–9 one edit, ≥10 two edits); `off`: exact only. Literal
 * words (commands, flags, references, numbers) are always exact. Case is ignored unless
 * `caseSensitive` (Moodle and GIFT ignore it). An accepted answer's `*` matches any run of
 * characters, `\*` a literal asterisk; answers are tried in author order, the first match wins.
 */
export type TypoMode = NonNullable<AcceptedAnswer['typos']>;

/** Groups of phrases that mean the same (`[["docker hub", "docker.io", "registry-1.docker.io"]]`). */
export type SynonymTable = NonNullable<Blank['synonyms']>;

export type MatchOptions = Pick<AcceptedAnswer, 'caseSensitive' | 'typos'>;

/** What every question carries for grading: the id (attempts, reviews, `layerlab grade`), points (default 1), feedback. */
type QuestionFields<E extends { id: string; points?: number; feedback?: FeedbackTexts }, K extends keyof E> = Pick<E, 'id' | 'points' | 'feedback' | K>;

export type FillInQuestion = QuestionFields<FillInExercise, 'kind' | 'blanks' | 'synonyms' | 'caseSensitive' | 'typos'>;

/** `feedbackTrue` / `feedbackFalse`: shown when the learner answers true / false. */
export type TrueFalseQuestion = QuestionFields<TrueFalseExercise, 'kind' | 'answer' | 'feedbackTrue' | 'feedbackFalse'>;

/**
 * Choice: an option's `score` is a Moodle fraction −1..1; without any, correct options share +1
 * and wrong ones −1/k. `mode`: `weights` (default) sums fractions clamped to [0, 1];
 * `all-or-nothing` takes the exact set only.
 */
export type ChoiceQuestion = QuestionFields<ChoiceExercise, 'kind' | 'multiple' | 'mode' | 'options'>;

/**
 * Numeric: answers are bands tried in order, the first the response falls in sets the score;
 * `tolerance` is absolute in `unit`, `relative` a share (0.05 = 5 %); a response in another unit of
 * the same kind is converted. `requireUnit`: a response without a unit is refused.
 */
export type NumericQuestion = QuestionFields<NumericExercise, 'kind' | 'answers' | 'requireUnit'>;

/**
 * A phrase of a rubric, as words: a plain word matches its stem (`layers` = `layered` = `layer`)
 * or a spelling slip of it; `word*` matches any word starting with `word`; a lone `*` skips up to
 * three words; `a|b` is either word. Phrases are matched inside one sentence; a concept's `all`
 * groups must all occur in one sentence. `words.min` caps the score at words / min.
 */
export type RubricPhrase = string;

/** Open: `pass` is the share of the points that counts as passed (default 0.6). */
export type OpenQuestion = QuestionFields<OpenExercise, 'kind' | 'rubric' | 'pass'> & { readonly modelAnswer?: string };

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
