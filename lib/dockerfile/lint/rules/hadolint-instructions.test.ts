import { describe, expect, it } from 'vitest';
import { describeRule, findingsOf, fixOnce } from '../testing/rule-cases';

describeRule('DL3000', {
  fires: [
    { src: 'FROM alpine:3.19\nWORKDIR app\n', line: 2, message: 'Use absolute WORKDIR.', column: 9 },
    { name: 'quoted relative', src: 'FROM alpine:3.19\nWORKDIR "app"\n', line: 2 },
  ],
  clean: [
    { src: 'FROM alpine:3.19\nWORKDIR /app\n' },
    { name: 'variable', src: 'FROM alpine:3.19\nARG DIR=/app\nWORKDIR $DIR\n' },
    { name: 'quoted absolute', src: 'FROM alpine:3.19\nWORKDIR "/app"\n' },
    { name: 'windows', src: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n' },
  ],
});

describeRule('DL3002', {
  fires: [
    { src: 'FROM scratch\nUSER root\n', line: 2, message: 'Last USER should not be root.' },
    { name: 'uid 0', src: 'FROM scratch\nUSER 0\n', line: 2 },
    { name: 'root:root', src: 'FROM scratch\nUSER root:root\n', line: 2 },
    { name: '0:0', src: 'FROM scratch\nUSER 0:0\n', line: 2 },
    { name: 'any stage (as hadolint)', src: 'FROM debian:12 AS base\nUSER root\nRUN x\nFROM scratch\nUSER foo\n', line: 2, count: 1 },
  ],
  clean: [
    { src: 'FROM scratch\nUSER foo\n' },
    { name: 'switched back', src: 'FROM scratch\nUSER root\nRUN something\nUSER foo\n' },
    { name: 'switched back in each stage', src: 'FROM debian:12 AS base\nUSER root\nRUN x\nUSER foo\nFROM scratch\nRUN y\n' },
    { name: 'no USER', src: 'FROM debian:12\nRUN id\n' },
  ],
});

describeRule('DL3020', {
  fires: [
    { src: 'FROM alpine:3.19\nADD requirements.txt /app/\n', line: 2, message: 'Use COPY instead of ADD for files and folders' },
    { name: 'whole context', src: 'FROM alpine:3.19\nADD . /app\n', line: 2 },
    { name: 'one plain file among archives', src: 'FROM alpine:3.19\nADD a.tar.gz b.txt /app/\n', line: 2 },
  ],
  clean: [
    { src: 'FROM alpine:3.19\nCOPY requirements.txt /app/\n' },
    { name: 'archive', src: 'FROM alpine:3.19\nADD rootfs.tar.xz /\n' },
    { name: 'URL', src: 'FROM alpine:3.19\nADD https://example.com/app.bin /app/\n' },
    { name: 'quoted archive', src: 'FROM alpine:3.19\nADD "app.tgz" /app/\n' },
  ],
});

describeRule('DL3021', {
  fires: [
    { src: 'FROM node:18\nCOPY package.json yarn.lock my_app\n', line: 2, message: 'COPY with more than 2 arguments requires the last argument to end with /.' },
    { name: 'JSON form', src: 'FROM node:18\nCOPY ["a", "b", "/app"]\n', line: 2 },
  ],
  clean: [
    { src: 'FROM node:18\nCOPY package.json yarn.lock my_app/\n' },
    { name: 'one source', src: 'FROM node:18\nCOPY package.json /app\n' },
    { name: 'quoted', src: 'FROM node:18\nCOPY a b "/app/"\n' },
  ],
});

describeRule('DL3025', {
  fires: [
    { src: 'FROM node:18\nCMD node server.js\n', line: 2, message: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments' },
    { name: 'ENTRYPOINT', src: 'FROM node:18\nENTRYPOINT node server.js\n', line: 2 },
  ],
  clean: [
    { src: 'FROM node:18\nCMD ["node", "server.js"]\n' },
    { name: 'ENTRYPOINT JSON', src: 'FROM node:18\nENTRYPOINT ["node"]\nCMD ["server.js"]\n' },
    { name: 'RUN shell form is fine', src: 'FROM node:18\nRUN npm ci\n' },
  ],
});

describeRule('DL3045', {
  fires: [
    { src: 'FROM python:3.9-slim\nCOPY requirements.txt .\n', line: 2, message: '`COPY` to a relative destination without `WORKDIR` set.' },
    { name: 'WORKDIR of an unrelated stage', src: 'FROM debian:12 AS a\nWORKDIR /x\nFROM alpine:3.19\nCOPY f rel/\n', line: 4 },
    { name: 'WORKDIR after the COPY', src: 'FROM debian:12\nCOPY f rel/\nWORKDIR /x\n', line: 2 },
  ],
  clean: [
    { src: 'FROM python:3.9-slim\nWORKDIR /app\nCOPY requirements.txt .\n' },
    { name: 'absolute destination', src: 'FROM python:3.9-slim\nCOPY requirements.txt /app/\n' },
    { name: 'variable destination', src: 'FROM python:3.9-slim\nARG D=/app\nCOPY a $D\n' },
    { name: 'inherited through the alias', src: 'FROM debian:12 AS base\nWORKDIR /usr/src\nFROM base\nCOPY f rel/\n' },
    { name: 'windows path', src: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY f c:\\\\app\\\\\n' },
    { name: 'ADD is not checked', src: 'FROM debian:12\nADD app.tgz rel/\n' },
  ],
});

describeRule('DL4000', {
  fires: [{ src: 'FROM debian:12\nMAINTAINER Lukas <me@lukasmartinelli.ch>\n', line: 2, message: 'MAINTAINER is deprecated' }],
  clean: [{ src: 'FROM debian:12\nLABEL org.opencontainers.image.authors="me@example.com"\n' }],
});

describeRule('DL4003', {
  fires: [
    {
      src: 'FROM busybox:1.36\nCMD ["a"]\nCMD ["b"]\n',
      line: 3,
      count: 1,
      message: 'Multiple `CMD` instructions found. If you list more than one `CMD` then only the last `CMD` will take effect',
    },
  ],
  clean: [{ src: 'FROM busybox:1.36\nCMD ["a"]\n' }, { name: 'one per stage', src: 'FROM busybox:1.36\nCMD ["a"]\nFROM busybox:1.36\nCMD ["b"]\n' }],
});

describeRule('DL4004', {
  fires: [
    {
      src: 'FROM busybox:1.36\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n',
      line: 3,
      message: 'Multiple `ENTRYPOINT` instructions found. If you list more than one `ENTRYPOINT` then only the last `ENTRYPOINT` will take effect',
    },
  ],
  clean: [{ src: 'FROM busybox:1.36\nENTRYPOINT ["a"]\nFROM busybox:1.36\nENTRYPOINT ["b"]\n' }],
});

describe('instruction fixes', () => {
  it('DL3000 makes the WORKDIR absolute', () => {
    const fixed = fixOnce('FROM alpine:3.19\nWORKDIR app\n', 'DL3000');
    expect(fixed).toBe('FROM alpine:3.19\nWORKDIR /app\n');
    expect(findingsOf(fixed, 'DL3000')).toEqual([]);
  });

  it('DL3020 turns ADD into COPY, keeping the case', () => {
    expect(fixOnce('FROM alpine:3.19\nADD a.txt /a\n', 'DL3020')).toBe('FROM alpine:3.19\nCOPY a.txt /a\n');
    expect(fixOnce('from alpine:3.19\nadd a.txt /a\n', 'DL3020')).toBe('from alpine:3.19\ncopy a.txt /a\n');
  });

  it('DL3020 has no fix when ADD-only flags are used', () => {
    const [f] = findingsOf('FROM alpine:3.19\nADD --checksum=sha256:abc a.txt /a\n', 'DL3020');
    expect(f).toBeDefined();
    expect(f?.fix).toBeUndefined();
  });

  it('DL3021 adds the trailing slash', () => {
    const fixed = fixOnce('FROM node:18\nCOPY a b /app\n', 'DL3021');
    expect(fixed).toBe('FROM node:18\nCOPY a b /app/\n');
    expect(findingsOf(fixed, 'DL3021')).toEqual([]);
  });

  it('DL3025 rewrites a plain command to JSON', () => {
    const fixed = fixOnce('FROM node:18\nCMD node "my server.js" --port 80\n', 'DL3025');
    expect(fixed).toBe('FROM node:18\nCMD ["node", "my server.js", "--port", "80"]\n');
    expect(findingsOf(fixed, 'DL3025')).toEqual([]);
  });

  it('DL3025 offers no fix when the shell would do something', () => {
    for (const cmd of ['node $APP', 'a && b', 'echo *', 'A=1 node x', 'a > log']) {
      const [f] = findingsOf(`FROM node:18\nCMD ${cmd}\n`, 'DL3025');
      expect(f, cmd).toBeDefined();
      expect(f?.fix, cmd).toBeUndefined();
    }
  });

  it('DL4000 replaces MAINTAINER with a label', () => {
    const fixed = fixOnce('FROM debian:12\nMAINTAINER Jane "J" Doe <j@x.io>\nRUN id\n', 'DL4000');
    expect(fixed).toBe('FROM debian:12\nLABEL org.opencontainers.image.authors="Jane \\"J\\" Doe <j@x.io>"\nRUN id\n');
    expect(findingsOf(fixed, 'DL4000')).toEqual([]);
  });
});
