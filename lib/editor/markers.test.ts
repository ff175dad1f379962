import { describe, expect, it } from 'vitest';
import { lintRules } from '@/lib/dockerfile';
import { analyzeDockerfile } from './analyze';
import { ruleInfo, toMarkers, visibleRange } from './markers';

const markersOf = (text: string, ruleHref?: (id: string) => string | null) => toMarkers(text, analyzeDockerfile(text).findings, { ruleHref });

describe('markers from lint findings', () => {
  it('marks the exact image of FROM node:latest with DL3007 as a warning', () => {
    const m = markersOf('FROM node:latest\n').find((x) => x.code.value === 'DL3007');
    expect(m).toEqual({
      severity: 'warning',
      message: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag',
      code: { value: 'DL3007', href: null },
      source: 'hadolint · warning',
      startLineNumber: 1,
      startColumn: 6,
      endLineNumber: 1,
      endColumn: 17,
    });
  });

  it('links the rule id to its docs when the app has a page', () => {
    const m = markersOf('FROM node:latest\n', (id) => `/rules/${id}/`).find((x) => x.code.value === 'DL3007');
    expect(m?.code).toEqual({ value: 'DL3007', href: '/rules/DL3007/' });
  });

  it('puts a parse error at its position, as an error with Docker\'s message', () => {
    const markers = markersOf('FROM alpine:3.19\nFOO bar\n');
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({
      severity: 'error',
      code: { value: 'DL1000' },
      message: 'dockerfile parse error on line 2: unknown instruction: FOO (did you mean FROM?)',
      endColumn: 4,
      startLineNumber: 2,
      startColumn: 1,
    });
  });

  it('maps hadolint severities: info stays info, style findings become faint hints', () => {
    // DL3059 (info): consecutive RUNs.
    const text = 'FROM debian:12\nRUN echo a\nRUN echo b\n';
    const findings = analyzeDockerfile(text).findings;
    const info = findings.find((f) => f.rule === 'DL3059');
    expect(info?.severity).toBe('info');
    if (!info) return;
    const [asInfo, asStyle] = toMarkers(text, [info, { ...info, severity: 'style' }]);
    expect(asInfo?.severity).toBe('info');
    expect(asStyle?.severity).toBe('hint');
    expect(asStyle?.source).toBe('hadolint · style');
  });

  it('widens empty ranges so they are drawn', () => {
    const lines = ['RUN x', ''];
    expect(visibleRange(lines, { start: { line: 1, column: 3 }, end: { line: 1, column: 3 } })).toEqual({ start: { line: 1, column: 3 }, end: { line: 1, column: 4 } });
    expect(visibleRange(lines, { start: { line: 1, column: 6 }, end: { line: 1, column: 6 } })).toEqual({ start: { line: 1, column: 5 }, end: { line: 1, column: 6 } });
  });

  it('knows every rule of the linter, and DL1000', () => {
    for (const rule of lintRules) expect(ruleInfo(rule.id)?.explanation.length).toBeGreaterThan(20);
    expect(ruleInfo('DL1000')?.name).toBe('ParseError');
    expect(lintRules.length).toBeGreaterThanOrEqual(56);
  });
});
