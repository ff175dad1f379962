/**
 * Answer weights. GIFT writes a fraction as a percentage (`%50%`, `%-100%`, `%33.33333%`), and
 * Moodle's importer accepts only the grades its question editor offers (`question_bank::
 * fraction_options_full`): an export must use one of them. They are kept here as exact values so
 * that `%33.33333%` reads back as 1/3, not 0.3333333.
 */
const POSITIVE: readonly number[] = [1, 0.9, 5 / 6, 0.8, 0.75, 0.7, 2 / 3, 0.6, 0.5, 0.4, 1 / 3, 0.3, 0.25, 0.2, 1 / 6, 1 / 7, 0.125, 1 / 9, 0.1, 0.05];

/** Moodle's grade list, −100 % … 100 %, as fractions. */
export const MOODLE_FRACTIONS: readonly number[] = [...POSITIVE, 0, ...POSITIVE.map((f) => -f)];

/** Moodle keeps grades to 7 decimals; anything within that of a listed grade is that grade. */
const SAME = 6e-7;

/** The listed grade a fraction read from a file stands for, or the fraction itself. */
export function snapFraction(fraction: number): number {
  const near = MOODLE_FRACTIONS.find((f) => Math.abs(f - fraction) <= SAME);
  return near ?? fraction;
}

/** The nearest of Moodle's grades (for export), and whether that changed the value. */
export function nearestMoodleFraction(fraction: number): { fraction: number; rounded: boolean } {
  let best = 0;
  for (const f of MOODLE_FRACTIONS) if (Math.abs(f - fraction) < Math.abs(best - fraction)) best = f;
  return { fraction: best, rounded: Math.abs(best - fraction) > SAME };
}

/** `%…%` as Moodle writes it: 5 decimals at most, trailing zeros dropped (`33.33333`, `12.5`, `-100`). */
export function formatPercent(fraction: number): string {
  const percent = Math.round(fraction * 100 * 1e5) / 1e5;
  return `%${Object.is(percent, -0) ? 0 : percent}%`;
}

/** A leading `%n%` weight (Moodle's `giftanswerweightregex`, which also takes `%-n%`). */
const WEIGHT = /^%(-*)(\d+(?:\.\d*)?)%/;

export interface Weighted {
  /** The fraction, −1…1 after clamping; undefined when the text has no weight. */
  readonly fraction?: number;
  readonly rest: string;
  /** Set when the weight was outside −100 %…100 % and was clamped. */
  readonly clamped?: string;
}

export function readWeight(text: string): Weighted {
  const match = WEIGHT.exec(text);
  if (match == null) return { rest: text };
  const raw = (match[1] === '' ? 1 : -1) * Number(match[2]);
  const fraction = Math.max(-1, Math.min(1, raw / 100));
  const rest = text.slice(match[0].length);
  return Math.abs(raw) > 100 ? { fraction, rest, clamped: match[0] } : { fraction: snapFraction(fraction), rest };
}
