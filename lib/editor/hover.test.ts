import { describe, expect, it } from 'vitest';
import { analyzeDockerfile } from './analyze';
import { at } from './cursor.test-util';
import { hoverAt } from './hover';
import { IMAGES } from './test-catalog';

const hover = (marked: string, ruleHref?: (id: string) => string | null) => {
  const { text, position } = at(marked);
  return hoverAt(analyzeDockerfile(text), position, { images: IMAGES, ruleHref });
};

describe('hovers', () => {
  it('explains the rule behind a marker: id, name, explanation', () => {
    const h = hover('FROM node:la|test\n');
    expect(h?.range).toEqual({ start: { line: 1, column: 6 }, end: { line: 1, column: 17 } });
    expect(h?.contents[0]).toMatch(/^\*\*DL3007\*\* NoLatestTag · warning\n\n`latest` is just the tag a publisher moved most recently/);
  });

  it('links the rule id and names the quick fix when the finding has one', () => {
    const h = hover('FROM python:3.9-slim\nRUN pip in|stall flask\n', (id) => `/rules/${id}/`);
    const dl3042 = h?.contents.find((c) => c.includes('DL3042'));
    expect(dl3042).toContain('[**DL3042**](/rules/DL3042/)');
    expect(dl3042).toContain('Quick fix: *Add --no-cache-dir*');
  });

  it('documents the instruction under the cursor', () => {
    const h = hover('FROM alpine:3.19\nWOR|KDIR /app\n');
    expect(h?.range).toEqual({ start: { line: 2, column: 1 }, end: { line: 2, column: 8 } });
    expect(h?.contents[0]).toContain('WORKDIR <path>');
    expect(h?.contents[0]).toContain('Adds a layer.');
    expect(hover('FROM alpine:3.19\nEN|V A=1\n')?.contents[0]).toContain('no layer');
  });

  it('documents flags, also on continuation lines and in ONBUILD triggers', () => {
    expect(hover('FROM alpine:3.19 AS b\nFROM alpine:3.19\nCOPY \\\n  --fr|om=b /x /x\n')?.contents[0]).toContain('multi-stage builds');
    expect(hover('FROM alpine:3.19\nRUN --mou|nt=type=cache,target=/root/.cache pip install x\n')?.contents[0]).toContain('`--mount=');
    expect(hover('FROM alpine:3.19\nONBUILD CO|PY . /app\n')?.contents[0]).toContain('COPY [--from=<stage>]');
  });

  it('describes the hub image a FROM names', () => {
    const h = hover('FROM node:18-al|pine\n');
    expect(h?.contents[0]).toContain('**node** · Node.js with npm and yarn.');
    expect(h?.contents[0]).toContain('127MB');
  });

  it('tells where a variable was declared, or that it is not', () => {
    const text = 'FROM alpine:3.19\nARG VERSION=1.2\nENV HOME_DIR=/srv\nRUN echo ${VERS|ION} $HOME_DIR\n';
    expect(hover(text)?.contents[0]).toBe('`ARG VERSION=1.2` (line 2)');
    expect(hover('FROM alpine:3.19\nRUN echo $NO|PE\n')?.contents[0]).toContain('is not declared above in this stage');
  });

  it('has nothing to say on a comment', () => {
    expect(hover('# a com|ment\nFROM alpine:3.19\n')).toBeNull();
  });
});
