import { describe, expect, it } from 'vitest';
import { covered, describeRule, findingsOf, fixOnce } from '../testing/rule-cases';

const PIP_PIN =
  'Pin versions in pip. Instead of `pip install <package>` use `pip install <package>==<version>` or `pip install --requirement <requirements file>`.';

describeRule('DL3013', {
  fires: [
    { src: 'FROM python:3.12\nRUN pip install --no-cache-dir flask\n', line: 2, message: PIP_PIN },
    { name: 'pip3 and python -m pip', src: 'FROM python:3.12\nRUN python3 -m pip install --no-cache-dir requests\n', line: 2 },
    { name: 'one of several unpinned', src: 'FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.3 gunicorn\n', line: 2 },
    { name: 'value flag keeps the package', src: 'FROM python:3.12\nRUN pip install --no-cache-dir --index-url https://x/simple flask\n', line: 2 },
    { name: 'unversioned vcs url', src: 'FROM python:3.12\nRUN pip install --no-cache-dir git+https://github.com/org/repo\n', line: 2 },
  ],
  clean: [
    { src: 'FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.3\n' },
    { name: 'requirements file', src: 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n' },
    { name: '--requirement', src: 'FROM python:3.12\nRUN pip install --no-cache-dir --requirement requirements.txt\n' },
    { name: 'local project', src: 'FROM python:3.12\nRUN pip install --no-cache-dir .\n' },
    { name: 'range', src: 'FROM python:3.12\nRUN pip install --no-cache-dir "flask>=3,<4"\n' },
    { name: 'wheel', src: 'FROM python:3.12\nRUN pip install --no-cache-dir dist/app-1.0-py3-none-any.whl\n' },
    { name: 'sdist', src: 'FROM python:3.12\nRUN pip install --no-cache-dir app-1.0.tar.gz\n' },
    { name: 'vcs with @ref', src: 'FROM python:3.12\nRUN pip install --no-cache-dir git+https://github.com/org/repo@v1.2\n' },
    { name: 'constraints', src: 'FROM python:3.12\nRUN pip install --no-cache-dir -c constraints.txt flask\n' },
    { name: 'not pip', src: 'FROM python:3.12\nRUN echo pip install flask\n' },
  ],
});

describe('DL3013 range', () => {
  it('points at the package', () => {
    const src = 'FROM python:3.12\nRUN pip install --no-cache-dir flask==3 gunicorn\n';
    const [f] = findingsOf(src, 'DL3013');
    expect(f && covered(src, f)).toBe('gunicorn');
  });
});

describeRule('DL3016', {
  fires: [
    { src: 'FROM node:18\nRUN npm install express\n', line: 2, message: 'Pin versions in npm. Instead of `npm install <package>` use `npm install <package>@<version>`' },
    { name: 'global', src: 'FROM node:18\nRUN npm install -g typescript\n', line: 2 },
    { name: 'scoped without version', src: 'FROM node:18\nRUN npm install @types/node\n', line: 2 },
    { name: 'git without commit', src: 'FROM node:18\nRUN npm install git+https://github.com/org/repo.git\n', line: 2 },
  ],
  clean: [
    { src: 'FROM node:18\nRUN npm install express@4.19.2\n' },
    { name: 'package.json install', src: 'FROM node:18\nRUN npm install\n' },
    { name: 'npm ci', src: 'FROM node:18\nRUN npm ci\n' },
    { name: 'scoped with version', src: 'FROM node:18\nRUN npm install @types/node@20.1.0\n' },
    { name: 'tarball', src: 'FROM node:18\nRUN npm install ./pkg.tgz\n' },
    { name: 'folder', src: 'FROM node:18\nRUN npm install ../lib\n' },
    { name: 'git with commit', src: 'FROM node:18\nRUN npm install git+https://github.com/org/repo.git#v1.0.0\n' },
    { name: 'install not first', src: 'FROM node:18\nRUN npm run install express\n' },
  ],
});

describeRule('DL3018', {
  fires: [
    { src: 'FROM alpine:3.19\nRUN apk add --no-cache flex\n', line: 2, message: 'Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`' },
    { name: 'virtual name is not a package, the rest is', src: 'FROM alpine:3.19\nRUN apk add --no-cache --virtual .build gcc\n', line: 2 },
  ],
  clean: [
    { src: 'FROM alpine:3.19\nRUN apk add --no-cache flex=2.6.4-r1\n' },
    { name: 'tilde pin', src: 'FROM alpine:3.19\nRUN apk add --no-cache flex~=2.6\n' },
    { name: '.apk file', src: 'FROM alpine:3.19\nRUN apk add --no-cache /tmp/pkg.apk\n' },
    { name: 'virtual name only', src: 'FROM alpine:3.19\nRUN apk add --no-cache --virtual .build gcc=13.2.1-r0\n' },
  ],
});

describeRule('DL3019', {
  fires: [
    {
      src: 'FROM alpine:3.19\nRUN apk add flex=2.6.4-r1\n',
      line: 2,
      message: 'Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages',
    },
  ],
  clean: [
    { src: 'FROM alpine:3.19\nRUN apk add --no-cache flex=2.6.4-r1\n' },
    { name: 'flag before add (material example)', src: 'FROM alpine:3.19\nRUN apk --no-cache add ca-certificates=1\n' },
    { name: 'apk del', src: 'FROM alpine:3.19\nRUN apk del flex\n' },
  ],
});

const PIP_CACHE = 'Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`.';

describeRule('DL3042', {
  fires: [
    { src: 'FROM python:3.12\nRUN pip install -r requirements.txt\n', line: 2, message: PIP_CACHE },
    { name: 'pip3', src: 'FROM ubuntu:22.04\nRUN pip3 install -r requirements.txt\n', line: 2 },
    { name: 'ENV in another stage does not count', src: 'FROM python:3.12 AS a\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12-slim\nRUN pip install -r r.txt\n', line: 4 },
    { name: 'falsy ENV', src: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=0\nRUN pip install -r r.txt\n', line: 3 },
  ],
  clean: [
    { src: 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n' },
    { name: 'ENV in the stage', src: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt\n' },
    { name: 'ENV inherited through the alias', src: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=true\nFROM base\nRUN pip install -r r.txt\n' },
    { name: 'inline variable', src: 'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install -r requirements.txt\n' },
    { name: 'pipx', src: 'FROM python:3.12\nRUN pipx install poetry==1.8.0\n' },
    { name: 'python -m pipenv', src: 'FROM python:3.12\nRUN python -m pipenv install\n' },
  ],
});

describeRule('DL3060', {
  fires: [
    { src: 'FROM node:18\nRUN yarn install foo\n', line: 2, message: '`yarn cache clean` missing after `yarn install` was run.' },
    { name: 'last stage', src: 'FROM node:18 AS foo\nRUN echo hey\nFROM scratch\nRUN yarn install\n', line: 4 },
    { name: 'inherited stage', src: 'FROM node:18 AS foo\nRUN yarn install\nFROM foo\nRUN echo hey\n', line: 2 },
  ],
  clean: [
    { src: 'FROM node:18\nRUN yarn install bar && yarn cache clean\n' },
    { name: 'stage not reused', src: 'FROM node:18 AS foo\nRUN yarn install foo\nFROM scratch\nRUN echo hey\n' },
    { name: 'no yarn', src: 'FROM node:18\nRUN npm ci\n' },
  ],
});

describe('package fixes', () => {
  it('DL3042 adds --no-cache-dir after install', () => {
    const src = 'FROM python:3.12\nRUN pip install -r requirements.txt\n';
    const fixed = fixOnce(src, 'DL3042');
    expect(fixed).toBe('FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n');
    expect(findingsOf(fixed, 'DL3042')).toEqual([]);
  });

  it('DL3019 adds --no-cache after add', () => {
    const fixed = fixOnce('FROM alpine:3.19\nRUN apk add curl=8.5.0-r0\n', 'DL3019');
    expect(fixed).toBe('FROM alpine:3.19\nRUN apk add --no-cache curl=8.5.0-r0\n');
    expect(findingsOf(fixed, 'DL3019')).toEqual([]);
  });

  it('DL3060 appends yarn cache clean', () => {
    const fixed = fixOnce('FROM node:18\nRUN yarn install --frozen-lockfile\n', 'DL3060');
    expect(fixed).toBe('FROM node:18\nRUN yarn install --frozen-lockfile && yarn cache clean\n');
    expect(findingsOf(fixed, 'DL3060')).toEqual([]);
  });
});
