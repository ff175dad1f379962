import { describe, expect, it } from 'vitest';
import { requestedLab, shouldOpenLab } from './use-lab';

describe('a lab in the playground URL', () => {
  it('reads the lab id from ?lab=, encoded or not', () => {
    expect(requestedLab('?lab=3.1%2Flab-prune')).toBe('3.1/lab-prune');
    expect(requestedLab('?example=layer-concept&lab=3.1/lab-layers')).toBe('3.1/lab-layers');
    expect(requestedLab('?lab=')).toBeNull();
    expect(requestedLab('')).toBeNull();
  });

  it('sets the lab up unless the workspace already holds it (a reload keeps the work)', () => {
    expect(shouldOpenLab('3.1/lab-prune', null)).toBe(true);
    expect(shouldOpenLab('3.1/lab-prune', '3.1/lab-layers')).toBe(true);
    expect(shouldOpenLab('3.1/lab-prune', '3.1/lab-prune')).toBe(false);
    // An example opened since replaced the lab's files.
    expect(shouldOpenLab('3.1/lab-prune', '3.1/lab-prune', 'layer-concept')).toBe(true);
  });
});
