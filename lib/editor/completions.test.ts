import { describe, expect, it } from 'vitest';
import { INSTRUCTION_NAMES } from '@/lib/dockerfile';
import { analyzeDockerfile } from './analyze';
import { completionsAt } from './completions';
import { at } from './cursor.test-util';
import { IMAGES } from './test-catalog';

const complete = (marked: string) => {
  const { text, position } = at(marked);
  return completionsAt(analyzeDockerfile(text), position, { images: IMAGES });
};
const labels = (marked: string) => complete(marked).map((c) => c.label);

describe('completions', () => {
  it('offers every instruction at the start of a line, replacing the word typed', () => {
    expect(labels('|')).toEqual([...INSTRUCTION_NAMES]);
    const items = complete('FROM alpine:3.19\nRU|');
    expect(items.map((c) => c.label)).toContain('RUN');
    expect(items.find((c) => c.label === 'RUN')).toMatchObject({ insertText: 'RUN ', range: { start: { line: 2, column: 1 }, end: { line: 2, column: 3 } } });
    expect(items.find((c) => c.label === 'FROM')?.retrigger).toBe(true);
  });

  it('offers triggers after ONBUILD, without ONBUILD, FROM and MAINTAINER', () => {
    const list = labels('FROM alpine:3.19\nONBUILD |');
    expect(list).toContain('RUN');
    expect(list).not.toContain('FROM');
    expect(list).not.toContain('ONBUILD');
  });

  it('offers the flags of the instruction, not those already given', () => {
    expect(labels('FROM alpine:3.19\nRUN --|')).toEqual(['--mount', '--network', '--security', '--device']);
    expect(labels('FROM alpine:3.19\nCOPY --link --|')).toEqual(['--from', '--chown', '--chmod', '--parents', '--exclude']);
    expect(labels('FROM alpine:3.19\nCOPY --chown=app --|')).not.toContain('--chown');
    expect(complete('FROM alpine:3.19\nCOPY --fr|')[0]).toMatchObject({ label: '--from', insertText: '--from=', retrigger: true });
    expect(labels('FROM alpine:3.19\nCMD --|')).toEqual([]);
  });

  it('offers earlier stage names after COPY --from=', () => {
    const items = complete('FROM golang:1.21 AS build\nFROM alpine:3.19 AS Assets\nFROM scratch\nFROM alpine:3.19\nCOPY --from=|');
    expect(items.map((c) => c.label)).toEqual(['build', 'assets', '2']);
    expect(items[0]).toMatchObject({ kind: 'stage', range: { start: { line: 5, column: 13 }, end: { line: 5, column: 13 } } });
    expect(labels('FROM golang:1.21 AS build\nCOPY --from=b|')).toEqual([]);
  });

  it('offers flag values', () => {
    expect(labels('FROM alpine:3.19\nRUN --network=|')).toEqual(['default', 'none', 'host']);
    expect(labels('FROM --platform=|')).toContain('linux/arm64');
  });

  it('offers hub images after FROM, then their tags after the colon', () => {
    const images = complete('FROM |');
    expect(images.map((c) => c.label)).toEqual(['gcr.io/distroless/static-debian12', 'node', 'python']);
    expect(images.find((c) => c.label === 'node')).toMatchObject({ kind: 'image', insertText: 'node:', retrigger: true });
    const tags = complete('FROM node:18|');
    expect(tags.map((c) => c.label)).toEqual(['18', '18.19.0', '18.19', 'hydrogen', '18-bookworm', 'latest', '18-alpine', '18.19.0-alpine', '18.19.0-alpine3.19']);
    expect(tags[0]).toMatchObject({ range: { start: { line: 1, column: 11 }, end: { line: 1, column: 13 } }, detail: 'node:18 · 1.09GB' });
    // `latest` sorts last: DL3007 warns about it.
    const sorted = [...tags].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    expect(sorted.at(-1)?.label).toBe('latest');
    expect(labels('FROM --platform=linux/amd64 py|')).toContain('python');
    expect(labels('FROM node:18 |')).toEqual(['AS']);
  });

  it('offers earlier stages as bases too', () => {
    expect(labels('FROM node:18 AS deps\nFROM |')).toContain('deps');
  });

  it('offers ARG and ENV names after $, scoped like BuildKit', () => {
    const text = 'ARG BASE=alpine\nFROM ${BA|}\n';
    expect(labels(text)).toContain('BASE');
    const stage = 'ARG BASE=alpine\nFROM $BASE\nARG VERSION=1\nENV APP_HOME=/srv LANG=C.UTF-8\nRUN echo ${|';
    const items = complete(stage);
    const names = items.filter((c) => c.detail?.includes('line')).map((c) => c.label);
    expect(names).toEqual(['APP_HOME', 'LANG', 'VERSION']);
    expect(items.find((c) => c.label === 'VERSION')).toMatchObject({ insertText: 'VERSION}', detail: 'ARG on line 3 = 1' });
    // Global ARGs are not visible inside a stage without re-declaring them.
    expect(names).not.toContain('BASE');
    expect(labels(stage)).toContain('TARGETPLATFORM');
    expect(labels('FROM alpine:3.19\nENV A=1\nRUN <<EOF\necho $|\nEOF\n')).toContain('A');
  });

  it('offers nothing in comments', () => {
    expect(labels('# FR|')).toEqual([]);
  });
});
