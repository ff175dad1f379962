import { describe, expect, it } from 'vitest';
import { formatErrorSnippet } from './error-snippet';

describe('formatErrorSnippet', () => {
  it('prints BuildKit\'s excerpt with two lines of context around a one-line error', () => {
    const source = 'FROM alpine\nRUN echo hi\nFOO bar\n';
    const at = { start: { line: 3, column: 1 }, end: { line: 3, column: 8 } };
    expect(formatErrorSnippet('Dockerfile', source, at)).toBe(
      [
        'Dockerfile:3',
        '--------------------',
        '   1 |     FROM alpine',
        '   2 |     RUN echo hi',
        '   3 | >>> FOO bar',
        '   4 |     ',
        '--------------------',
      ].join('\n'),
    );
  });

  it('marks every line of a multi-line instruction with one line of context', () => {
    const source = 'FROM alpine\nRUN apk add \\\n  curl\nCMD ["sh"]\nUSER app';
    const text = formatErrorSnippet('Dockerfile', source, { startLine: 2, endLine: 3 });
    expect(text.split('\n').slice(2, -1)).toEqual([
      '   1 |     FROM alpine',
      '   2 | >>> RUN apk add \\',
      '   3 | >>>   curl',
      '   4 |     CMD ["sh"]',
    ]);
  });
});
