import { describe, expect, it } from 'vitest';
import { covered, describeRule, findingsOf } from '../testing/rule-cases';

describeRule('LL1001', {
  fires: [
    {
      name: 'material: frequently changing layers first',
      src: 'FROM node:18\nCOPY . .\nCOPY package*.json ./\nRUN npm install\n',
      line: 2,
      count: 1,
      message:
        '`COPY . .` copies the whole build context before `npm install` (line 4): any change to any file invalidates the cache from here, so the install re-runs on every code change. Copy package.json and the lock file first, install, then copy the rest.',
    },
    { name: 'pip requirements', src: 'FROM python:3.9-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n', line: 3, message: /requirements\.txt first/ },
    { name: 'go mod download', src: 'FROM golang:1.21\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build\n', line: 3, message: /go\.mod and go\.sum/ },
    { name: 'ADD . and npm ci', src: 'FROM node:18\nWORKDIR /app\nADD . /app\nRUN npm ci\n', line: 3 },
    { name: 'bundle install', src: 'FROM ruby:3.3\nWORKDIR /app\nCOPY ./ ./\nRUN bundle install\n', line: 3 },
    { name: 'yarn', src: 'FROM node:18\nWORKDIR /app\nCOPY . .\nRUN yarn\n', line: 3 },
  ],
  clean: [
    { name: 'material: rarely changing layers first', src: 'FROM node:18\nCOPY package*.json ./\nRUN npm install\nCOPY . .\n' },
    { name: 'build after the copy', src: 'FROM node:18\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n' },
    { name: 'installing the project itself', src: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\n' },
    { name: 'COPY --from is not the context', src: 'FROM node:18 AS b\nFROM node:18\nCOPY --from=b . .\nRUN npm ci\n' },
    { name: 'install in another stage', src: 'FROM node:18 AS a\nCOPY . .\nFROM node:18\nRUN npm ci\n' },
  ],
});

describe('LL1001 range', () => {
  it('points at the . source', () => {
    const src = 'FROM node:18\nWORKDIR /app\nCOPY . /app\nRUN npm ci\n';
    const [f] = findingsOf(src, 'LL1001');
    expect(f && covered(src, f)).toBe('.');
  });
});

describeRule('LL1004', {
  fires: [
    {
      src: 'FROM node:18\nWORKDIR /app\nCOPY . .\n',
      line: 3,
      options: { hasDockerignore: false },
      message:
        '`COPY . .` copies the whole build context and there is no .dockerignore: .git, node_modules, .env files and test data end up in the image. Add a .dockerignore for what the image does not need.',
    },
    { name: 'ADD ./', src: 'FROM node:18\nADD ./ /app/\n', line: 2, options: { hasDockerignore: false } },
  ],
  clean: [
    { src: 'FROM node:18\nWORKDIR /app\nCOPY . .\n', options: { hasDockerignore: true } },
    { name: 'unknown: not checked', src: 'FROM node:18\nWORKDIR /app\nCOPY . .\n' },
    { name: 'specific files', src: 'FROM node:18\nWORKDIR /app\nCOPY src/ ./src/\n', options: { hasDockerignore: false } },
    { name: 'from a stage', src: 'FROM node:18 AS a\nFROM node:18\nCOPY --from=a . /app\n', options: { hasDockerignore: false } },
  ],
});

describeRule('LL1007', {
  fires: [
    {
      name: 'material: before optimization',
      src: 'FROM ubuntu:20.04\nRUN apt-get update\nRUN apt-get install -y python3\n',
      line: 2,
      message:
        '`apt-get update` runs in a RUN of its own: its cached layer is reused when the install on line 3 changes, so packages come from a stale index. Run `apt-get update` and the install in the same RUN.',
    },
    { name: 'apk', src: 'FROM alpine:3.19\nRUN apk update\nWORKDIR /x\nRUN apk add curl\n', line: 2 },
  ],
  clean: [
    { src: 'FROM ubuntu:20.04\nRUN apt-get update && apt-get install -y python3\n' },
    { name: 'update alone, no install after', src: 'FROM ubuntu:20.04\nRUN apt-get update\n' },
    { name: 'install in another stage', src: 'FROM ubuntu:20.04 AS a\nRUN apt-get update\nFROM ubuntu:20.04\nRUN apt-get install -y x\n' },
  ],
});
