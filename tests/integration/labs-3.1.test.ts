/**
 * Lesson 3.1's labs (content/lessons/3.1/labs.yaml and practice-labs.yaml) played headless through
 * the terminal, as `layerlab content check` plays them: every reference solution passes its checks and every
 * starter fails them (DESIGN.md §5), and each lab's checks are valid for their kinds.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentDir } from '@/lib/cli/node-content';
import { formatCourseIssue, isLabExercise, parseExerciseFile, type LabExercise } from '@/lib/content';
import { runLabScenario, toLabDefinition } from '@/lib/grading';

const CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));
const LAB_IDS = [
  '3.1/lab-layers',
  '3.1/lab-optimize',
  '3.1/lab-save-export',
  '3.1/lab-pull-digest',
  '3.1/lab-push-private',
  '3.1/lab-prune',
  '3.1/lab-inspect-format',
  '3.1/lab-history',
  '3.1/lab-dockerignore',
  '3.1/lab-layer-order',
  '3.1/lab-buildx',
];

const labs: LabExercise[] = [];

beforeAll(async () => {
  const files = await readContentDir(CONTENT);
  for (const path of ['content/lessons/3.1/labs.yaml', 'content/lessons/3.1/practice-labs.yaml']) {
    const parsed = parseExerciseFile(path, files.get(path) ?? '', files);
    expect(parsed.issues.map(formatCourseIssue)).toEqual([]);
    labs.push(...parsed.exercises.filter(isLabExercise));
  }
});

const lab = (id: string) => {
  const found = labs.find((l) => l.id === id);
  if (found === undefined) throw new Error(`no lab ${id}`);
  return found;
};

describe('lesson 3.1 labs', () => {
  it('has every lab the issue names, with valid checks', () => {
    expect(labs.map((l) => l.id)).toEqual(LAB_IDS);
    for (const l of labs) {
      expect(toLabDefinition(l).issues, l.id).toEqual([]);
      expect(l.hints.length, l.id).toBeGreaterThan(0);
      expect(l.checks.some((c) => c.required === true), l.id).toBe(true);
    }
  });

  it.each(LAB_IDS)('%s: the solution passes and the starter fails', async (id) => {
    const solution = await runLabScenario(lab(id), 'solution');
    expect(solution.result.gradable, solution.transcript).toBe(true);
    expect(solution.result.passed, solution.transcript).toBe(true);
    const starter = await runLabScenario(lab(id), 'starter');
    expect(starter.result.gradable, starter.transcript).toBe(true);
    expect(starter.result.passed, starter.transcript).toBe(false);
    // The starter fails a required check, and its feedback says which.
    expect(starter.result.checks.some((c) => c.required && c.status === 'fail'), starter.transcript).toBe(true);
    expect(starter.result.feedback.some((line) => line.startsWith('✗ '))).toBe(true);
  }, 120_000);
});
