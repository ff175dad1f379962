import { z } from 'zod';
import { countBlanks, type ExerciseKind } from './exercise-types';

/**
 * zod schemas of exercise YAML (issue 7 item 1). Field names are the TS field names of
 * exercise-types.ts; every object is strict, so a typo (`hint:` for `hints:`) is an error with a
 * "did you mean" rather than a field silently ignored. What one object cannot see (ids unique in
 * the course, the id's lesson against the folder, lab folders) is checked by parse-exercises.ts.
 */

const text = z.string({ error: 'expected string' }).trim().min(1, { error: 'must not be empty' });
const optionalText = z.string({ error: 'expected string' }).optional();
const fraction = z.number({ error: 'expected number' }).min(0, { error: 'must be between 0 and 1' }).max(1, { error: 'must be between 0 and 1' });
const nonNegative = z.number({ error: 'expected number' }).min(0, { error: 'must not be negative' });
const positive = z.number({ error: 'expected number' }).positive({ error: 'must be more than 0' });
const typos = z.enum(['auto', 'off'], { error: 'expected "auto" or "off"' }).optional();
const synonymTable = z.array(z.array(text).min(2, { error: 'a synonym group needs at least 2 words' })).optional();

/** `3.1/fill-1`: the lesson number, a slash and a lower-case name. */
export const exerciseIdSchema = z
  .string({ error: 'expected string' })
  .regex(/^\d+(\.\d+)*\/[a-z0-9][a-z0-9-]*$/, { error: 'expected "<lesson>/<name>" such as "3.1/fill-1" (name: a-z, 0-9, -)' });

const baseShape = {
  id: exerciseIdSchema,
  lesson: z.string({ error: 'expected string' }).optional(),
  title: text,
  prompt: text,
  hints: z.array(text).default([]),
  explanation: text,
  section: z.string({ error: 'expected string' }).optional(),
  points: positive.optional(),
  penalty: fraction.optional(),
  feedback: z.strictObject({ correct: optionalText, partial: optionalText, incorrect: optionalText }).optional(),
  tags: z.array(text).optional(),
};

const acceptedAnswerSchema = z.strictObject({
  text: text,
  score: fraction.optional(),
  feedback: optionalText,
  caseSensitive: z.boolean({ error: 'expected boolean' }).optional(),
  typos,
});

const blankSchema = z.strictObject({
  answers: z.array(acceptedAnswerSchema).min(1, { error: 'needs at least one accepted answer' }),
  weight: positive.optional(),
  synonyms: synonymTable,
  caseSensitive: z.boolean({ error: 'expected boolean' }).optional(),
  typos,
});

export const fillInSchema = z
  .strictObject({
    ...baseShape,
    kind: z.literal('fill-in'),
    blanks: z.array(blankSchema).min(1, { error: 'needs at least one blank' }),
    synonyms: synonymTable,
    caseSensitive: z.boolean({ error: 'expected boolean' }).optional(),
    typos,
  })
  .superRefine((value, ctx) => {
    const count = countBlanks(value.prompt);
    if (count !== value.blanks.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['prompt'],
        message: `has ${count} blank${count === 1 ? '' : 's'} (___) but blanks lists ${value.blanks.length}`,
      });
    }
  });

export const trueFalseSchema = z.strictObject({
  ...baseShape,
  kind: z.literal('true-false'),
  answer: z.boolean({ error: 'expected boolean (true or false)' }),
  feedbackTrue: optionalText,
  feedbackFalse: optionalText,
});

const choiceOptionSchema = z.strictObject({
  id: z.string({ error: 'expected string' }).regex(/^[A-Z]$/, { error: 'expected one capital letter (A, B, …)' }),
  text: text,
  correct: z.boolean({ error: 'expected boolean' }).optional(),
  score: z.number({ error: 'expected number' }).min(-1, { error: 'must be between -1 and 1' }).max(1, { error: 'must be between -1 and 1' }).optional(),
  feedback: optionalText,
});

export const choiceSchema = z
  .strictObject({
    ...baseShape,
    kind: z.literal('choice'),
    multiple: z.boolean({ error: 'expected boolean' }).optional(),
    mode: z.enum(['weights', 'all-or-nothing'], { error: 'expected "weights" or "all-or-nothing"' }).optional(),
    options: z.array(choiceOptionSchema).min(2, { error: 'needs at least 2 options' }),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.options.forEach((option, i) => {
      if (seen.has(option.id)) ctx.addIssue({ code: 'custom', path: ['options', i, 'id'], message: `duplicate option id "${option.id}"` });
      seen.add(option.id);
    });
    if (!value.options.some((option) => option.correct === true || (option.score ?? 0) > 0)) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'no correct option (mark one with correct: true or a positive score)' });
    }
  });

const numericAnswerSchema = z.strictObject({
  value: z.number({ error: 'expected number' }),
  unit: optionalText,
  tolerance: nonNegative.optional(),
  relative: nonNegative.optional(),
  score: fraction.optional(),
  feedback: optionalText,
});

export const numericSchema = z.strictObject({
  ...baseShape,
  kind: z.literal('numeric'),
  answers: z.array(numericAnswerSchema).min(1, { error: 'needs at least one answer' }),
  requireUnit: z.boolean({ error: 'expected boolean' }).optional(),
});

const phrases = z.array(text).min(1, { error: 'needs at least one phrase' });
const matchShape = { any: phrases.optional(), all: z.array(phrases).min(1, { error: 'needs at least one group' }).optional() };

function needsPhrases(value: { any?: unknown; all?: unknown }, ctx: z.RefinementCtx): void {
  if (value.any == null && value.all == null) ctx.addIssue({ code: 'custom', path: [], message: 'needs "any" or "all" phrases' });
}

const conceptSchema = z
  .strictObject({ id: text, label: text, points: positive, ...matchShape, feedbackFound: optionalText, feedbackMissed: optionalText })
  .superRefine(needsPhrases);

const misconceptionSchema = z
  .strictObject({ id: text, label: text, points: positive, ...matchShape, feedback: text })
  .superRefine(needsPhrases);

const wholeNumber = z.number({ error: 'expected number' }).int({ error: 'expected a whole number' }).min(0, { error: 'must not be negative' });

const rubricSchema = z
  .strictObject({
    concepts: z.array(conceptSchema).min(1, { error: 'needs at least one concept' }),
    misconceptions: z.array(misconceptionSchema).optional(),
    synonyms: synonymTable,
    words: z.strictObject({ min: wholeNumber.optional(), max: wholeNumber.optional() }).optional(),
    max: positive.optional(),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    const check = (list: 'concepts' | 'misconceptions', id: string, i: number) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: `duplicate id "${id}"` });
      seen.add(id);
    };
    value.concepts.forEach((c, i) => check('concepts', c.id, i));
    value.misconceptions?.forEach((m, i) => check('misconceptions', m.id, i));
    const { min, max } = value.words ?? {};
    if (min != null && max != null && min > max) ctx.addIssue({ code: 'custom', path: ['words', 'max'], message: `must not be below words.min (${min})` });
  });

export const openSchema = z.strictObject({
  ...baseShape,
  kind: z.literal('open'),
  rubric: rubricSchema,
  pass: fraction.optional(),
  modelAnswer: text,
});

/** A relative path inside the workspace: no leading `/`, no `..`, no backslash. */
const workspacePath = z
  .string({ error: 'expected string' })
  .refine((p) => p !== '' && !p.startsWith('/') && !p.includes('\\') && !p.includes('\0') && !p.split('/').includes('..'), {
    error: 'expected a relative path without ".." or "\\"',
  });

/** A folder relative to the exercises file; the loader checks it stays inside the lesson folder. */
const scriptDir = z
  .string({ error: 'expected string' })
  .refine((p) => p !== '' && !p.startsWith('/') && !p.includes('\\') && !p.includes('\0'), { error: 'expected a relative folder path' });

const labScriptSchema = z.strictObject({
  dir: scriptDir.optional(),
  /** Inline files (workspace path → text), merged over the files of `dir`. */
  files: z.record(workspacePath, z.string({ error: 'expected string' })).optional(),
  commands: z.array(text).default([]),
});

const labCheckSchema = z.looseObject({
  id: text,
  kind: text,
  points: nonNegative.optional(),
  required: z.boolean({ error: 'expected boolean' }).optional(),
  feedbackPass: optionalText,
  feedbackFail: optionalText,
  hint: optionalText,
});

export const labSchema = z
  .strictObject({
    ...baseShape,
    kind: z.enum(['lab', 'dockerfile']),
    setup: z.array(text).default([]),
    starter: labScriptSchema.default({ commands: [] }),
    solution: labScriptSchema,
    build: z.strictObject({ tag: text, dockerfile: workspacePath.optional() }).optional(),
    checks: z.array(labCheckSchema).min(1, { error: 'needs at least one check' }),
    pass: fraction.optional(),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.checks.forEach((check, i) => {
      if (seen.has(check.id)) ctx.addIssue({ code: 'custom', path: ['checks', i, 'id'], message: `duplicate check id "${check.id}"` });
      seen.add(check.id);
    });
  });

/** The schema of each exercise kind; parse-exercises.ts picks one by `kind` before parsing. */
export const exerciseSchemas = {
  'fill-in': fillInSchema,
  'true-false': trueFalseSchema,
  choice: choiceSchema,
  numeric: numericSchema,
  open: openSchema,
  lab: labSchema,
  dockerfile: labSchema,
} as const satisfies Record<ExerciseKind, z.ZodType>;


/** Top level of an exercises file. Items are checked one by one with the schema of their kind. */
export const exerciseFileSchema = z.strictObject({
  questions: z.array(z.unknown(), { error: 'expected a list' }).optional(),
  labs: z.array(z.unknown(), { error: 'expected a list' }).optional(),
});

/** Every field name any exercise object knows: the candidates of "did you mean". */
export const EXERCISE_FIELD_NAMES: readonly string[] = [
  ...new Set(
    [fillInSchema, trueFalseSchema, choiceSchema, numericSchema, openSchema, labSchema, exerciseFileSchema]
      .flatMap((schema) => Object.keys(schema.shape))
      .concat(
        ...[acceptedAnswerSchema, blankSchema, choiceOptionSchema, numericAnswerSchema, rubricSchema, labScriptSchema, labCheckSchema].map((s) =>
          Object.keys(s.shape),
        ),
        ['correct', 'partial', 'incorrect', 'min', 'max', 'tag', 'dockerfile', 'feedbackFound', 'feedbackMissed', 'label'],
      ),
  ),
];
