/**
 * Table-driven rule tests: `describeRule('DL3008', { fires, clean })` checks that each `fires`
 * case yields the rule (on the given line, with the given message) and each `clean` case does not.
 * Imported by *.test.ts files only.
 */
import { describe, expect, it } from 'vitest';
import type { Dockerfile } from '../../ast';
import { toInstructions } from '../../instructions';
import type { Instructions } from '../../instructions/types';
import { parseDockerfile } from '../../parse';
import { lint, lintDockerfile } from '../lint';
import { SourceText } from '../source-text';
import type { Finding, LintFix, LintOptions } from '../types';

export interface FiringCase {
  src: string;
  /** Line of the (first) finding's exact spot (`range.start`, not the instruction's line). */
  line: number;
  /** Exact message, or a pattern it must match. */
  message?: string | RegExp;
  /** How many findings of the rule (default: at least one). */
  count?: number;
  column?: number;
  options?: LintOptions;
  name?: string;
}

export interface CleanCase {
  src: string;
  options?: LintOptions;
  name?: string;
}

export function findingsOf(src: string, rule: string, options: LintOptions = {}): Finding[] {
  const result = lint(src, { debug: true, ...options });
  expectSameWhenParsed(src, result, options);
  return result.findings.filter((f) => f.rule === rule);
}

/**
 * `lintDockerfile` on the parsed file must give what `lint` gave, and must not modify the tree
 * or the instructions (the editor shares them with other passes): both are deep-frozen, so a
 * write throws (and `debug` rethrows it).
 */
export function expectSameWhenParsed(src: string, expected: ReturnType<typeof lint>, options: LintOptions = {}): void {
  let dockerfile: Dockerfile;
  try {
    dockerfile = parseDockerfile(src);
  } catch {
    return; // lint reports DL1000 from its own parse
  }
  let instructions: Instructions | undefined;
  try {
    instructions = deepFreeze(toInstructions(dockerfile));
  } catch {
    instructions = undefined; // lintDockerfile derives them and reports DL1000 itself
  }
  deepFreeze(dockerfile);
  expect(lintDockerfile(dockerfile, instructions, { debug: true, ...options })).toEqual(expected);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function describeRule(rule: string, cases: { fires: FiringCase[]; clean: CleanCase[] }): void {
  describe(rule, () => {
    it('has firing and clean cases', () => {
      expect(cases.fires.length).toBeGreaterThan(0);
      expect(cases.clean.length).toBeGreaterThan(0);
    });
    it.each(cases.fires.map((c, i) => [c.name ?? `fires #${i + 1}`, c] as const))('%s', (_, c) => {
      const found = findingsOf(c.src, rule, c.options);
      if (c.count !== undefined) expect(found).toHaveLength(c.count);
      else expect(found.length).toBeGreaterThan(0);
      const first = found[0] as Finding;
      expect(first.range.start.line).toBe(c.line);
      if (c.column !== undefined) expect(first.range.start.column).toBe(c.column);
      // line/column name the instruction the spot belongs to (hadolint's convention).
      expect(first.line).toBeLessThanOrEqual(first.range.start.line);
      if (typeof c.message === 'string') expect(first.message).toBe(c.message);
      else if (c.message) expect(first.message).toMatch(c.message);
    });
    it.each(cases.clean.map((c, i) => [c.name ?? `clean #${i + 1}`, c] as const))('%s', (_, c) => {
      expect(findingsOf(c.src, rule, c.options)).toEqual([]);
    });
  });
}

/** Applies a fix's edit to the source. */
export function applyFix(src: string, fix: LintFix): string {
  const text = new SourceText(src);
  return src.slice(0, text.offsetAt(fix.range.start)) + fix.text + src.slice(text.offsetAt(fix.range.end));
}

/** Lints, takes the rule's first fix, applies it and returns the fixed source. */
export function fixOnce(src: string, rule: string, options: LintOptions = {}): string {
  const fix = findingsOf(src, rule, options).find((f) => f.fix)?.fix;
  if (!fix) throw new Error(`no fix from ${rule}`);
  return applyFix(src, fix);
}

/** The text a finding's range covers, to check it points at the right word. */
export function covered(src: string, finding: Finding): string {
  const text = new SourceText(src);
  return src.slice(text.offsetAt(finding.range.start), text.offsetAt(finding.range.end));
}
