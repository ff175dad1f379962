import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { exerciseSchemas, labSchema, type choiceSchema, type fillInSchema, type numericSchema, type openSchema, type trueFalseSchema } from './exercise-schema';
import type { ChoiceExercise, FillInExercise, LabExercise, NumericExercise, OpenExercise, TrueFalseExercise } from './exercise-types';

/** The schemas' output, once the loader has set `lesson` and resolved lab files, is the contract's type. */
type Loaded<S extends z.ZodType> = z.output<S> & { lesson: string };

describe('exercise schemas', () => {
  it('produce the shapes of exercise-types.ts', () => {
    expectTypeOf<Loaded<typeof fillInSchema>>().toExtend<FillInExercise>();
    expectTypeOf<Loaded<typeof trueFalseSchema>>().toExtend<TrueFalseExercise>();
    expectTypeOf<Loaded<typeof choiceSchema>>().toExtend<ChoiceExercise>();
    expectTypeOf<Loaded<typeof numericSchema>>().toExtend<NumericExercise>();
    expectTypeOf<Loaded<typeof openSchema>>().toExtend<OpenExercise>();
    type Script = { files: Record<string, string>; commands: string[] };
    expectTypeOf<Omit<Loaded<typeof labSchema>, 'starter' | 'solution'> & { starter: Script; solution: Script }>().toExtend<LabExercise>();
    expect(Object.keys(exerciseSchemas).sort()).toEqual(['choice', 'dockerfile', 'fill-in', 'lab', 'numeric', 'open', 'true-false']);
  });

  it('fills the defaults: no hints, no setup, no commands', () => {
    const lab = labSchema.parse({
      id: '3.1/lab-x',
      kind: 'lab',
      title: 'T',
      prompt: 'P',
      explanation: 'E',
      solution: {},
      checks: [{ id: 'a', kind: 'image-exists', ref: 'app' }],
    });
    expect(lab).toMatchObject({ hints: [], setup: [], starter: { commands: [] }, solution: { commands: [] } });
    expect(lab.checks[0]).toEqual({ id: 'a', kind: 'image-exists', ref: 'app' });
  });
});
