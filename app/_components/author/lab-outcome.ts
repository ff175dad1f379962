// What a lab run should show: the reference solution passes, the starter fails (DESIGN §5:
// every exercise ships a solution that must pass its checks and a starter that must not).
import type { LabResult } from '@/lib/grading';

export type Which = 'starter' | 'solution';

export function expectedOutcome(which: Which, result: LabResult): { ok: boolean; text: string } {
  if (!result.gradable) return { ok: false, text: 'problem: a check could not run' };
  if (which === 'solution') return result.passed ? { ok: true, text: 'OK: the reference solution passes' } : { ok: false, text: 'problem: the reference solution fails its checks' };
  return result.passed ? { ok: false, text: 'problem: the starter already passes its checks' } : { ok: true, text: 'OK: the starter fails, as it should' };
}
