import { describe, expect, it } from 'vitest';
import { covered, describeRule, findingsOf } from '../testing/rule-cases';

describeRule('LL1002', {
  fires: [
    {
      name: 'material: current image (2 GB)',
      src: 'FROM ubuntu:20.04\nRUN apt-get update\nRUN apt-get install -y python3 python3-pip curl wget vim nano\n',
      line: 3,
      count: 1,
      message:
        '`vim`, `nano` are interactive tools that a production image does not need: it adds size and attack surface. Install debugging tools in a separate debug image or a build stage.',
    },
    { name: 'apk with a pin', src: 'FROM alpine:3.19\nRUN apk add --no-cache htop=3.3.0-r0\n', line: 2, message: /^`htop` is an interactive tool/ },
    { name: 'stage the final one is built FROM', src: 'FROM debian:12 AS base\nRUN apt-get install -y less\nFROM base\nCMD ["sh"]\n', line: 2 },
  ],
  clean: [
    { src: 'FROM ubuntu:20.04\nRUN apt-get install -y python3\n' },
    { name: 'in a build stage', src: 'FROM debian:12 AS build\nRUN apt-get install -y vim\nFROM debian:12\nCMD ["sh"]\n' },
    { name: 'not an install', src: 'FROM debian:12\nRUN echo vim\n' },
  ],
});

describe('LL1002 range', () => {
  it('points at the first tool', () => {
    const src = 'FROM debian:12\nRUN apt-get install -y curl nano\n';
    const [f] = findingsOf(src, 'LL1002');
    expect(f && covered(src, f)).toBe('nano');
  });
});

describeRule('LL1003', {
  fires: [
    {
      name: 'material: running tests in image',
      src: 'FROM ubuntu:20.04\nCOPY . .\nRUN python3 -m pytest  # Running tests in image\nCMD ["python3", "app.py"]\n',
      line: 3,
      message:
        '`python3 -m pytest` runs the tests in the final image: test files, test dependencies and what the run leaves behind are shipped with the application. Run tests in a build stage (`FROM ... AS test`) instead.',
    },
    { name: 'npm test', src: 'FROM node:18\nRUN npm ci && npm test\n', line: 2, message: /^`npm test` runs the tests/ },
    { name: 'npm run test:unit', src: 'FROM node:18\nRUN npm run test:unit\n', line: 2 },
    { name: 'go test', src: 'FROM golang:1.21\nRUN go test ./...\n', line: 2 },
    { name: 'pytest binary', src: 'FROM python:3.12\nRUN pytest -q\n', line: 2 },
  ],
  clean: [
    { name: 'material: test in builder', src: 'FROM python:3.9 AS builder\nRUN python -m pytest\nFROM python:3.9-alpine\nCMD ["python", "app.py"]\n' },
    { name: 'npm run build', src: 'FROM node:18\nRUN npm run build\n' },
    { name: 'go build', src: 'FROM golang:1.21\nRUN go build ./...\n' },
  ],
});

describeRule('LL1005', {
  fires: [
    {
      src: 'FROM python:3.9-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc build-essential\n',
      line: 2,
      message: 'Build tools (gcc, build-essential) are installed in the final image. Compile in a build stage and `COPY --from` only the result, so the compiler and headers are not shipped.',
    },
    { name: 'material: apk gcc', src: 'FROM python:3.9-alpine\nRUN apk add --no-cache gcc musl-dev libffi-dev\n', line: 2 },
    { name: 'build-base', src: 'FROM alpine:3.19\nRUN apk add --no-cache build-base\n', line: 2 },
  ],
  clean: [
    {
      name: 'material: final optimized Dockerfile',
      src: 'FROM python:3.9-slim AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends gcc\nFROM python:3.9-alpine\nCMD ["python", "main.py"]\n',
    },
    { name: 'removed in the same RUN', src: 'FROM python:3.9-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install x && apk del .build-deps\n' },
    { name: 'runtime packages', src: 'FROM debian:12\nRUN apt-get install -y ca-certificates\n' },
  ],
});
