import { describe, expect, it } from 'vitest';
import type { Range } from '@/lib/dockerfile';
import { analyzeDockerfile } from './analyze';
import { applyEdits, quickFixesAt } from './code-actions';
import { IMAGES } from './test-catalog';

const lineRange = (line: number): Range => ({ start: { line, column: 1 }, end: { line, column: 200 } });
const rulesOf = (text: string) => analyzeDockerfile(text).findings.map((f) => f.rule);

/** The quick fixes on a line, and the text after applying the one for `rule`. */
function fix(text: string, line: number, rule: string) {
  const fixes = quickFixesAt(analyzeDockerfile(text), lineRange(line), { images: IMAGES });
  const chosen = fixes.find((f) => f.finding.rule === rule);
  return { fixes, chosen, after: chosen ? applyEdits(text, [chosen.edit]) : null };
}

describe('quick fixes', () => {
  it('adds --no-cache-dir to pip install (DL3042), and the finding goes away', () => {
    const text = 'FROM python:3.9-slim\nRUN pip install flask==3.0.0\n';
    const { chosen, after } = fix(text, 2, 'DL3042');
    expect(chosen).toMatchObject({ title: 'Add --no-cache-dir', preferred: true });
    expect(after).toBe('FROM python:3.9-slim\nRUN pip install --no-cache-dir flask==3.0.0\n');
    expect(rulesOf(after ?? '')).not.toContain('DL3042');
  });

  it('removes the apt lists in the same RUN (DL3009)', () => {
    const text = 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10\n';
    const { chosen, after } = fix(text, 2, 'DL3009');
    expect(chosen?.title).toBe('Remove the apt lists in the same RUN');
    expect(after).toBe('FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n');
    expect(rulesOf(after ?? '')).not.toContain('DL3009');
  });

  it('pins node:latest to the release it is today (DL3007), from the hub', () => {
    const { chosen, after } = fix('FROM node:latest\n', 1, 'DL3007');
    expect(chosen?.title).toBe('Pin node:18.19.0 (what node:latest is today)');
    expect(after).toBe('FROM node:18.19.0\n');
    expect(rulesOf(after ?? '')).not.toContain('DL3007');
  });

  it('pins an untagged image (DL3006) the same way, keeping AS', () => {
    const { after } = fix('FROM python AS base\n', 1, 'DL3006');
    expect(after).toBe('FROM python:3.9.18 AS base\n');
  });

  it('offers no pin for images the hub does not know, or without a catalog', () => {
    expect(fix('FROM unknown/thing:latest\n', 1, 'DL3007').chosen).toBeUndefined();
    const findings = analyzeDockerfile('FROM node:latest\n');
    expect(quickFixesAt(findings, lineRange(1)).filter((f) => f.finding.rule === 'DL3007')).toEqual([]);
  });

  it('only offers fixes for findings in the requested range', () => {
    const text = 'FROM python:3.9-slim\nRUN pip install flask==3.0.0\n';
    expect(fix(text, 1, 'DL3042').chosen).toBeUndefined();
  });

  it('applies several edits at once, from the end', () => {
    expect(
      applyEdits('ab\ncd\n', [
        { range: { start: { line: 1, column: 2 }, end: { line: 1, column: 2 } }, text: 'X' },
        { range: { start: { line: 2, column: 1 }, end: { line: 2, column: 3 } }, text: 'Y' },
      ]),
    ).toBe('aXb\nY\n');
  });
});
