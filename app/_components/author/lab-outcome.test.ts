import { describe, expect, it } from 'vitest';
import type { LabResult } from '@/lib/grading';
import { expectedOutcome } from './lab-outcome';

const result = (passed: boolean, gradable = true): LabResult => ({ id: '3.1/lab-x', kind: 'lab', score: passed ? 2 : 0, max: 2, passed, gradable, checks: [], feedback: [] });

describe('expectedOutcome', () => {
  it('wants the solution to pass and the starter to fail', () => {
    expect(expectedOutcome('solution', result(true))).toEqual({ ok: true, text: 'OK: the reference solution passes' });
    expect(expectedOutcome('solution', result(false)).ok).toBe(false);
    expect(expectedOutcome('starter', result(false))).toEqual({ ok: true, text: 'OK: the starter fails, as it should' });
    expect(expectedOutcome('starter', result(true))).toEqual({ ok: false, text: 'problem: the starter already passes its checks' });
  });

  it('calls a run whose checks could not run a problem, whatever it scored', () => {
    expect(expectedOutcome('starter', result(false, false))).toEqual({ ok: false, text: 'problem: a check could not run' });
  });
});
