/**
 * "The saving of a multi-stage build in MB and %" (DESIGN.md §4a), the way the material writes
 * it: "Size reduction: 93% (2GB → 135MB)", "98% size reduction" (800 MB → 15 MB). MB are
 * decimal (10^6 bytes), as Docker prints sizes; the percent is of the larger "before" figure.
 */
export interface SizeSaving {
  beforeBytes: number;
  afterBytes: number;
  /** before − after (negative when "after" is larger). */
  savedBytes: number;
  /** savedBytes in MB (10^6), one decimal. */
  savedMegabytes: number;
  /** savedBytes as a percent of before, one decimal (0 when before is 0). */
  savedPercent: number;
}

export function sizeSaving(beforeBytes: number, afterBytes: number): SizeSaving {
  const savedBytes = beforeBytes - afterBytes;
  return {
    beforeBytes,
    afterBytes,
    savedBytes,
    savedMegabytes: Math.round(savedBytes / 1e5) / 10,
    savedPercent: beforeBytes === 0 ? 0 : Math.round((savedBytes / beforeBytes) * 1000) / 10,
  };
}
