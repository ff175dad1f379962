/**
 * What an exercise is once its YAML has been checked (issue 7 item 1). These are the types every
 * face codes against: the graders (lib/grading's question types are these, narrowed to the fields
 * grading reads — DESIGN.md §2 lets grading import content's types), the lesson page, the authoring
 * page, GIFT import/export and `layerlab grade` / `layerlab content check`. The zod schemas in
 * `exercise-schema.ts` produce exactly these shapes.
 *
 * File layout: `content/lessons/<lesson>/exercises.yaml` holds `questions:` and `labs:`; a lab's
 * starter and solution files sit in folders beside it (`labs/<name>/starter/`, `labs/<name>/solution/`),
 * named by `dir` relative to the YAML file.
 */

/** Moodle-style feedback per outcome. */
export interface FeedbackTexts {
  readonly correct?: string;
  readonly partial?: string;
  readonly incorrect?: string;
}

/** Fields every exercise has, whatever its kind. */
export interface ExerciseBase {
  /** `<lesson>/<name>`, e.g. `3.1/fill-1`: the key of attempts, reviews and `layerlab grade`. */
  readonly id: string;
  /** The lesson id (`3.1`); equals the id's prefix and the folder the file sits in. */
  readonly lesson: string;
  /** Short name shown in lists ("Fill in: layers"). */
  readonly title: string;
  /** The question or task, Markdown. For fill-in, each blank is written `___` (three or more underscores). */
  readonly prompt: string;
  /** Revealed one at a time, in order. */
  readonly hints: readonly string[];
  /** Markdown shown after answering (the material's explanation). */
  readonly explanation: string;
  /** Slug of the lesson heading after whose section the exercise is placed; default: the practice section at the end. */
  readonly section?: string;
  /** Points the exercise is worth (default 1). */
  readonly points?: number;
  /** Test mode: the share of the points each retry costs, 0..1 (default 0.1). Practice mode never costs. */
  readonly penalty?: number;
  readonly feedback?: FeedbackTexts;
  /** Free tags for filtering and the review queue (`interview`, `practice`). */
  readonly tags?: readonly string[];
}

export interface AcceptedAnswer {
  /** `*` matches any run of characters, `\*` a literal asterisk. */
  readonly text: string;
  /** Fraction of the blank, 0..1 (default 1). */
  readonly score?: number;
  readonly feedback?: string;
  readonly caseSensitive?: boolean;
  readonly typos?: 'auto' | 'off';
}

export interface Blank {
  readonly answers: readonly AcceptedAnswer[];
  readonly weight?: number;
  readonly synonyms?: readonly (readonly string[])[];
  readonly caseSensitive?: boolean;
  readonly typos?: 'auto' | 'off';
}

export interface FillInExercise extends ExerciseBase {
  readonly kind: 'fill-in';
  readonly blanks: readonly Blank[];
  readonly synonyms?: readonly (readonly string[])[];
  readonly caseSensitive?: boolean;
  readonly typos?: 'auto' | 'off';
}

export interface TrueFalseExercise extends ExerciseBase {
  readonly kind: 'true-false';
  readonly answer: boolean;
  readonly feedbackTrue?: string;
  readonly feedbackFalse?: string;
}

export interface ChoiceOption {
  /** The letter the learner gives: `A`, `B`, … */
  readonly id: string;
  readonly text: string;
  readonly correct?: boolean;
  /** Moodle fraction −1..1. */
  readonly score?: number;
  readonly feedback?: string;
}

export interface ChoiceExercise extends ExerciseBase {
  readonly kind: 'choice';
  readonly multiple?: boolean;
  readonly mode?: 'weights' | 'all-or-nothing';
  readonly options: readonly ChoiceOption[];
}

export interface NumericAnswer {
  readonly value: number;
  readonly unit?: string;
  readonly tolerance?: number;
  readonly relative?: number;
  readonly score?: number;
  readonly feedback?: string;
}

export interface NumericExercise extends ExerciseBase {
  readonly kind: 'numeric';
  readonly answers: readonly NumericAnswer[];
  readonly requireUnit?: boolean;
}

export interface RubricConcept {
  readonly id: string;
  readonly label: string;
  readonly points: number;
  readonly any?: readonly string[];
  readonly all?: readonly (readonly string[])[];
  readonly feedbackFound?: string;
  readonly feedbackMissed?: string;
}

export interface RubricMisconception {
  readonly id: string;
  readonly label: string;
  readonly points: number;
  readonly any?: readonly string[];
  readonly all?: readonly (readonly string[])[];
  readonly feedback: string;
}

export interface Rubric {
  readonly concepts: readonly RubricConcept[];
  readonly misconceptions?: readonly RubricMisconception[];
  readonly synonyms?: readonly (readonly string[])[];
  readonly words?: { readonly min?: number; readonly max?: number };
  readonly max?: number;
}

export interface OpenExercise extends ExerciseBase {
  readonly kind: 'open';
  readonly rubric: Rubric;
  /** Share of the points that counts as passed (default 0.6). */
  readonly pass?: number;
  /** Shown beside the keyword check after answering. */
  readonly modelAnswer: string;
}

/**
 * A lab check, as lib/grading's `LabCheck` (checks/types.ts): `kind` picks the row of its check
 * table and the other fields are that kind's parameters. Validated here only as far as the common
 * fields; lib/grading's `validateLabCheck` (run by `layerlab content check`) checks the parameters.
 */
export interface LabCheckData {
  readonly id: string;
  readonly kind: string;
  readonly points?: number;
  readonly required?: boolean;
  readonly feedbackPass?: string;
  readonly feedbackFail?: string;
  readonly hint?: string;
  readonly [parameter: string]: unknown;
}

/** Files and shell lines that set a workspace up (run by `layerlab sh` / the worker's terminal). */
export interface LabScript {
  /** Folder of files relative to the exercises file; copied into the workspace (over the starter's). */
  readonly dir?: string;
  /** The files resolved by the loader: workspace path → text. */
  readonly files: Readonly<Record<string, string>>;
  /** Terminal lines run in order in the workspace, as a student would type them. */
  readonly commands: readonly string[];
}

export interface LabExercise extends ExerciseBase {
  /** `lab`: graded on engine state and command history; `dockerfile`: a starter Dockerfile to improve, graded on its build. */
  readonly kind: 'lab' | 'dockerfile';
  /** Lines run before the student starts (pull a base image, make dangling images to prune). Not part of the history checked. */
  readonly setup: readonly string[];
  /** What the student starts from; with its setup it must fail the checks. */
  readonly starter: LabScript;
  /** The reference solution: applied on top of the starter, it must pass the checks. */
  readonly solution: LabScript;
  /** Built before the checks run (`docker build -t TAG -f DOCKERFILE .` in the workspace), when given. */
  readonly build?: { readonly tag: string; readonly dockerfile?: string };
  readonly checks: readonly LabCheckData[];
  /** Share of the points needed besides every required check (default 1). */
  readonly pass?: number;
}

export type QuizExercise = FillInExercise | TrueFalseExercise | ChoiceExercise | NumericExercise | OpenExercise;
export type Exercise = QuizExercise | LabExercise;
export type ExerciseKind = Exercise['kind'];

export const QUIZ_KINDS = ['fill-in', 'true-false', 'choice', 'numeric', 'open'] as const;
export const LAB_KINDS = ['lab', 'dockerfile'] as const;

/** A blank in a fill-in prompt: three or more underscores. */
export const BLANK_PATTERN = /_{3,}/g;

/** How many blanks a fill-in prompt has. */
export function countBlanks(prompt: string): number {
  return prompt.match(BLANK_PATTERN)?.length ?? 0;
}

export function isLabExercise(exercise: Exercise): exercise is LabExercise {
  return exercise.kind === 'lab' || exercise.kind === 'dockerfile';
}

/** A whole course as loaded from files: what `loadCourse` returns. */
export interface CourseIssue {
  /** `content/lessons/3.1/exercises.yaml`, relative to the course root. */
  readonly path: string;
  /** Dotted path inside the file (`questions[4].answers[0]`), empty for the whole file. */
  readonly at: string;
  readonly line?: number;
  /** 1-based column, for YAML syntax errors. */
  readonly column?: number;
  readonly message: string;
}
