import { describe, expect, it } from 'vitest';
import { sizeSaving } from './size-saving';

describe('sizeSaving', () => {
  it('gives the saving in MB and % of the larger figure, as the material writes it', () => {
    expect(sizeSaving(800e6, 15e6)).toEqual({ beforeBytes: 800e6, afterBytes: 15e6, savedBytes: 785e6, savedMegabytes: 785, savedPercent: 98.1 }); // "98% size reduction"
    expect(sizeSaving(2000e6, 135e6).savedPercent).toBe(93.3); // "Size reduction: 93% (2GB → 135MB)"
    expect(sizeSaving(10e6, 12_345_678)).toMatchObject({ savedBytes: -2_345_678, savedMegabytes: -2.3, savedPercent: -23.5 });
    expect(sizeSaving(0, 0).savedPercent).toBe(0);
  });
});
