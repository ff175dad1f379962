import { describe, expect, it } from 'vitest';
import { covered, describeRule, findingsOf, fixOnce } from '../testing/rule-cases';

const DL3008_MSG = 'Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`';

describeRule('DL3008', {
  fires: [
    { src: 'FROM debian:12\nRUN apt-get install -y python3\n', line: 2, message: DL3008_MSG, count: 1 },
    { name: 'second package unpinned', src: 'FROM debian:12\nRUN apt-get install -y a=1 b\n', line: 2 },
    { name: 'inside a chain', src: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl\n', line: 3 },
    { name: 'exec form', src: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n', line: 2 },
  ],
  clean: [
    { src: 'FROM debian:12\nRUN apt-get install -y python3=3.11.2-1\n' },
    { name: 'target release value is not a package', src: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl=1.0\n' },
    { name: '.deb file', src: 'FROM debian:12\nRUN apt-get install -y ./pkg.deb\n' },
    { name: 'release pin with /', src: 'FROM debian:12\nRUN apt-get install -y curl/bookworm-backports\n' },
    { name: 'apt-get update only', src: 'FROM debian:12\nRUN apt-get update\n' },
  ],
});

describe('DL3008 range', () => {
  it('points at the unpinned package', () => {
    const src = 'FROM debian:12\nRUN apt-get update && apt-get install -y \\\n    git=1 \\\n    curl\n';
    const [f] = findingsOf(src, 'DL3008');
    expect(f && covered(src, f)).toBe('curl');
    expect([f?.line, f?.range.start.line]).toEqual([2, 4]);
  });
});

describeRule('DL3009', {
  fires: [
    { src: 'FROM scratch\nRUN apt-get update && apt-get install python\n', line: 2, message: 'Delete the apt-get lists after installing something.' },
    { name: 'last stage', src: 'FROM ubuntu:22.04 AS foo\nRUN echo hey\nFROM scratch\nRUN apt-get update && apt-get install python\n', line: 4 },
    { name: 'stage used as a base later', src: 'FROM ubuntu:22.04 AS foo\nRUN apt-get update && apt-get install python\nFROM foo\nRUN echo hey\n', line: 2 },
    { name: 'cache mount of /var/cache/apt only', src: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y x\n', line: 2 },
    { name: 'ONBUILD trigger', src: 'FROM ubuntu:22.04 AS base\nONBUILD RUN apt-get update\nFROM scratch\n', line: 2 },
  ],
  clean: [
    { src: 'FROM scratch\nRUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'unused intermediate stage', src: 'FROM ubuntu:22.04 AS foo\nRUN apt-get update && apt-get install python\nFROM scratch\nRUN echo hey\n' },
    { name: 'cache mount of the lists', src: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y x\n' },
    {
      name: 'cache mounts of /var/lib/apt and /var/cache/apt',
      src: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt apt-get update\n',
    },
    { name: 'install without update', src: 'FROM debian:12\nRUN apt-get install -y curl=1\n' },
  ],
});

describeRule('DL3014', {
  fires: [
    { src: 'FROM debian:12\nRUN apt-get install python=2.7\n', line: 2, message: 'Use the `-y` switch to avoid manual input `apt-get -y install <package>`' },
    { name: 'second of two installs', src: 'FROM debian:12\nRUN apt-get install -y a=1 && apt-get install b=1\n', line: 2 },
  ],
  clean: [
    { src: 'FROM debian:12\nRUN apt-get install -y python=2.7\n' },
    { name: '--yes', src: 'FROM debian:12\nRUN apt-get install --yes python=2.7\n' },
    { name: '-qq', src: 'FROM debian:12\nRUN apt-get -qq install python=2.7\n' },
    { name: '--assume-yes', src: 'FROM debian:12\nRUN apt-get --assume-yes install python=2.7\n' },
    { name: 'clustered -yq', src: 'FROM debian:12\nRUN apt-get install -yq python=2.7\n' },
  ],
});

describeRule('DL3015', {
  fires: [{ src: 'FROM debian:12\nRUN apt-get install -y python\n', line: 2, message: 'Avoid additional packages by specifying `--no-install-recommends`' }],
  clean: [
    { src: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends python\n' },
    { name: 'apt option', src: 'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y python\n' },
    { name: 'not an install', src: 'FROM debian:12\nRUN apt-get update\n' },
  ],
});

describeRule('DL3027', {
  fires: [
    { src: 'FROM ubuntu:22.04\nRUN apt install -y python\n', line: 2, message: 'Do not use apt as it is meant to be a end-user tool, use apt-get or apt-cache instead' },
    { name: 'after &&', src: 'FROM ubuntu:22.04\nRUN echo hi && apt update\n', line: 2 },
  ],
  clean: [
    { src: 'FROM ubuntu:22.04\nRUN apt-get install -y python\n' },
    { name: 'apt as an argument', src: 'FROM ubuntu:22.04\nRUN echo apt install\n' },
  ],
});

describe('apt fixes', () => {
  it('DL3009 appends the list cleanup, after which it no longer fires', () => {
    const src = 'FROM debian:12\nRUN apt-get update && apt-get install -y \\\n    curl=1\nCMD ["bash"]\n';
    const fixed = fixOnce(src, 'DL3009');
    expect(fixed).toBe('FROM debian:12\nRUN apt-get update && apt-get install -y \\\n    curl=1 && rm -rf /var/lib/apt/lists/*\nCMD ["bash"]\n');
    expect(findingsOf(fixed, 'DL3009')).toEqual([]);
  });

  it('DL3009 offers no fix when the RUN ends in a comment-like word or a heredoc', () => {
    const src = 'FROM debian:12\nRUN <<EOF\napt-get update\nEOF\n';
    const [f] = findingsOf(src, 'DL3009');
    expect(f).toBeDefined();
    expect(f?.fix).toBeUndefined();
  });

  it('DL3014 adds -y after install', () => {
    const src = 'FROM debian:12\nRUN apt-get install curl=1\n';
    const fixed = fixOnce(src, 'DL3014');
    expect(fixed).toBe('FROM debian:12\nRUN apt-get install -y curl=1\n');
    expect(findingsOf(fixed, 'DL3014')).toEqual([]);
  });

  it('DL3015 adds --no-install-recommends', () => {
    const src = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl=1 && rm -rf /var/lib/apt/lists/*\n';
    const fixed = fixOnce(src, 'DL3015');
    expect(fixed).toContain('apt-get install --no-install-recommends -y curl=1');
    expect(findingsOf(fixed, 'DL3015')).toEqual([]);
  });

  it('DL3027 replaces apt with apt-get or apt-cache', () => {
    expect(fixOnce('FROM ubuntu:22.04\nRUN apt install -y curl\n', 'DL3027')).toBe('FROM ubuntu:22.04\nRUN apt-get install -y curl\n');
    expect(fixOnce('FROM ubuntu:22.04\nRUN apt search curl\n', 'DL3027')).toBe('FROM ubuntu:22.04\nRUN apt-cache search curl\n');
    const [moo] = findingsOf('FROM ubuntu:22.04\nRUN apt moo\n', 'DL3027');
    expect(moo).toBeDefined();
    expect(moo?.fix).toBeUndefined();
  });
});
