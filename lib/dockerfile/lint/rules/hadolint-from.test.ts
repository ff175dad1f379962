import { describe, expect, it } from 'vitest';
import { covered, describeRule, findingsOf } from '../testing/rule-cases';

describeRule('DL3006', {
  fires: [
    { src: 'FROM debian\n', line: 1, message: 'Always tag the version of an image explicitly' },
    { name: 'registry with port', src: 'FROM localhost:5000/app\n', line: 1 },
    { name: 'later stage', src: 'FROM golang:1.21 AS build\nFROM alpine\n', line: 2 },
    { name: 'alias defined later does not count', src: 'FROM build\nFROM alpine:3.19 AS build\n', line: 1 },
  ],
  clean: [
    { src: 'FROM debian:12\n' },
    { name: 'scratch', src: 'FROM scratch\n' },
    { name: 'digest', src: 'FROM debian@sha256:5f3b8a4bd1f5a3e5b3f9f4b8a4e58e1f6a5d9b2c4e8f0a1b2c3d4e5f6a7b8c9d0\n' },
    { name: 'stage alias', src: 'FROM golang:1.21 AS build\nFROM build\n' },
    { name: 'variable', src: 'ARG BASE=alpine:3.19\nFROM $BASE\n' },
    { name: 'registry with port and tag', src: 'FROM localhost:5000/app:1.0\n' },
  ],
});

describeRule('DL3007', {
  fires: [
    {
      src: 'FROM node:latest\n',
      line: 1,
      message: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag',
    },
    { name: 'with registry', src: 'FROM gcr.io/distroless/base:latest\n', line: 1 },
  ],
  clean: [{ src: 'FROM node:18.19.0-alpine3.19\n' }, { name: 'untagged is DL3006', src: 'FROM node\n' }],
});

describe('DL3007 range', () => {
  it('points at the image reference', () => {
    const src = 'FROM --platform=$BUILDPLATFORM node:latest AS build\n';
    const [f] = findingsOf(src, 'DL3007');
    expect(f && covered(src, f)).toBe('node:latest');
  });
});

const COPY_FROM = '`COPY --from` should reference a previously defined `FROM` alias';

describeRule('DL3022', {
  fires: [
    { src: 'FROM alpine:3.19\nCOPY --from=foo bar .\n', line: 2, message: COPY_FROM },
    { name: 'alias defined after', src: 'FROM scratch\nCOPY --from=build foo .\nFROM node:18 AS build\nRUN baz\n', line: 2 },
    { name: 'index of a later stage', src: 'FROM alpine:3.19\nCOPY --from=1 /a /a\nFROM alpine:3.19\n', line: 2 },
  ],
  clean: [
    { src: 'FROM scratch AS build\nRUN foo\nFROM node:18\nCOPY --from=build foo .\n' },
    { name: 'stage index', src: 'FROM golang:1.21\nRUN go build\nFROM alpine:3.19\nCOPY --from=0 /app /app\n' },
    { name: 'image with tag', src: 'FROM alpine:3.19\nCOPY --from=nginx:1.25 /etc/nginx /etc/nginx\n' },
  ],
});

describe('DL3022 range', () => {
  it('points at the --from flag', () => {
    const src = 'FROM alpine:3.19\nCOPY --from=foo bar .\n';
    const [f] = findingsOf(src, 'DL3022');
    expect(f && covered(src, f)).toBe('--from=foo');
  });
});

describeRule('DL3023', {
  fires: [{ src: 'FROM debian:12 AS foo\nCOPY --from=foo bar .\n', line: 2, message: '`COPY --from` cannot reference its own `FROM` alias' }],
  clean: [
    { src: 'FROM scratch AS foo\nRUN foo\nFROM node:18 AS bar\nCOPY --from=foo bar .\n' },
    { name: 'unnamed stage', src: 'FROM debian:12\nCOPY --from=0 bar .\n' },
  ],
});

describeRule('DL3024', {
  fires: [{ src: 'FROM debian:12 AS foo\nRUN a\nFROM debian:12 AS foo\nRUN b\n', line: 3, message: 'FROM aliases (stage names) must be unique.' }],
  clean: [{ src: 'FROM debian:12 AS foo\nRUN a\nFROM debian:12 AS bar\nRUN b\n' }],
});
