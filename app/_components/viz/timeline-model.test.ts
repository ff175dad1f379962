import { describe, expect, it } from 'vitest';
import { stepTitle, timelineRows, timelineScale, timelineTotals } from './timeline-model';
import { rebuildOutcome } from './test-fixtures';

describe('build timeline', () => {
  it('puts the previous build beside each step: "5 min → 5 s"', () => {
    const totals = timelineTotals(rebuildOutcome());
    expect(totals.simulatedChange).toBe('5 min → 5 s');
    expect(totals.realChange).toBe('127 ms → 41 ms');
    expect([totals.cachedSteps, totals.steps]).toEqual([3, 4]);
    const rows = timelineRows(rebuildOutcome());
    expect(rows.map((r) => [r.label, r.cached, r.previous?.simulatedSeconds])).toEqual([
      ['[1/4] FROM docker.io/library/python:3.9', true, 41],
      ['[2/4] COPY requirements.txt .', true, 0.1],
      ['[3/4] RUN pip install -r requirements.txt', true, 258],
      ['[4/4] COPY app.py .', false, 0.1],
    ]);
  });

  it('pairs steps by instruction, so an inserted line does not shift the comparison', () => {
    const outcome = rebuildOutcome();
    outcome.steps.splice(1, 0, { label: '[2/5]', instruction: 'WORKDIR /app', stage: null, cached: false, simulatedSeconds: 0, realMs: 1 });
    const rows = timelineRows(outcome);
    expect(rows[1]?.previous).toBeNull();
    expect(rows[3]?.instruction).toBe('RUN pip install -r requirements.txt');
    expect(rows[3]?.previous?.simulatedSeconds).toBe(258);
  });

  it('has no comparison for a first build, and scales bars over both builds', () => {
    const { previous: _previous, ...first } = rebuildOutcome();
    expect(timelineTotals(first).simulatedChange).toBeNull();
    expect(timelineRows(first).every((r) => r.previous === null)).toBe(true);
    expect(timelineScale(timelineRows(rebuildOutcome()))).toEqual({ simulated: 258, real: 90 });
  });
});

describe('step titles', () => {
  it('uses BuildKit\'s label, adding the instruction only when the label lacks it', () => {
    expect(stepTitle({ label: '[2/4] COPY app.py .', instruction: 'COPY app.py .' })).toBe('[2/4] COPY app.py .');
    expect(stepTitle({ label: '[builder 2/4]', instruction: 'RUN go build' })).toBe('[builder 2/4] RUN go build');
  });
});
