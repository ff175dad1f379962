import type { LabExercise } from '@/lib/content';
import { gradeLab } from '../checks/evaluate';
import type { GradingContext, LabDefinition, LabResult } from '../checks/types';
import { asLabCheck, validateLabCheck } from './validate-check';

/**
 * A lab exercise (lib/content's `LabExercise`) as the checks table's `LabDefinition`, with the
 * parameter problems of its checks as `checks[i].param: message` lines. A check with problems is
 * left out of the definition, so a broken lab grades what it can instead of throwing.
 */
export function toLabDefinition(lab: LabExercise): { definition: LabDefinition; issues: string[] } {
  const issues: string[] = [];
  const checks = [];
  for (const [i, check] of lab.checks.entries()) {
    const problems = validateLabCheck(check);
    for (const problem of problems) issues.push(`checks[${i}].${problem}`);
    if (problems.length === 0) checks.push(asLabCheck(check));
  }
  const definition: LabDefinition = { id: lab.id, checks, ...(lab.pass !== undefined ? { pass: lab.pass } : {}) };
  return { definition, issues };
}

/**
 * Grades a student's current state (the browser's "Check" button, `layerlab grade --workspace`).
 * The caller builds `lab.build` first when the lab has one and passes it as `ctx.lastBuild`.
 * A lab whose checks have parameter problems is not gradable: its result says why and the
 * attempt should not count (an authoring mistake is not the student's).
 */
export async function gradeLabAttempt(lab: LabExercise, ctx: GradingContext): Promise<LabResult> {
  const { definition, issues } = toLabDefinition(lab);
  const result = await gradeLab(definition, ctx);
  if (issues.length === 0) return result;
  return {
    ...result,
    passed: false,
    gradable: false,
    feedback: [...result.feedback, ...issues.map((issue) => `? ${lab.id}: ${issue}`), 'This lab has mistakes in its checks, so this attempt does not count.'],
  };
}
