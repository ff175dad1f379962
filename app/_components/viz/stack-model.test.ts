import { describe, expect, it } from 'vitest';
import { cacheLabel, cacheMarks, outcomeFor, rowSize, stackRows } from './stack-model';
import { digest, layerConceptStack, rebuildOutcome } from './test-fixtures';

describe('cache marks from the last build', () => {
  it('marks the earlier steps cached and the edited COPY rebuilt, by diffID', () => {
    const stack = layerConceptStack();
    const marks = cacheMarks(stack, outcomeFor(stack, rebuildOutcome()));
    expect([...marks.layers.entries()]).toEqual([
      [4, true],
      [5, true],
      [6, false],
    ]);
    expect(marks.base).toBe(true);
  });

  it('says nothing for another image or a failed build', () => {
    const stack = layerConceptStack();
    expect(outcomeFor(stack, { ...rebuildOutcome(), imageId: digest(1) })).toBeNull();
    expect(outcomeFor(stack, { ...rebuildOutcome(), ok: false })).toBeNull();
    expect(cacheMarks(stack, null)).toEqual({ layers: new Map(), base: null });
  });

  it('pairs a repeated diffID with the next step that made it, skipping a builder stage', () => {
    const stack = layerConceptStack();
    // Layers 2 and 4 identical (two COPYs of the same file); a builder step made that diffID first.
    stack.entries[6] = { ...(stack.entries[6] as (typeof stack.entries)[number]), diffId: digest(0x102) };
    const outcome = rebuildOutcome();
    const same = { diffId: digest(0x102), size: 120 };
    outcome.steps = [
      { label: '[builder 1/2]', instruction: 'COPY requirements.txt .', stage: 'builder', cached: false, simulatedSeconds: 0, realMs: 1, layer: same },
      { ...(outcome.steps[1] as (typeof outcome.steps)[number]), stage: 'final', cached: true },
      { ...(outcome.steps[2] as (typeof outcome.steps)[number]), stage: 'final', cached: true },
      { ...(outcome.steps[3] as (typeof outcome.steps)[number]), stage: 'final', cached: false, layer: same },
      { label: '[final 1/4]', instruction: 'FROM python:3.9', stage: 'final', cached: false, simulatedSeconds: 40, realMs: 4 },
    ];
    const marks = cacheMarks(stack, outcome);
    expect(marks.layers.get(6)).toBe(false);
    expect(marks.layers.get(5)).toBe(true);
    // The builder's step came first with the same diffID and is skipped: layer 4 pairs with the final stage's COPY.
    expect(marks.layers.get(4)).toBe(true);
    expect(marks.base).toBe(false);
  });
});

describe('stack rows', () => {
  const stack = layerConceptStack();
  const marks = cacheMarks(stack, outcomeFor(stack, rebuildOutcome()));

  it('puts the newest layer on top and the base image at the bottom as one collapsed group', () => {
    const rows = stackRows(stack, marks, { expandedBases: new Set(), showEmpty: false });
    expect(rows.map((r) => r.id)).toEqual(['layer-6', 'layer-5', 'layer-4', 'base-0']);
    const base = rows[3]?.node;
    expect(base?.kind === 'base' && [base.name, base.layers, rowSize(base), base.cached]).toEqual(['python:3.9', 2, 904_000_000, true]);
    expect(rows[3]?.expandable).toBe(true);
    expect(rows[3]?.expanded).toBe(false);
  });

  it('opens a base group to its own layers, and shows steps without a layer on request', () => {
    const rows = stackRows(stack, marks, { expandedBases: new Set([0]), showEmpty: true });
    expect(rows.map((r) => `${r.id}@${r.level}`)).toEqual(['layer-6@1', 'layer-5@1', 'layer-4@1', 'base-0@1', 'meta-3@2', 'layer-2@2', 'meta-1@2', 'layer-0@2']);
  });

  it('labels the marks in words', () => {
    expect([cacheLabel(true), cacheLabel(false), cacheLabel(null)]).toEqual(['cached', 'rebuilt', null]);
    expect([cacheLabel(true, true), cacheLabel(false, true)]).toEqual(['cached', 'pulled']);
  });
});
