import { describe, expect, it } from 'vitest';
import { defaultTag, exampleToOpen } from './example-session';

describe('which example the playground opens', () => {
  it('opens a requested example unless the workspace already holds it', () => {
    expect(exampleToOpen('multi-stage-go', 'layer-concept', false)).toBe('multi-stage-go');
    expect(exampleToOpen('layer-concept', 'layer-concept', false)).toBeNull();
    // A reset workspace gets the example again.
    expect(exampleToOpen('layer-concept', 'layer-concept', true)).toBe('layer-concept');
  });

  it('opens the layer example on a first visit, and never over the student’s files', () => {
    expect(exampleToOpen(null, null, true)).toBe('layer-concept');
    expect(exampleToOpen(null, null, false)).toBeNull();
    expect(exampleToOpen(null, 'multi-stage-go', false)).toBeNull();
    // After "reset this workspace" the student asked for an empty workspace: it stays empty.
    expect(exampleToOpen(null, 'multi-stage-go', true)).toBeNull();
  });

  it('names builds after the example', () => {
    expect(defaultTag('layer-concept')).toBe('layer-concept:latest');
    expect(defaultTag(null)).toBe('app:latest');
  });
});
