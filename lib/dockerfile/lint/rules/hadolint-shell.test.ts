import { describe, expect, it } from 'vitest';
import { covered, describeRule, findingsOf, fixOnce } from '../testing/rule-cases';

describeRule('DL3003', {
  fires: [
    { src: 'FROM alpine:3.19\nRUN cd /usr/src/app && make\n', line: 2, message: 'Use WORKDIR to switch to a directory.' },
    { name: 'inside a subshell', src: 'FROM alpine:3.19\nRUN (cd /tmp && ls)\n', line: 2 },
  ],
  clean: [
    { src: 'FROM alpine:3.19\nWORKDIR /usr/src/app\nRUN make\n' },
    { name: 'cd as an argument', src: 'FROM alpine:3.19\nRUN echo cd\n' },
    { name: 'quoted in a string', src: 'FROM alpine:3.19\nRUN echo "cd /tmp && ls"\n' },
  ],
});

describeRule('DL3004', {
  fires: [
    { src: 'FROM debian:12\nRUN sudo apt-get update\n', line: 2, message: 'Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root' },
    { name: 'in command substitution', src: 'FROM debian:12\nRUN echo $(sudo id)\n', line: 2 },
  ],
  clean: [{ src: 'FROM debian:12\nRUN apt-get update\n' }, { name: 'gosu', src: 'FROM debian:12\nRUN gosu app id\n' }],
});

const CONSOLIDATE = 'Multiple consecutive `RUN` instructions. Consider consolidation.';

describeRule('DL3059', {
  fires: [
    { src: 'FROM alpine:3.19\nRUN echo a\nRUN echo b\n', line: 3, message: CONSOLIDATE, count: 1 },
    { name: 'three short RUNs', src: 'FROM alpine:3.19\nRUN echo a\nRUN echo b\nRUN echo c\n', line: 3, count: 2 },
    { name: 'comment between', src: 'FROM alpine:3.19\nRUN echo a\n# note\nRUN echo b\n', line: 4 },
    { name: 'same mounts', src: 'FROM alpine:3.19\nRUN --mount=type=cache,target=/c echo a\nRUN --mount=type=cache,target=/c echo b\n', line: 3 },
  ],
  clean: [
    { src: 'FROM alpine:3.19\nRUN echo a && echo b\n' },
    { name: 'more than two commands', src: 'FROM alpine:3.19\nRUN echo a && echo b && echo c\nRUN echo d\n' },
    { name: 'another instruction between', src: 'FROM alpine:3.19\nRUN echo a\nWORKDIR /app\nRUN echo b\n' },
    { name: 'different mounts', src: 'FROM alpine:3.19\nRUN --mount=type=cache,target=/c echo a\nRUN echo b\n' },
    { name: 'across stages', src: 'FROM alpine:3.19\nRUN echo a\nFROM alpine:3.19\nRUN echo b\n' },
  ],
});

describe('DL3059 fix', () => {
  it('merges the RUN into the one above', () => {
    const src = 'FROM alpine:3.19\nRUN echo a\nRUN echo b\nCMD ["sh"]\n';
    const fixed = fixOnce(src, 'DL3059');
    expect(fixed).toBe('FROM alpine:3.19\nRUN echo a && echo b\nCMD ["sh"]\n');
    expect(findingsOf(fixed, 'DL3059')).toEqual([]);
  });

  it('merges the third RUN into the second, not the first', () => {
    const src = 'FROM alpine:3.19\nRUN echo a\nRUN echo b\nRUN echo c\n';
    const fixes = findingsOf(src, 'DL3059').map((f) => f.fix);
    expect(fixes[1]?.range.start.line).toBe(3);
  });

  it('does not swallow a comment between the two', () => {
    const [f] = findingsOf('FROM alpine:3.19\nRUN echo a\n# keep me\nRUN echo b\n', 'DL3059');
    expect(f).toBeDefined();
    expect(f?.fix).toBeUndefined();
  });
});

describeRule('DL4001', {
  fires: [
    { src: 'FROM debian:12\nRUN wget https://x/a\nRUN curl -O https://x/b\n', line: 3, message: 'Either use Wget or Curl but not both.' },
    { name: 'same RUN', src: 'FROM debian:12\nRUN wget https://x/a && curl -O https://x/b\n', line: 2 },
  ],
  clean: [
    { src: 'FROM debian:12\nRUN curl -O https://x/a\nRUN curl -O https://x/b\n' },
    { name: 'different stages', src: 'FROM debian:12 AS a\nRUN wget https://x/a\nFROM debian:12\nRUN curl -O https://x/b\n' },
    { name: 'only installs the packages', src: 'FROM debian:12\nRUN apt-get install -y curl=1 wget=1\n' },
  ],
});

const PIPEFAIL =
  'Set the SHELL option -o pipefail before RUN with a pipe in it. If you are using /bin/sh in an alpine image or if your shell is symlinked to busybox then consider explicitly setting your SHELL to /bin/ash, or disable this check';

describeRule('DL4006', {
  fires: [
    { src: 'FROM debian:12\nRUN wget -O - https://x | tar xz\n', line: 2, message: PIPEFAIL },
    { name: 'SHELL without pipefail', src: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN a | b\n', line: 3 },
    { name: 'reset by FROM', src: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM debian:12\nRUN a | b\n', line: 4 },
    { name: 'pipe in a heredoc', src: 'FROM debian:12\nRUN <<EOF\ncurl -s https://x | sh\nEOF\n', line: 2 },
  ],
  clean: [
    { src: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://x | tar xz\n' },
    { name: 'ash', src: 'FROM alpine:3.19\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN a | b\n' },
    { name: 'zsh by name', src: 'FROM debian:12\nSHELL ["zsh", "-o", "pipefail", "-c"]\nRUN a | b\n' },
    { name: 'powershell', src: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["pwsh", "-Command"]\nRUN a | b\n' },
    { name: 'or is not a pipe', src: 'FROM debian:12\nRUN a || b\n' },
    { name: 'quoted pipe', src: "FROM debian:12\nRUN echo 'a | b'\n" },
    { name: 'exec form', src: 'FROM debian:12\nRUN ["sh", "-c", "a | b"]\n' },
  ],
});

describe('shell ranges', () => {
  it('DL3003 points at cd on a continuation line', () => {
    const src = 'FROM alpine:3.19\nRUN echo a && \\\n    cd /tmp\n';
    const [f] = findingsOf(src, 'DL3003');
    expect(f && covered(src, f)).toBe('cd');
    expect([f?.line, f?.range.start.line]).toEqual([2, 3]);
  });
});
