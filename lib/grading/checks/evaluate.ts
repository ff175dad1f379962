import { roundScore } from '../score';
import { checkCommand } from './history-checks';
import { checkLayerReused } from './layer-reuse';
import { checkContextSize } from './context-size';
import { checkConfig, checkDanglingCount, checkFile, checkImageExists, checkImageSize, checkImageStarts, checkLayerCount } from './image-checks';
import type { CheckResult, GradingContext, LabCheck, LabCheckKind, LabCheckSpec, LabDefinition, LabResult, Observation } from './types';
import { checkArchiveTags, checkBaseImage, checkBuildCached, checkLintClean, checkRegistryTag, checkStageCount, checkWorkspaceFile } from './workspace-checks';

type Evaluator<K extends LabCheckKind> = (check: Extract<LabCheckSpec, { kind: K }>, ctx: GradingContext) => Promise<Observation> | Observation;

/** The table of check kinds: one evaluator each (DESIGN.md §5: a dispatch table, not a switch). */
export const CHECK_KINDS: { readonly [K in LabCheckKind]: Evaluator<K> } = {
  'image-exists': (c, ctx) => checkImageExists(ctx, c.image, c.exists ?? true),
  'image-size': (c, ctx) => checkImageSize(ctx, c.image, c.below, c.above),
  'layer-count': (c, ctx) => checkLayerCount(ctx, c.image, c.count ?? 'layers', c),
  'stage-count': (c, ctx) => checkStageCount(ctx, c.dockerfile, c),
  'base-image': (c, ctx) => checkBaseImage(ctx, c.dockerfile, c.matches),
  config: (c, ctx) => checkConfig(ctx, c.image, c.field, c),
  file: (c, ctx) => checkFile(ctx, c.image, c.path, c.present),
  'image-starts': (c, ctx) => checkImageStarts(ctx, c.image, c.args ?? []),
  'build-cached': (c, ctx) => checkBuildCached(ctx, c.step, c.cached),
  'layer-reused': (c, ctx) => checkLayerReused(ctx, c.image, c.previous, c.step, c.reused),
  command: (c, ctx) => checkCommand(ctx, c.command, c.used),
  'archive-tags': (c, ctx) => checkArchiveTags(ctx, c.path, c.tags, c.layers),
  'registry-tag': (c, ctx) => checkRegistryTag(ctx, c.ref, c.sameAs, c.platforms),
  'dangling-count': (c, ctx) => checkDanglingCount(ctx, c),
  'context-size': (c, ctx) => checkContextSize(ctx, c.dockerfile, c.below, c.above),
  'workspace-file': (c, ctx) => checkWorkspaceFile(ctx, c.path, c),
  'lint-clean': (c, ctx) => checkLintClean(ctx, c.dockerfile, c.rules),
};

export async function evaluateCheck(check: LabCheck, ctx: GradingContext): Promise<CheckResult> {
  const max = Math.max(0, check.points ?? 1);
  const required = check.required === true;
  let observed: Observation;
  try {
    const evaluate = CHECK_KINDS[check.kind] as Evaluator<LabCheckKind>;
    observed = await evaluate(check as never, ctx);
  } catch (error) {
    // A check that throws (a bad size in the lab file, a broken store) could not run: not the student's fault.
    observed = { ok: false, error: true, detail: `the check could not run: ${error instanceof Error ? error.message : String(error)}` };
  }
  const status = observed.error === true ? 'error' : observed.ok ? 'pass' : 'fail';
  const feedback = status === 'pass' ? check.feedbackPass : status === 'fail' ? check.feedbackFail : undefined;
  return {
    id: check.id,
    kind: check.kind,
    status,
    points: status === 'pass' ? max : 0,
    max,
    required,
    detail: observed.detail,
    ...(feedback !== undefined ? { feedback } : {}),
    ...(status === 'fail' && check.hint !== undefined ? { hint: check.hint } : {}),
  };
}

/**
 * Runs every check of a lab (in order, one at a time: they read one store) and totals them
 * (grading-and-authoring §5.5): score = points of the passed checks; passed = every required
 * check passed and score ≥ `pass` × max; not gradable when a check could not run.
 */
export async function gradeLab(lab: LabDefinition, ctx: GradingContext): Promise<LabResult> {
  const checks: CheckResult[] = [];
  for (const check of lab.checks) checks.push(await evaluateCheck(check, ctx));
  const max = checks.reduce((s, c) => s + c.max, 0);
  const score = checks.reduce((s, c) => s + c.points, 0);
  const gradable = checks.every((c) => c.status !== 'error');
  const requiredOk = checks.every((c) => !c.required || c.status === 'pass');
  const pass = lab.pass ?? 1;
  const passed = gradable && requiredOk && (max === 0 || score >= pass * max - 1e-9);
  const feedback: string[] = [];
  for (const c of checks) {
    const mark = c.status === 'pass' ? '✓' : c.status === 'fail' ? '✗' : '?';
    feedback.push(`${mark} ${c.id}: ${c.feedback ?? c.detail}`);
    if (c.hint !== undefined) feedback.push(`  Hint: ${c.hint}`);
  }
  if (!gradable) feedback.push('Some checks could not run, so this attempt does not count.');
  return { id: lab.id, kind: 'lab', score: roundScore(score), max: roundScore(max), passed, gradable, checks, feedback };
}
