import { describe, expect, it } from 'vitest';
import { covered, describeRule, findingsOf, fixOnce } from '../testing/rule-cases';

describeRule('UndefinedVar', {
  fires: [
    { src: 'FROM alpine:3.19\nCOPY $foo .\n', line: 2, message: "Usage of undefined variable '$foo'" },
    { name: 'suggestion', src: 'FROM alpine:3.19\nENV APP_HOME=/app\nWORKDIR $APP_HOM\n', line: 3, message: "Usage of undefined variable '$APP_HOM' (did you mean $APP_HOME?)" },
    { name: 'ARG declared later', src: 'FROM alpine:3.19\nLABEL v=$VERSION\nARG VERSION=1\n', line: 2 },
    { name: 'ARG of another stage', src: 'FROM alpine:3.19 AS a\nARG DIR=/x\nFROM alpine:3.19\nWORKDIR $DIR\n', line: 4 },
    { name: 'ARG default', src: 'FROM alpine:3.19\nARG B=$A/x\n', line: 2, message: "Usage of undefined variable '$A'" },
    { name: 'meta ARG is not visible in a stage', src: 'ARG V=1\nFROM alpine:3.19\nLABEL v=$V\n', line: 3 },
    { name: 'once per instruction', src: 'FROM alpine:3.19\nCOPY $X/a $X/b /dst/\n', line: 2, count: 1 },
  ],
  clean: [
    { src: 'FROM alpine:3.19\nARG foo\nCOPY $foo .\n' },
    { name: 'PATH is always set', src: 'FROM python:3.9\nENV PATH=/root/.local/bin:$PATH\n' },
    { name: 'RUN is left to the shell', src: 'FROM alpine:3.19\nRUN echo $UNDEFINED\n' },
    { name: 'meta ARG redeclared in the stage', src: 'ARG V=1\nFROM alpine:3.19\nARG V\nLABEL v=$V\n' },
    { name: 'stage built FROM another keeps its ARGs', src: 'FROM alpine:3.19 AS base\nARG DIR=/x\nFROM base\nWORKDIR $DIR\n' },
    {
      name: 'base image env from the caller',
      src: 'FROM node:18\nWORKDIR /app\nLABEL node=$NODE_VERSION\n',
      options: { baseImageEnv: (image) => (image === 'node:18' ? ['NODE_VERSION=18.19.0', 'PATH=/usr/local/bin:/usr/bin'] : undefined) },
    },
  ],
});

describe('UndefinedVar range', () => {
  it('points at the word with the variable', () => {
    const src = 'FROM alpine:3.19\nCOPY a.txt $DEST\n';
    const [f] = findingsOf(src, 'UndefinedVar');
    expect(f && covered(src, f)).toBe('$DEST');
  });
});

describeRule('UndefinedArgInFrom', {
  fires: [
    { src: 'FROM node:${NODE_VERSION}\n', line: 1, message: "FROM argument 'NODE_VERSION' is not declared" },
    { name: 'suggestion', src: 'ARG VERSION=latest\nFROM busybox:${VERSIN}\n', line: 2, message: "FROM argument 'VERSIN' is not declared (did you mean VERSION?)" },
    { name: 'in --platform', src: 'FROM --platform=$TARGETPLATFROM alpine:3.19\n', line: 1, message: "FROM argument 'TARGETPLATFROM' is not declared (did you mean TARGETPLATFORM?)" },
    { name: 'ARG after the first FROM', src: 'FROM alpine:3.19\nARG IMG=alpine:3.19\nFROM $IMG\n', line: 3 },
  ],
  clean: [
    { src: 'ARG VERSION=latest\nFROM busybox:${VERSION}\n' },
    { name: 'declared without default', src: 'ARG VERSION\nFROM busybox:${VERSION:-1.36}\n' },
    { name: 'predefined platform arg', src: 'FROM --platform=$BUILDPLATFORM golang:1.21 AS build\n' },
  ],
});

describeRule('InvalidDefaultArgInFrom', {
  fires: [
    { src: 'ARG TAG\nFROM busybox:${TAG}\n', line: 2, message: 'Default value for ARG busybox:${TAG} results in empty or invalid base image name' },
    { name: 'empty', src: 'ARG BASE\nFROM ${BASE}\n', line: 2, message: 'Default value for ARG ${BASE} results in empty or invalid base image name' },
    { name: 'uppercase default', src: 'ARG BASE=Alpine\nFROM $BASE\n', line: 2 },
  ],
  clean: [
    { src: 'ARG TAG=latest\nFROM busybox:${TAG}\n' },
    { name: 'default in the FROM', src: 'ARG TAG\nFROM busybox:${TAG:-1.36}\n' },
    { name: 'registry with port', src: 'ARG REG=localhost:5000\nFROM ${REG}/app:1.0\n' },
    { name: 'no variable', src: 'FROM alpine:3.19\n' },
  ],
});

describeRule('RedundantTargetPlatform', {
  fires: [
    {
      src: 'FROM --platform=$TARGETPLATFORM alpine:3.19\n',
      line: 1,
      message: 'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior',
    },
    { name: 'braces', src: 'FROM --platform=${TARGETPLATFORM} alpine:3.19\n', line: 1 },
  ],
  clean: [
    { src: 'FROM alpine:3.19\n' },
    { name: 'BUILDPLATFORM', src: 'FROM --platform=$BUILDPLATFORM golang:1.21 AS build\n' },
    { name: 'combined', src: 'FROM --platform=${TARGETOS}/${TARGETARCH} alpine:3.19\n' },
  ],
});

describeRule('FromPlatformFlagConstDisallowed', {
  fires: [{ src: 'FROM --platform=linux/amd64 alpine:3.19 AS build\n', line: 1, message: 'FROM --platform flag should not use constant value "linux/amd64"' }],
  clean: [
    { src: 'FROM --platform=$BUILDPLATFORM alpine:3.19 AS build\n' },
    { name: 'platform in the stage name', src: 'FROM --platform=linux/arm64 alpine:3.19 AS build-arm64\n' },
  ],
});

describeRule('WorkdirRelativePath', {
  fires: [
    { src: 'FROM alpine:3.19\nWORKDIR app\n', line: 2, message: 'Relative workdir "app" can have unexpected results if the base image changes' },
    { name: 'expanded', src: 'FROM alpine:3.19\nARG D=srv\nWORKDIR $D\n', line: 3, message: 'Relative workdir "srv" can have unexpected results if the base image changes' },
  ],
  clean: [
    { src: 'FROM alpine:3.19\nWORKDIR /app\n' },
    { name: 'relative after absolute', src: 'FROM alpine:3.19\nWORKDIR /app\nWORKDIR sub\n' },
    { name: 'absolute WORKDIR of the parent stage', src: 'FROM alpine:3.19 AS base\nWORKDIR /app\nFROM base\nWORKDIR sub\n' },
  ],
});

const secret = (ins: string, key: string) => `Do not use ARG or ENV instructions for sensitive data (${ins} "${key}")`;

describeRule('SecretsUsedInArgOrEnv', {
  fires: [
    { src: 'FROM alpine:3.19\nARG GITHUB_TOKEN\n', line: 2, message: secret('ARG', 'GITHUB_TOKEN') },
    { name: 'ENV', src: 'FROM alpine:3.19\nENV API_KEY=abc\n', line: 2, message: secret('ENV', 'API_KEY') },
    { name: 'token in the middle', src: 'FROM alpine:3.19\nENV AWS_SECRET_ACCESS_KEY=x\n', line: 2 },
    { name: 'case-insensitive', src: 'FROM alpine:3.19\nARG db_password\n', line: 2 },
  ],
  clean: [
    { src: 'FROM alpine:3.19\nARG VERSION=1\n' },
    { name: 'PUBLIC allowed', src: 'FROM alpine:3.19\nENV PUBLIC_KEY=x\n' },
    { name: '_FILE allowed', src: 'FROM alpine:3.19\nENV SESSION_SECRET_FILE=/run/secrets/s\n' },
    { name: '_VERSION allowed', src: 'FROM alpine:3.19\nARG AUTH_MODULE_VERSION=2\n' },
    { name: 'token inside a word', src: 'FROM alpine:3.19\nENV MONKEY=1 KEYBOARD=us\n' },
    { name: 'meta ARG is not checked', src: 'ARG NPM_TOKEN\nFROM alpine:3.19\n' },
  ],
});

describeRule('ExposeProtoCasing', {
  fires: [{ src: 'FROM alpine:3.19\nEXPOSE 80/TCP\n', line: 2, message: "Defined protocol '80/TCP' in EXPOSE instruction should be lowercase" }],
  clean: [{ src: 'FROM alpine:3.19\nEXPOSE 80/tcp 53/udp 8080\n' }],
});

describeRule('ExposeInvalidFormat', {
  fires: [
    { src: 'FROM alpine:3.19\nEXPOSE 127.0.0.1:80:80\n', line: 2, message: "EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:80:80'" },
    { name: 'host port', src: 'FROM alpine:3.19\nEXPOSE 80:80\n', line: 2, message: "EXPOSE instruction should not define an IP address or host-port mapping, found '80:80'" },
    { name: 'from a variable', src: 'FROM alpine:3.19\nARG P=8080:80\nEXPOSE $P\n', line: 3 },
  ],
  clean: [{ src: 'FROM alpine:3.19\nEXPOSE 80\n' }, { name: 'range', src: 'FROM alpine:3.19\nEXPOSE 8000-8010/udp\n' }],
});

describe('variable fixes', () => {
  it('RedundantTargetPlatform removes the flag', () => {
    const fixed = fixOnce('FROM --platform=$TARGETPLATFORM alpine:3.19 AS x\n', 'RedundantTargetPlatform');
    expect(fixed).toBe('FROM alpine:3.19 AS x\n');
  });

  it('ExposeProtoCasing lower-cases the protocol', () => {
    expect(fixOnce('FROM alpine:3.19\nEXPOSE 80/TCP\n', 'ExposeProtoCasing')).toBe('FROM alpine:3.19\nEXPOSE 80/tcp\n');
  });

  it('ExposeInvalidFormat keeps only the container port', () => {
    const fixed = fixOnce('FROM alpine:3.19\nEXPOSE 127.0.0.1:8080:80/udp\n', 'ExposeInvalidFormat');
    expect(fixed).toBe('FROM alpine:3.19\nEXPOSE 80/udp\n');
    expect(findingsOf(fixed, 'ExposeInvalidFormat')).toEqual([]);
  });

  it('no EXPOSE fix when the port came from a variable', () => {
    const [f] = findingsOf('FROM alpine:3.19\nARG P=8080:80\nEXPOSE $P\n', 'ExposeInvalidFormat');
    expect(f).toBeDefined();
    expect(f?.fix).toBeUndefined();
  });
});
